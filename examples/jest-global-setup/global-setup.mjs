// Starts one emulator for the whole test run, seeded with fixed pool and client ids.
import { fileURLToPath } from 'node:url';
import { startEmulator } from 'cognito-emulator';

export default async function globalSetup() {
  const emulator = await startEmulator({ seed: fileURLToPath(new URL('./seed.json', import.meta.url)) });
  globalThis.cognitoEmulator = emulator; // for globalTeardown
  process.env.COGNITO_ENDPOINT = emulator.url; // test workers inherit the environment
}
