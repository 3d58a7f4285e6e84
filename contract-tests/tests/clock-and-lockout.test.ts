/**
 * What only a movable clock can show: codes and tokens expiring, the brute-force back-off, and the reset
 * endpoints. These need the emulator (its clock and outbox), and run on an emulator of their own so that
 * moving time cannot expire other files' codes and tokens (fixtures/own-emulator.ts).
 */
import {
  AdminGetUserCommand,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  ForgotPasswordCommand,
  GetUserCommand,
  InitiateAuthCommand,
  type AuthenticationResultType,
} from '@aws-sdk/client-cognito-identity-provider';
import { readClock, readMessages, resetEmulator } from 'cognito-emulator-client';
import { decodeJwt } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectCognitoError } from '../fixtures/errors.js';
import { ownEmulator, type OwnEmulator } from '../fixtures/own-emulator.js';
import { goodPassword, type PoolWithClient } from '../fixtures/pools.js';
import { uniqueName } from '../fixtures/names.js';
import { hasClock } from '../targets/target.js';

describe.skipIf(!hasClock())('the emulator clock (needs the clock)', () => {
  let own: OwnEmulator;
  let app: PoolWithClient;

  beforeAll(async () => {
    own = await ownEmulator();
    app = await own.createPoolWithClient({ AutoVerifiedAttributes: ['email'] });
  });

  const signIn = async (username: string, password = goodPassword): Promise<AuthenticationResultType> => {
    const { AuthenticationResult } = await own.target.client.send(
      new InitiateAuthCommand({ ClientId: app.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username, PASSWORD: password } }),
    );
    return AuthenticationResult!;
  };

  it('expires a sign-up code after 24 hours: ExpiredCodeException (needs the clock and the outbox)', async () => {
    const username = uniqueName();
    await own.createUser(app, { username, attributes: [{ Name: 'email', Value: `${username}@example.com` }], confirm: false });
    const code = await own.target.readCode!(app.userPoolId, username);
    await own.target.clock.advance('24h1s');
    await expectCognitoError(
      own.target.client.send(new ConfirmSignUpCommand({ ClientId: app.clientId, Username: username, ConfirmationCode: code })),
      'ExpiredCodeException',
    );
  });

  it('expires a forgot-password code after one hour (needs the clock and the outbox)', async () => {
    const username = uniqueName();
    await own.createUser(app, { username, attributes: [{ Name: 'email', Value: `${username}@example.com` }], confirm: false });
    await own.target.client.send(
      new ConfirmSignUpCommand({ ClientId: app.clientId, Username: username, ConfirmationCode: await own.target.readCode!(app.userPoolId, username) }),
    );
    await own.target.client.send(new ForgotPasswordCommand({ ClientId: app.clientId, Username: username }));
    const code = await own.target.readCode!(app.userPoolId, username);
    await own.target.clock.advance('59m');
    await own.target.clock.advance('1m1s');
    await expectCognitoError(
      own.target.client.send(new ConfirmForgotPasswordCommand({ ClientId: app.clientId, Username: username, ConfirmationCode: code, Password: 'New-Passw0rd!' })),
      'ExpiredCodeException',
    );
  });

  it('expires an access token after its hour: NotAuthorizedException "Access Token has expired"; refresh still works', async () => {
    const user = await own.createUser(app);
    const tokens = await signIn(user.username);
    await own.target.client.send(new GetUserCommand({ AccessToken: tokens.AccessToken }));
    await own.target.clock.advance(3601);
    await expectCognitoError(own.target.client.send(new GetUserCommand({ AccessToken: tokens.AccessToken })), 'NotAuthorizedException', 'Access Token has expired');
    const { AuthenticationResult } = await own.target.client.send(
      new InitiateAuthCommand({ ClientId: app.clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken! } }),
    );
    const me = await own.target.client.send(new GetUserCommand({ AccessToken: AuthenticationResult!.AccessToken }));
    expect(me.Username).toBe(user.username);
  });

  it('expires a refresh token after its validity (30 days by default)', async () => {
    const user = await own.createUser(app);
    const tokens = await signIn(user.username);
    await own.target.clock.advance('30d1s');
    await expectCognitoError(
      own.target.client.send(
        new InitiateAuthCommand({ ClientId: app.clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken! } }),
      ),
      'NotAuthorizedException',
    );
  });

  it("stamps issued tokens' iat and exp with the emulator's time", async () => {
    const user = await own.createUser(app);
    const at = Date.parse('2031-05-06T07:08:09Z');
    await own.target.clock.set(new Date(at), { pin: true });
    try {
      const tokens = await signIn(user.username);
      for (const token of [tokens.AccessToken!, tokens.IdToken!]) {
        const claims = decodeJwt(token);
        expect(claims.iat).toBe(at / 1000);
        expect(claims.exp).toBe(at / 1000 + 3600);
      }
      expect((await readClock(own.target.endpoint)).pinned).toBe(true);
    } finally {
      await own.target.clock.reset();
    }
  });

  it('locks an account out after five wrong passwords, with a back-off that doubles (needs the clock)', async () => {
    const user = await own.createUser(app);
    await own.target.clock.set(new Date(), { pin: true });
    try {
      const wrong = () => signIn(user.username, 'Wrong-Passw0rd!');
      for (let attempt = 1; attempt <= 5; attempt++) await expectCognitoError(wrong(), 'NotAuthorizedException', 'Incorrect username or password.');
      // Locked for 1 s: even the right password is refused without being looked at.
      await expectCognitoError(signIn(user.username), 'NotAuthorizedException', 'Password attempts exceeded');
      await own.target.clock.advance(1);
      // A sixth failure after the lockout locks for 2 s.
      await expectCognitoError(wrong(), 'NotAuthorizedException', 'Password attempts exceeded');
      await own.target.clock.advance(1);
      await expectCognitoError(signIn(user.username), 'NotAuthorizedException', 'Password attempts exceeded');
      await own.target.clock.advance(1);
      expect((await signIn(user.username)).AccessToken).toBeDefined();
      // Success starts the count over.
      await expectCognitoError(wrong(), 'NotAuthorizedException', 'Incorrect username or password.');
    } finally {
      await own.target.clock.reset();
    }
  });
});

