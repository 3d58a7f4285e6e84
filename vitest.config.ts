import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['emulator', 'client', 'contract-tests'],
  },
});
