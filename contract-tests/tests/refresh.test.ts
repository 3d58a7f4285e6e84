/**
 * Refresh: InitiateAuth REFRESH_TOKEN_AUTH and REFRESH_TOKEN, AdminInitiateAuth REFRESH_TOKEN_AUTH, and
 * GetTokensFromRefreshToken. New ID and access tokens, no new refresh token unless the client rotates
 * them; the new tokens keep auth_time and origin_jti and get a new jti (cognito-facts.md §3.5).
 */
import {
  AdminInitiateAuthCommand,
  GetTokensFromRefreshTokenCommand,
  GetUserCommand,
  InitiateAuthCommand,
  type AuthenticationResultType,
} from '@aws-sdk/client-cognito-identity-provider';
import { beforeAll, describe, expect, it } from 'vitest';
import { claimsOf, passwordSignIn } from '../fixtures/auth.js';
import { expectCognitoError } from '../fixtures/errors.js';
import { createClient, createConfirmedUser, createPool, type PoolWithClient } from '../fixtures/pools.js';
import { target } from '../targets/target.js';

type RefreshWay = 'InitiateAuth REFRESH_TOKEN_AUTH' | 'InitiateAuth REFRESH_TOKEN' | 'AdminInitiateAuth REFRESH_TOKEN_AUTH' | 'GetTokensFromRefreshToken';

async function refresh(app: PoolWithClient, way: RefreshWay, refreshToken: string): Promise<AuthenticationResultType> {
  const client = target().client;
  switch (way) {
    case 'InitiateAuth REFRESH_TOKEN_AUTH':
    case 'InitiateAuth REFRESH_TOKEN': {
      const response = await client.send(
        new InitiateAuthCommand({ ClientId: app.clientId, AuthFlow: way.split(' ')[1] as 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: refreshToken } }),
      );
      expect(response.ChallengeName).toBeUndefined();
      return response.AuthenticationResult!;
    }
    case 'AdminInitiateAuth REFRESH_TOKEN_AUTH':
      return (
        await client.send(
          new AdminInitiateAuthCommand({ UserPoolId: app.userPoolId, ClientId: app.clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: refreshToken } }),
        )
      ).AuthenticationResult!;
    case 'GetTokensFromRefreshToken':
      return (await client.send(new GetTokensFromRefreshTokenCommand({ ClientId: app.clientId, RefreshToken: refreshToken }))).AuthenticationResult!;
  }
}

describe('refreshing tokens', () => {
  let userPoolId: string;
  let app: PoolWithClient;
  let user: { username: string; password: string; sub: string };

  beforeAll(async () => {
    userPoolId = await createPool();
    const client = await createClient(userPoolId);
    app = { userPoolId, clientId: client.ClientId!, clientSecret: undefined };
    user = await createConfirmedUser(app);
  });

  it.each<RefreshWay>(['InitiateAuth REFRESH_TOKEN_AUTH', 'InitiateAuth REFRESH_TOKEN', 'AdminInitiateAuth REFRESH_TOKEN_AUTH', 'GetTokensFromRefreshToken'])(
    '%s gives new ID and access tokens, no refresh token, same auth_time and origin_jti, new jti',
    async (way) => {
      const signedIn = await passwordSignIn(app, user.username, user.password);
      const refreshed = await refresh(app, way, signedIn.RefreshToken);
      expect(refreshed).toMatchObject({ AccessToken: expect.any(String), IdToken: expect.any(String), TokenType: 'Bearer', ExpiresIn: 3600 });
      expect(refreshed.RefreshToken).toBeUndefined();

      for (const kind of ['IdToken', 'AccessToken'] as const) {
        const before = claimsOf(signedIn[kind]);
        const after = claimsOf(refreshed[kind]!);
        expect(after.sub).toBe(user.sub);
        expect(after.auth_time).toBe(before.auth_time);
        expect(after.origin_jti).toBe(before.origin_jti);
        expect(after.jti).toEqual(expect.any(String));
        expect(after.jti).not.toBe(before.jti);
        expect(after.token_use).toBe(before.token_use);
      }
      // The new access token works with the API.
      const me = await target().client.send(new GetUserCommand({ AccessToken: refreshed.AccessToken }));
      expect(me.Username).toBe(user.username);
    },
  );

  it('the same refresh token can be used again when rotation is off', async () => {
    const signedIn = await passwordSignIn(app, user.username, user.password);
    await refresh(app, 'InitiateAuth REFRESH_TOKEN_AUTH', signedIn.RefreshToken);
    const again = await refresh(app, 'GetTokensFromRefreshToken', signedIn.RefreshToken);
    expect(again.AccessToken).toEqual(expect.any(String));
  });

  it('refuses a refresh token that Cognito never issued (NotAuthorizedException)', async () => {
    const signedIn = await passwordSignIn(app, user.username, user.password);
    // Change one character of the last part (a JWE's authentication tag).
    const parts = signedIn.RefreshToken.split('.');
    const tag = parts.at(-1)!;
    const forged = [...parts.slice(0, -1), `${tag.startsWith('A') ? 'B' : 'A'}${tag.slice(1)}`].join('.');
    await expectCognitoError(refresh(app, 'InitiateAuth REFRESH_TOKEN_AUTH', forged), 'NotAuthorizedException');
    await expectCognitoError(refresh(app, 'GetTokensFromRefreshToken', forged), 'NotAuthorizedException');
  });

  it('refuses a refresh token issued to another app client of the pool (NotAuthorizedException)', async () => {
    const other = await createClient(userPoolId);
    const signedIn = await passwordSignIn(app, user.username, user.password);
    await expectCognitoError(
      refresh({ ...app, clientId: other.ClientId! }, 'InitiateAuth REFRESH_TOKEN_AUTH', signedIn.RefreshToken),
      'NotAuthorizedException',
    );
  });
});

describe('GetTokensFromRefreshToken with refresh token rotation', () => {
  let app: PoolWithClient;
  let user: { username: string; password: string };

  beforeAll(async () => {
    const userPoolId = await createPool();
    const client = await createClient(userPoolId, { RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 0 } });
    app = { userPoolId, clientId: client.ClientId!, clientSecret: undefined };
    user = await createConfirmedUser(app);
  });

  it('issues a new refresh token with the new ID and access tokens', async () => {
    const signedIn = await passwordSignIn(app, user.username, user.password);
    const rotated = await refresh(app, 'GetTokensFromRefreshToken', signedIn.RefreshToken);
    expect(rotated.RefreshToken).toEqual(expect.any(String));
    expect(rotated.RefreshToken).not.toBe(signedIn.RefreshToken);
    expect(claimsOf(rotated.IdToken!).auth_time).toBe(claimsOf(signedIn.IdToken).auth_time);
    // The new refresh token works in its turn.
    const next = await refresh(app, 'GetTokensFromRefreshToken', rotated.RefreshToken!);
    expect(next.RefreshToken).toEqual(expect.any(String));
  });

  it('without a grace period, the rotated-out refresh token is refused (RefreshTokenReuseException)', async () => {
    const signedIn = await passwordSignIn(app, user.username, user.password);
    await refresh(app, 'GetTokensFromRefreshToken', signedIn.RefreshToken);
    await expectCognitoError(refresh(app, 'GetTokensFromRefreshToken', signedIn.RefreshToken), 'RefreshTokenReuseException');
  });
});
