/**
 * Starts what the chosen target needs, once per test run.
 * - emulator (default): the emulator in this process, on a free port, in memory.
 * - aws: real Cognito through the standard AWS credential chain. When CONTRACT_AWS_PATH_VIA_EMULATOR=1 (CI,
 *   which cannot reach AWS) an emulator is started and the SDK is pointed at it through its standard
 *   AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER setting, so the aws target's code path runs for real.
 */
import type { TestProject } from 'vitest/node';
import { configFrom, createEmulator, type RunningEmulator } from 'cognito-emulator';
import { CognitoIdentityProviderClient, DeleteUserPoolCommand, paginateListUserPools } from '@aws-sdk/client-cognito-identity-provider';
import { poolNamePrefix } from '../fixtures/names.js';

declare module 'vitest' {
  export interface ProvidedContext {
    emulatorUrl: string | undefined;
  }
}

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  // A project may set these in its `test.env` (see the root vitest.config.ts); the shell may too.
  const env = { ...process.env, ...(project.config.env ?? {}) };
  const target = env.CONTRACT_TARGET ?? 'emulator';
  let emulator: RunningEmulator | undefined;
  if (target === 'emulator' || env.CONTRACT_AWS_PATH_VIA_EMULATOR === '1') {
    emulator = await createEmulator(configFrom({ port: 0, dataPath: ':memory:', logLevel: 'warn' }));
  }
  if (target === 'aws' && emulator) {
    // The SDK's standard endpoint setting and dummy credentials: for this project's workers only when the
    // project declares its own env (the root config's aws-path project), else for the whole run.
    const overrides = {
      AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: emulator.url,
      AWS_ACCESS_KEY_ID: 'contract-tests',
      AWS_SECRET_ACCESS_KEY: 'contract-tests',
      AWS_REGION: 'us-east-1',
    };
    Object.assign(project.config.env ?? process.env, overrides);
  }
  if (target === 'aws' && !emulator) await sweepLeftoverPools();
  project.provide('emulatorUrl', target === 'emulator' ? emulator?.url : undefined);
  return async () => {
    await emulator?.close();
  };
}

/** Deletes pools an interrupted earlier run left behind on real Cognito (ours by name, over an hour old). */
async function sweepLeftoverPools(): Promise<void> {
  const client = new CognitoIdentityProviderClient({});
  const anHourAgo = Date.now() - 60 * 60 * 1000;
  for await (const page of paginateListUserPools({ client }, { MaxResults: 60 })) {
    for (const pool of page.UserPools ?? []) {
      if (pool.Name?.startsWith(poolNamePrefix) && (pool.CreationDate?.getTime() ?? Infinity) < anHourAgo) {
        await client.send(new DeleteUserPoolCommand({ UserPoolId: pool.Id })).catch(() => undefined);
      }
    }
  }
}
