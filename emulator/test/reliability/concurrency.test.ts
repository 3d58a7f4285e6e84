/**
 * Races that must have exactly one winner. Requests go over real HTTP to an emulator listening on port 0,
 * all sent at once, so their slow parts (argon2, signing) interleave on the event loop as in production.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFrom, createEmulator, type RunningEmulator } from '../../src/index.js';
import { operations } from '../../src/operations/index.js';
import { callApi, createPool, createSignedInUser, lastCode, ok, refreshBody, signUpBody, type PoolFixture } from '../support/aws-json.js';

const tally = (answers: Array<{ status: number; type: string | undefined }>) => {
  const counts: Record<string, number> = {};
  for (const answer of answers) {
    const key = answer.status === 200 ? 'ok' : `${answer.status} ${answer.type}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
};

describe('concurrency', () => {
  let emulator: RunningEmulator;
  let url: string;
  let pool: PoolFixture;

  beforeAll(async () => {
    emulator = await createEmulator(configFrom({ port: 0, dataPath: ':memory:', logLevel: 'silent' }));
    url = emulator.url;
    pool = await createPool(url, 'concurrency');
  });
  afterAll(async () => emulator?.close());

  it('50 simultaneous SignUps of one username: exactly one succeeds, 49 get UsernameExistsException', async () => {
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => callApi(url, 'SignUp', signUpBody(pool.clientId, 'same-name', `Passw0rd!-${i}`))),
    );
    expect(tally(answers)).toEqual({ ok: 1, '400 UsernameExistsException': 49 });
    // The one stored user is whole, and its password is the winner's.
    const winner = answers.findIndex((answer) => answer.status === 200);
    await ok(url, 'AdminConfirmSignUp', { UserPoolId: pool.poolId, Username: 'same-name' });
    const signIn = await callApi(url, 'InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: pool.clientId,
      AuthParameters: { USERNAME: 'same-name', PASSWORD: `Passw0rd!-${winner}` },
    });
    expect(signIn.status).toBe(200);
  });

  it('50 simultaneous ConfirmSignUps with the same code confirm the user once', async () => {
    await ok(url, 'SignUp', signUpBody(pool.clientId, 'confirm-race'));
    const code = await lastCode(url, pool.poolId, 'confirm-race');
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => callApi(url, 'ConfirmSignUp', { ClientId: pool.clientId, Username: 'confirm-race', ConfirmationCode: code })),
    );
    const counts = tally(answers);
    expect(counts.ok).toBe(1);
    // The losers see a confirmed user or a spent code, never a server error.
    for (const answer of answers.filter((a) => a.status !== 200)) {
      expect(answer.status).toBe(400);
      expect(['NotAuthorizedException', 'CodeMismatchException', 'ExpiredCodeException']).toContain(answer.type);
    }
    const user = await ok(url, 'AdminGetUser', { UserPoolId: pool.poolId, Username: 'confirm-race' });
    expect(user.UserStatus).toBe('CONFIRMED');
  });

  it('refreshes after a global sign-out all fail, and tokens from refreshes racing it are revoked too', async (context) => {
    if (!operations.has('GlobalSignOut')) return context.skip(); // runs as soon as GlobalSignOut is registered
    const tokens = await createSignedInUser(url, pool, 'signed-out');
    const refresh = () => callApi(url, 'InitiateAuth', refreshBody(pool.clientId, tokens.RefreshToken));
    const getTokens = () => callApi(url, 'GetTokensFromRefreshToken', { ClientId: pool.clientId, RefreshToken: tokens.RefreshToken });
    expect((await refresh()).status).toBe(200);

    // Refreshes in flight while the sign-out happens: whichever way each one falls, what it got must not work.
    const racing = Array.from({ length: 20 }, () => refresh());
    expect((await callApi(url, 'GlobalSignOut', { AccessToken: tokens.AccessToken })).status).toBe(200);
    for (const answer of await Promise.all(racing)) {
      if (answer.status !== 200) {
        expect(answer.type).toBe('NotAuthorizedException');
        continue;
      }
      const accessToken = (answer.body.AuthenticationResult as { AccessToken: string }).AccessToken;
      const me = await callApi(url, 'GetUser', { AccessToken: accessToken });
      expect(me).toMatchObject({ status: 400, type: 'NotAuthorizedException' });
    }

    // After it: every refresh, by either operation, is refused.
    const after = await Promise.all(Array.from({ length: 25 }, (_, i) => (i % 2 ? refresh() : getTokens())));
    expect(tally(after)).toEqual({ '400 NotAuthorizedException': 25 });
    expect((await callApi(url, 'GetUser', { AccessToken: tokens.AccessToken })).type).toBe('NotAuthorizedException');
  });
});
