/**
 * Signing out: GlobalSignOut, AdminUserGlobalSignOut and RevokeToken. Revoked tokens are refused by the
 * user-pool API (GetUser, refresh) with Cognito's messages; only the sign-ins revoked are affected.
 */
import {
  AdminUserGlobalSignOutCommand,
  GetTokensFromRefreshTokenCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  RevokeTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { beforeAll, describe, expect, it } from 'vitest';
import { claimsOf, passwordSignIn } from '../fixtures/auth.js';
import { expectCognitoError } from '../fixtures/errors.js';
import { createClient, createConfirmedUser, createPoolWithClient, type PoolWithClient } from '../fixtures/pools.js';
import { target } from '../targets/target.js';

describe('GlobalSignOut, AdminUserGlobalSignOut, RevokeToken', () => {
  let app: PoolWithClient;

  beforeAll(async () => {
    app = await createPoolWithClient();
  });

  const getUser = (accessToken: string) => target().client.send(new GetUserCommand({ AccessToken: accessToken }));
  const refresh = (refreshToken: string, clientId = app.clientId) =>
    target().client.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: refreshToken } }));

  it('GlobalSignOut revokes the access token and every refresh token; a sign-in right after works', async () => {
    const user = await createConfirmedUser(app);
    const first = await passwordSignIn(app, user.username, user.password);
    const second = await passwordSignIn(app, user.username, user.password);

    expect(await target().client.send(new GlobalSignOutCommand({ AccessToken: first.AccessToken }))).toMatchObject({});

    await expectCognitoError(getUser(first.AccessToken), 'NotAuthorizedException', 'Access Token has been revoked');
    await expectCognitoError(getUser(second.AccessToken), 'NotAuthorizedException', 'Access Token has been revoked');
    await expectCognitoError(refresh(first.RefreshToken), 'NotAuthorizedException');
    await expectCognitoError(refresh(second.RefreshToken), 'NotAuthorizedException');
    await expectCognitoError(
      target().client.send(new GetTokensFromRefreshTokenCommand({ ClientId: app.clientId, RefreshToken: second.RefreshToken })),
      'NotAuthorizedException',
    );

    // Most likely within the same second as the sign-out: JWT times have one-second resolution, and a
    // new sign-in must not be caught by the sign-out that came before it.
    const fresh = await passwordSignIn(app, user.username, user.password);
    expect((await getUser(fresh.AccessToken)).Username).toBe(user.username);
    expect((await refresh(fresh.RefreshToken)).AuthenticationResult?.AccessToken).toBeDefined();
  });

  it('AdminUserGlobalSignOut revokes the user’s tokens the same way', async () => {
    const user = await createConfirmedUser(app);
    const tokens = await passwordSignIn(app, user.username, user.password);
    expect(await target().client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: app.userPoolId, Username: user.username }))).toMatchObject({});
    await expectCognitoError(getUser(tokens.AccessToken), 'NotAuthorizedException', 'Access Token has been revoked');
    await expectCognitoError(refresh(tokens.RefreshToken), 'NotAuthorizedException');
    const fresh = await passwordSignIn(app, user.username, user.password);
    expect((await getUser(fresh.AccessToken)).Username).toBe(user.username);
  });

  it('RevokeToken as amazon-cognito-identity-js and Amplify call it on sign-out: that sign-in ends, others do not', async () => {
    const user = await createConfirmedUser(app);
    const signedOut = await passwordSignIn(app, user.username, user.password);
    const elsewhere = await passwordSignIn(app, user.username, user.password);
    // Both libraries revoke only when the access token carries origin_jti (shared/cognito-facts.md §6.7).
    expect(typeof claimsOf(signedOut.AccessToken).origin_jti).toBe('string');
    expect(claimsOf(signedOut.IdToken).origin_jti).toBe(claimsOf(signedOut.AccessToken).origin_jti);

    // What they send: the refresh token and the client id, nothing else (no secret, no access token).
    expect(await target().client.send(new RevokeTokenCommand({ Token: signedOut.RefreshToken, ClientId: app.clientId }))).toMatchObject({});

    await expectCognitoError(getUser(signedOut.AccessToken), 'NotAuthorizedException', 'Access Token has been revoked');
    await expectCognitoError(refresh(signedOut.RefreshToken), 'NotAuthorizedException');
    expect((await getUser(elsewhere.AccessToken)).Username).toBe(user.username);
    expect((await refresh(elsewhere.RefreshToken)).AuthenticationResult?.AccessToken).toBeDefined();
    // Signing out twice is harmless.
    expect(await target().client.send(new RevokeTokenCommand({ Token: signedOut.RefreshToken, ClientId: app.clientId }))).toMatchObject({});
  });

  it('RevokeToken also ends the access tokens issued by refreshes of that sign-in', async () => {
    const user = await createConfirmedUser(app);
    const tokens = await passwordSignIn(app, user.username, user.password);
    const refreshed = (await refresh(tokens.RefreshToken)).AuthenticationResult!;
    expect(claimsOf(refreshed.AccessToken!).origin_jti).toBe(claimsOf(tokens.AccessToken).origin_jti);
    await target().client.send(new RevokeTokenCommand({ Token: tokens.RefreshToken, ClientId: app.clientId }));
    await expectCognitoError(getUser(refreshed.AccessToken!), 'NotAuthorizedException', 'Access Token has been revoked');
  });

  it('RevokeToken with an access token is UnsupportedTokenTypeException', async () => {
    const user = await createConfirmedUser(app);
    const tokens = await passwordSignIn(app, user.username, user.password);
    await expectCognitoError(target().client.send(new RevokeTokenCommand({ Token: tokens.AccessToken, ClientId: app.clientId })), 'UnsupportedTokenTypeException');
  });

  it('RevokeToken on a client with token revocation turned off is UnsupportedOperationException', async () => {
    const client = await createClient(app.userPoolId, { EnableTokenRevocation: false });
    const withoutRevocation = { ...app, clientId: client.ClientId! };
    const user = await createConfirmedUser(withoutRevocation);
    const tokens = await passwordSignIn(withoutRevocation, user.username, user.password);
    // Revocation is what adds jti and origin_jti, so the libraries do not even try to revoke these.
    expect(claimsOf(tokens.AccessToken).origin_jti).toBeUndefined();
    expect(claimsOf(tokens.IdToken).origin_jti).toBeUndefined();
    await expectCognitoError(
      target().client.send(new RevokeTokenCommand({ Token: tokens.RefreshToken, ClientId: withoutRevocation.clientId })),
      'UnsupportedOperationException',
    );
  });
});
