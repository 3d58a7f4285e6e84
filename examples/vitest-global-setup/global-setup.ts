// Starts one emulator for the whole test run, seeded with fixed pool and client ids.
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startEmulator } from 'cognito-emulator';

declare module 'vitest' {
  export interface ProvidedContext {
    cognitoEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  const emulator = await startEmulator({ seed: fileURLToPath(new URL('./seed.json', import.meta.url)) });
  project.provide('cognitoEndpoint', emulator.url);
  return () => emulator.close();
}
