/**
 * The AWS CLI (botocore underneath) against the emulator: create a pool and a client, sign a user up,
 * confirm them and sign them in, reading the CLI's JSON output; a refused call exits non-zero with the
 * Cognito exception name on stderr. Emulator only (it needs --endpoint-url), and skipped where `aws` is not
 * installed (CI installs Debian's awscli). Each CLI call costs about a second, so calls are few.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { DeleteUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, describe, expect, it } from 'vitest';
import { goodPassword, uniqueName } from '../fixtures/pools.js';
import { target } from '../targets/target.js';

const run = promisify(execFile);

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((directory) => {
    try {
      accessSync(join(directory, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

const hasAwsCli = onPath('aws');
const endpoint = target().endpoint;
const suiteName = hasAwsCli
  ? 'AWS CLI against the emulator'
  : 'AWS CLI against the emulator (SKIPPED: `aws` is not on PATH; install it, e.g. apt-get install awscli)';

if (!hasAwsCli) console.warn(`[aws-cli.test] ${suiteName}`);

/** Runs `aws cognito-idp <args>` against the emulator with dummy credentials and no user configuration. */
async function aws(...args: string[]): Promise<{ stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    AWS_ACCESS_KEY_ID: 'cognito-emulator',
    AWS_SECRET_ACCESS_KEY: 'cognito-emulator',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_PAGER: '',
    // Keep a developer's own profiles, endpoints and retries out of the test.
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_MAX_ATTEMPTS: '1',
    ...(process.env.PYENV_ROOT && { PYENV_ROOT: process.env.PYENV_ROOT }),
    ...(process.env.PYENV_VERSION && { PYENV_VERSION: process.env.PYENV_VERSION }),
  };
  return run('aws', ['cognito-idp', ...args, '--endpoint-url', endpoint!, '--output', 'json'], { env, timeout: 60_000 });
}

const json = (stdout: string): Record<string, unknown> => JSON.parse(stdout) as Record<string, unknown>;

describe.runIf(endpoint !== undefined)(suiteName, () => {
  let userPoolId: string | undefined;

  afterAll(async () => {
    if (userPoolId) await target().client.send(new DeleteUserPoolCommand({ UserPoolId: userPoolId })).catch(() => undefined);
  });

  it.skipIf(!hasAwsCli)('signs a user up and in with create-user-pool, create-user-pool-client, sign-up, admin-confirm-sign-up and initiate-auth', async () => {
    const pool = json((await aws('create-user-pool', '--pool-name', uniqueName('contract-test'))).stdout).UserPool as { Id: string; Arn: string };
    userPoolId = pool.Id;
    expect(pool.Id).toMatch(/^us-east-1_[0-9A-Za-z]+$/);

    const client = json(
      (
        await aws(
          'create-user-pool-client',
          '--user-pool-id', pool.Id,
          '--client-name', 'cli-client',
          '--explicit-auth-flows', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH',
        )
      ).stdout,
    ).UserPoolClient as { ClientId: string; ExplicitAuthFlows: string[] };
    expect(client.ClientId).toMatch(/^[0-9a-z]{26}$/);
    expect([...client.ExplicitAuthFlows].sort()).toEqual(['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_PASSWORD_AUTH']);

    const username = uniqueName();
    const signedUp = json(
      (await aws('sign-up', '--client-id', client.ClientId, '--username', username, '--password', goodPassword, '--user-attributes', `Name=email,Value=${username}@example.com`))
        .stdout,
    );
    expect(signedUp).toMatchObject({ UserConfirmed: false, UserSub: expect.stringMatching(/^[0-9a-f-]{36}$/) });

    const confirmed = await aws('admin-confirm-sign-up', '--user-pool-id', pool.Id, '--username', username);
    expect(confirmed.stdout.trim() === '' || confirmed.stdout.trim() === '{}').toBe(true);

    // The good and the refused sign-in run side by side: each CLI start costs about a second.
    const signIn = (password: string) =>
      aws('initiate-auth', '--client-id', client.ClientId, '--auth-flow', 'USER_PASSWORD_AUTH', '--auth-parameters', `USERNAME=${username},PASSWORD=${password}`);
    const [good, refused] = await Promise.all([
      signIn(goodPassword),
      signIn('Wrong-password-1').then(
        () => undefined,
        (error: unknown) => error as { code?: number; stderr?: string },
      ),
    ]);
    expect(json(good.stdout).AuthenticationResult).toMatchObject({
      AccessToken: expect.any(String),
      IdToken: expect.any(String),
      RefreshToken: expect.any(String),
      TokenType: 'Bearer',
      ExpiresIn: 3600,
    });

    // The refused call: non-zero exit, the Cognito exception name on stderr.
    expect(refused, 'the wrong password was accepted').toBeDefined();
    expect(refused!.code).not.toBe(0);
    expect(refused!.code).toEqual(expect.any(Number));
    expect(refused!.stderr).toContain('NotAuthorizedException');
    expect(refused!.stderr).toContain('Incorrect username or password.');
  });
});
