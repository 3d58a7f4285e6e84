/**
 * App clients with a secret: SignUp, ConfirmSignUp, ResendConfirmationCode, InitiateAuth and
 * AdminInitiateAuth need a SecretHash / SECRET_HASH = Base64(HMAC-SHA256(secret, username + clientId));
 * missing or wrong is NotAuthorizedException (cognito-facts.md §5). Refresh hashes the Cognito username,
 * which in email-as-username pools is the UUID, not the email typed at sign-in.
 */
import {
  AdminInitiateAuthCommand,
  ConfirmSignUpCommand,
  GetTokensFromRefreshTokenCommand,
  InitiateAuthCommand,
  ResendConfirmationCodeCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { secretHash } from 'cognito-emulator-client';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminPasswordSignIn, claimsOf, passwordSignIn } from '../fixtures/auth.js';
import { expectCognitoError } from '../fixtures/errors.js';
import { createConfirmedUser, createPoolWithClient, goodPassword, signUp, uniqueName, type PoolWithClient } from '../fixtures/pools.js';
import { hasOutbox, target } from '../targets/target.js';

const wrongHash = (app: PoolWithClient, username: string): string => secretHash(`${app.clientSecret!}x`, username, app.clientId);
const rightHash = (app: PoolWithClient, username: string): string => secretHash(app.clientSecret!, username, app.clientId);

describe('an app client with a generated secret', () => {
  let app: PoolWithClient;
  let user: { username: string; password: string; sub: string };

  beforeAll(async () => {
    app = await createPoolWithClient({}, { GenerateSecret: true });
    expect(app.clientSecret).toEqual(expect.any(String));
    user = await createConfirmedUser(app); // signs up with the right hash
  });

  describe('SignUp', () => {
    const send = (username: string, hash: string | undefined) =>
      target().client.send(new SignUpCommand({ ClientId: app.clientId, Username: username, Password: goodPassword, SecretHash: hash }));

    it('refuses a sign-up without SecretHash (NotAuthorizedException)', async () => {
      await expectCognitoError(send(uniqueName(), undefined), 'NotAuthorizedException');
    });

    it('refuses a wrong SecretHash, including one computed for another username (NotAuthorizedException)', async () => {
      const username = uniqueName();
      await expectCognitoError(send(username, wrongHash(app, username)), 'NotAuthorizedException');
      await expectCognitoError(send(username, rightHash(app, `${username}x`)), 'NotAuthorizedException');
    });

    it('accepts the right SecretHash', async () => {
      const username = uniqueName();
      expect((await send(username, rightHash(app, username))).UserSub).toEqual(expect.any(String));
    });
  });

  describe('ConfirmSignUp and ResendConfirmationCode', () => {
    it('refuse a missing or wrong SecretHash before looking at the code (NotAuthorizedException)', async () => {
      const username = uniqueName();
      await signUp(app, username);
      for (const hash of [undefined, wrongHash(app, username)]) {
        await expectCognitoError(
          target().client.send(new ConfirmSignUpCommand({ ClientId: app.clientId, Username: username, ConfirmationCode: '123456', SecretHash: hash })),
          'NotAuthorizedException',
        );
        await expectCognitoError(
          target().client.send(new ResendConfirmationCodeCommand({ ClientId: app.clientId, Username: username, SecretHash: hash })),
          'NotAuthorizedException',
        );
      }
    });

    it.runIf(hasOutbox())('accept the right SecretHash (emulator: reads the outbox)', async () => {
      const emailApp = await createPoolWithClient({ AutoVerifiedAttributes: ['email'] }, { GenerateSecret: true });
      const username = uniqueName();
      await signUp(emailApp, username, { attributes: [{ Name: 'email', Value: `${username}@example.com` }] });
      const resent = await target().client.send(
        new ResendConfirmationCodeCommand({ ClientId: emailApp.clientId, Username: username, SecretHash: rightHash(emailApp, username) }),
      );
      expect(resent.CodeDeliveryDetails?.DeliveryMedium).toBe('EMAIL');
      const code = await target().readCode!(emailApp.userPoolId, username);
      await target().client.send(
        new ConfirmSignUpCommand({ ClientId: emailApp.clientId, Username: username, ConfirmationCode: code, SecretHash: rightHash(emailApp, username) }),
      );
      expect((await passwordSignIn(emailApp, username, goodPassword)).IdToken).toEqual(expect.any(String));
    });
  });

  describe('InitiateAuth USER_PASSWORD_AUTH', () => {
    const send = (hash: string | undefined) =>
      target().client.send(
        new InitiateAuthCommand({
          ClientId: app.clientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: user.username, PASSWORD: user.password, ...(hash !== undefined && { SECRET_HASH: hash }) },
        }),
      );

    it('refuses a missing SECRET_HASH (NotAuthorizedException)', async () => {
      await expectCognitoError(send(undefined), 'NotAuthorizedException');
    });

    it('refuses a wrong SECRET_HASH (NotAuthorizedException)', async () => {
      await expectCognitoError(send(wrongHash(app, user.username)), 'NotAuthorizedException');
    });

    it('signs in with the right SECRET_HASH', async () => {
      const response = await send(rightHash(app, user.username));
      expect(claimsOf(response.AuthenticationResult!.IdToken!).sub).toBe(user.sub);
    });
  });

  describe('AdminInitiateAuth ADMIN_USER_PASSWORD_AUTH', () => {
    const send = (hash: string | undefined) =>
      target().client.send(
        new AdminInitiateAuthCommand({
          UserPoolId: app.userPoolId,
          ClientId: app.clientId,
          AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: user.username, PASSWORD: user.password, ...(hash !== undefined && { SECRET_HASH: hash }) },
        }),
      );

    it('refuses a missing or wrong SECRET_HASH (NotAuthorizedException)', async () => {
      await expectCognitoError(send(undefined), 'NotAuthorizedException');
      await expectCognitoError(send(wrongHash(app, user.username)), 'NotAuthorizedException');
    });

    it('signs in with the right SECRET_HASH', async () => {
      const response = await send(rightHash(app, user.username));
      expect(response.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
    });
  });

  describe('refresh', () => {
    it('REFRESH_TOKEN_AUTH needs SECRET_HASH too (NotAuthorizedException without it)', async () => {
      const tokens = await passwordSignIn(app, user.username, user.password);
      await expectCognitoError(
        target().client.send(new InitiateAuthCommand({ ClientId: app.clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken } })),
        'NotAuthorizedException',
      );
      const refreshed = await target().client.send(
        new InitiateAuthCommand({
          ClientId: app.clientId,
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken, SECRET_HASH: rightHash(app, user.username) },
        }),
      );
      expect(refreshed.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
    });

    it('GetTokensFromRefreshToken takes the raw ClientSecret (NotAuthorizedException when it is missing or wrong)', async () => {
      const tokens = await passwordSignIn(app, user.username, user.password);
      const send = (clientSecret: string | undefined) =>
        target().client.send(new GetTokensFromRefreshTokenCommand({ ClientId: app.clientId, RefreshToken: tokens.RefreshToken, ClientSecret: clientSecret }));
      await expectCognitoError(send(undefined), 'NotAuthorizedException');
      await expectCognitoError(send(`${app.clientSecret!.slice(0, -1)}${app.clientSecret!.endsWith('a') ? 'b' : 'a'}`), 'NotAuthorizedException');
      expect((await send(app.clientSecret)).AuthenticationResult?.IdToken).toEqual(expect.any(String));
    });
  });
});

