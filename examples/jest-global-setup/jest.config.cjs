module.exports = {
  testEnvironment: 'node',
  // ES modules, because cognito-emulator is one; jest imports them natively.
  globalSetup: './global-setup.mjs',
  globalTeardown: './global-teardown.mjs',
  testMatch: ['<rootDir>/*.test.cjs'],
};
