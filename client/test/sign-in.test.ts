import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UnhandledChallengeError, createCognitoClient, secretHash, signIn, signInWithSrp } from '../src/index.js';
import { CLIENT_SECRET, POOL_ID, PUBLIC_CLIENT, SECRET_CLIENT, startFakeCognito } from './support/fake-cognito.js';
import type { FakeCognito } from './support/fake-cognito.js';

let fake: FakeCognito;
let client: ReturnType<typeof createCognitoClient>;
const clock = () => new Date('2024-03-05T09:07:03Z');

beforeAll(async () => {
  fake = await startFakeCognito();
  client = createCognitoClient({ endpoint: fake.url, maxAttempts: 1 });
});

afterAll(async () => {
  client.destroy();
  await fake.close();
});

beforeEach(() => {
  fake.calls.length = 0;
  fake.users.clear();
  fake.users.set('alice', {
    username: 'alice',
    email: 'alice@example.com',
    password: 'P@ssw0rd!',
    status: 'CONFIRMED',
    attributes: {},
  });
  fake.users.set('newbie', {
    username: 'newbie',
    email: 'newbie@example.com',
    password: 'Temp0rary!',
    status: 'FORCE_CHANGE_PASSWORD',
    attributes: {},
  });
  fake.users.set('mfa-user', {
    username: 'mfa-user',
    email: 'mfa@example.com',
    password: 'P@ssw0rd!',
    status: 'CONFIRMED',
    mfa: true,
    attributes: {},
  });
});

const base = { clientId: PUBLIC_CLIENT, userPoolId: POOL_ID, clock };

describe('signInWithSrp', () => {
  it('proves the password and returns tokens', async () => {
    const out = await signInWithSrp({ ...base, client, username: 'alice', password: 'P@ssw0rd!' });
    expect(out.AuthenticationResult?.IdToken).toBe('id-alice');
    const [init, verify] = fake.calls;
    expect(init?.body).toMatchObject({ AuthFlow: 'USER_SRP_AUTH', ClientId: PUBLIC_CLIENT });
    const srpA = (init?.body.AuthParameters as Record<string, string>).SRP_A ?? '';
    expect(srpA).toMatch(/^[0-9a-f]+$/);
    expect(verify?.body.ChallengeName).toBe('PASSWORD_VERIFIER');
    expect(verify?.body.ChallengeResponses).toMatchObject({ USERNAME: 'alice', TIMESTAMP: 'Tue Mar 5 09:07:03 UTC 2024' });
    expect(verify?.body).not.toHaveProperty('Session');
  });

  it('answers with USER_ID_FOR_SRP when signing in by alias, and hashes the secret with it', async () => {
    const out = await signInWithSrp({
      ...base,
      client,
      clientId: SECRET_CLIENT,
      clientSecret: CLIENT_SECRET,
      username: 'alice@example.com',
      password: 'P@ssw0rd!',
    });
    expect(out.AuthenticationResult?.AccessToken).toBe('access-alice');
    const [init, verify] = fake.calls;
    expect(init?.body.AuthParameters).toMatchObject({
      USERNAME: 'alice@example.com',
      SECRET_HASH: secretHash(CLIENT_SECRET, 'alice@example.com', SECRET_CLIENT),
    });
    expect(verify?.body.ChallengeResponses).toMatchObject({
      USERNAME: 'alice',
      SECRET_HASH: secretHash(CLIENT_SECRET, 'alice', SECRET_CLIENT),
    });
  });

  it('surfaces a wrong password as the service error', async () => {
    await expect(signInWithSrp({ ...base, client, username: 'alice', password: 'nope' })).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });

  it('returns the next challenge as is', async () => {
    const out = await signInWithSrp({ ...base, client, username: 'newbie', password: 'Temp0rary!' });
    expect(out.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(out.Session).toBeTruthy();
  });
});

describe('signIn', () => {
  it('uses SRP by default', async () => {
    const tokens = await signIn({ ...base, client, username: 'alice', password: 'P@ssw0rd!' });
    expect(tokens).toMatchObject({ IdToken: 'id-alice', AccessToken: 'access-alice', TokenType: 'Bearer' });
    expect(fake.calls.map((c) => c.operation)).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
  });

  it('supports USER_PASSWORD_AUTH with a client secret', async () => {
    const tokens = await signIn({
      ...base,
      client,
      clientId: SECRET_CLIENT,
      clientSecret: CLIENT_SECRET,
      username: 'alice@example.com',
      password: 'P@ssw0rd!',
      flow: 'USER_PASSWORD_AUTH',
    });
    expect(tokens.RefreshToken).toBe('refresh-alice');
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]?.body.AuthParameters).toEqual({
      USERNAME: 'alice@example.com',
      PASSWORD: 'P@ssw0rd!',
      SECRET_HASH: secretHash(CLIENT_SECRET, 'alice@example.com', SECRET_CLIENT),
    });
  });

  it('stops at NEW_PASSWORD_REQUIRED without newPassword, keeping the Session', async () => {
    const err = await signIn({ ...base, client, username: 'newbie', password: 'Temp0rary!' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnhandledChallengeError);
    const challenge = err as UnhandledChallengeError;
    expect(challenge.challengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(challenge.session).toBeTruthy();
    expect(challenge.message).toMatch(/NEW_PASSWORD_REQUIRED.*newPassword/);
  });

  it('answers NEW_PASSWORD_REQUIRED with the new password, attributes and secret hash', async () => {
    for (const flow of ['USER_SRP_AUTH', 'USER_PASSWORD_AUTH'] as const) {
      fake.calls.length = 0;
      const user = fake.users.get('newbie');
      if (user) Object.assign(user, { status: 'FORCE_CHANGE_PASSWORD', password: 'Temp0rary!' });
      const tokens = await signIn({
        ...base,
        client,
        clientId: SECRET_CLIENT,
        clientSecret: CLIENT_SECRET,
        username: 'newbie@example.com',
        password: 'Temp0rary!',
        newPassword: 'N3w-P@ssword!',
        newAttributes: { name: 'New Bie' },
        flow,
      });
      expect(tokens.IdToken).toBe('id-newbie');
      const last = fake.calls.at(-1);
      expect(last?.body).toMatchObject({ ChallengeName: 'NEW_PASSWORD_REQUIRED', ClientId: SECRET_CLIENT });
      expect(last?.body.Session).toEqual(expect.any(String));
      expect(last?.body.ChallengeResponses).toEqual({
        USERNAME: 'newbie',
        NEW_PASSWORD: 'N3w-P@ssword!',
        'userAttributes.name': 'New Bie',
        SECRET_HASH: secretHash(CLIENT_SECRET, 'newbie', SECRET_CLIENT),
      });
      expect(fake.users.get('newbie')?.attributes.name).toBe('New Bie');
    }
    // The new password now works.
    const tokens = await signIn({ ...base, client, username: 'newbie', password: 'N3w-P@ssword!' });
    expect(tokens.AccessToken).toBe('access-newbie');
  });

  it('names any other challenge in the error', async () => {
    const err = await signIn({ ...base, client, username: 'mfa-user', password: 'P@ssw0rd!' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnhandledChallengeError);
    expect(err).toMatchObject({
      message: 'Sign-in stopped at unhandled challenge SMS_MFA',
      challengeName: 'SMS_MFA',
      session: 'mfa-session',
      challengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS' },
    });
  });
});