describe('an app client with a secret in an email-as-username pool', () => {
  let app: PoolWithClient;
  let email: string;
  let uuidUsername: string;

  beforeAll(async () => {
    app = await createPoolWithClient({ UsernameAttributes: ['email'] }, { GenerateSecret: true });
    email = `${uniqueName()}@example.com`;
    uuidUsername = (await createConfirmedUser(app, email)).sub; // SignUp hashes the email it sends
  });

  it('signs in with SECRET_HASH over the email the request names', async () => {
    const tokens = await passwordSignIn(app, email, goodPassword);
    expect(claimsOf(tokens.AccessToken).username).toBe(uuidUsername);
    const admin = await adminPasswordSignIn(app, email, goodPassword);
    expect(admin.IdToken).toEqual(expect.any(String));
  });

  it('refreshes with SECRET_HASH over the Cognito username (the UUID), not the email', async () => {
    const tokens = await passwordSignIn(app, email, goodPassword);
    const refresh = (hashedName: string, api: 'user' | 'admin') =>
      api === 'user'
        ? target().client.send(
            new InitiateAuthCommand({
              ClientId: app.clientId,
              AuthFlow: 'REFRESH_TOKEN_AUTH',
              AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken, SECRET_HASH: rightHash(app, hashedName) },
            }),
          )
        : target().client.send(
            new AdminInitiateAuthCommand({
              UserPoolId: app.userPoolId,
              ClientId: app.clientId,
              AuthFlow: 'REFRESH_TOKEN_AUTH',
              AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken, SECRET_HASH: rightHash(app, hashedName) },
            }),
          );
    await expectCognitoError(refresh(email, 'user'), 'NotAuthorizedException');
    await expectCognitoError(refresh(email, 'admin'), 'NotAuthorizedException');
    const user = await refresh(uuidUsername, 'user');
    expect(claimsOf(user.AuthenticationResult!.IdToken!)['cognito:username']).toBe(uuidUsername);
    const admin = await refresh(uuidUsername, 'admin');
    expect(claimsOf(admin.AuthenticationResult!.AccessToken!).username).toBe(uuidUsername);
  });
});