describe.skipIf(!hasClock())('the reset endpoints (needs the emulator)', () => {
  it('POST /_emulator/pools/<id>/reset removes the users and outbox of one pool, keeping the pool and its clients', async () => {
    const own = await ownEmulator();
    const app = await own.createPoolWithClient({ AutoVerifiedAttributes: ['email'] });
    const other = await own.createPoolWithClient();
    const user = await own.createUser(app, { attributes: [{ Name: 'email', Value: 'reset@example.com' }], confirm: false });
    const survivor = await own.createUser(other);

    await resetEmulator(own.target.endpoint, { userPoolId: app.userPoolId });

    await expectCognitoError(own.target.client.send(new AdminGetUserCommand({ UserPoolId: app.userPoolId, Username: user.username })), 'UserNotFoundException');
    expect(await readMessages(own.target.endpoint, app.userPoolId)).toEqual([]);
    await own.target.client.send(new DescribeUserPoolClientCommand({ UserPoolId: app.userPoolId, ClientId: app.clientId }));
    await own.target.client.send(new AdminGetUserCommand({ UserPoolId: other.userPoolId, Username: survivor.username }));
    // The pool is usable again at once: the same username can sign up anew.
    await own.createUser(app, { username: user.username });
  });

  it('POST /_emulator/reset removes every pool and puts the clock back', async () => {
    const own = await ownEmulator();
    const app = await own.createPoolWithClient();
    await own.target.clock.advance('10d');
    await resetEmulator(own.target.endpoint);
    await expectCognitoError(own.target.client.send(new DescribeUserPoolCommand({ UserPoolId: app.userPoolId })), 'ResourceNotFoundException');
    const clock = await readClock(own.target.endpoint);
    expect(Math.abs(clock.offsetSeconds)).toBeLessThan(5);
    expect(clock.pinned).toBe(false);
  });
});
