/**
 * Starts what the chosen target needs, once per test run.
 * - emulator (default): the emulator in this process, on a free port, in memory.
 * - aws: real Cognito through the standard AWS credential chain. When CONTRACT_AWS_PATH_VIA_EMULATOR=1 (CI,
 *   which cannot reach AWS) an emulator is started and the SDK is pointed at it through its standard
 *   AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER setting, so the aws target's code path runs for real.
 */
import type { TestProject } from 'vitest/node';
import { configFrom, createEmulator, type RunningEmulator } from 'cognito-emulator';

declare module 'vitest' {
  export interface ProvidedContext {
    emulatorUrl: string | undefined;
  }
}

let emulator: RunningEmulator | undefined;

export async function setup(project: TestProject): Promise<void> {
  const target = process.env.CONTRACT_TARGET ?? 'emulator';
  if (target === 'emulator' || process.env.CONTRACT_AWS_PATH_VIA_EMULATOR === '1') {
    emulator = await createEmulator(configFrom({ port: 0, dataPath: ':memory:', logLevel: 'warn' }));
  }
  if (target === 'aws' && emulator) {
    process.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER = emulator.url;
    process.env.AWS_ACCESS_KEY_ID ??= 'contract-tests';
    process.env.AWS_SECRET_ACCESS_KEY ??= 'contract-tests';
    process.env.AWS_REGION ??= 'us-east-1';
  }
  project.provide('emulatorUrl', target === 'emulator' ? emulator?.url : undefined);
}

export async function teardown(): Promise<void> {
  await emulator?.close();
}
