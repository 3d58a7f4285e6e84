import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      'emulator',
      'client',
      'contract-tests',
      // The aws target's code path, pointed at an emulator through the SDK's standard endpoint setting
      // (CI cannot reach AWS): the SDK resolves AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER, not our code.
      {
        extends: './contract-tests/vitest.config.ts',
        root: './contract-tests',
        test: {
          name: 'contract-tests:aws-path',
          env: { CONTRACT_TARGET: 'aws', CONTRACT_AWS_PATH_VIA_EMULATOR: '1' },
        },
      },
    ],
  },
});
