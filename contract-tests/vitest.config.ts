import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'contract-tests',
    include: ['tests/**/*.test.ts'],
    globalSetup: ['./targets/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
