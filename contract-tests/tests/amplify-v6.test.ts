/**
 * Amplify v6 (aws-amplify/auth), unmodified, in Node, configured with `userPoolEndpoint` pointing at the
 * target: signUp, confirmSignUp, signIn (SRP, its default), fetchAuthSession with a forced refresh,
 * signOut, and the CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED step of an AdminCreateUser user.
 *
 * Amplify keeps one signed-in user in module state, so this file's tests run in order and each one signs
 * out before it ends. signOut calls RevokeToken when the access token has origin_jti; Amplify swallows
 * a failure there and clears its tokens either way.
 */
import { AdminCreateUserCommand, AdminGetUserCommand, GetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { Amplify } from 'aws-amplify';
import { confirmSignIn, confirmSignUp, fetchAuthSession, fetchUserAttributes, getCurrentUser, signIn, signOut, signUp } from 'aws-amplify/auth';
import { verifyToken } from 'cognito-emulator-client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectCognitoError } from '../fixtures/errors.js';
import { createConfirmedUser, createPoolWithClient, goodPassword, uniqueName, type PoolWithClient } from '../fixtures/pools.js';
import { libraryEndpoint } from '../fixtures/srp.js';
import { hasOutbox, target } from '../targets/target.js';

let app: PoolWithClient;

beforeAll(async () => {
  // No secret: Amplify never sends SECRET_HASH (cognito-facts.md §5).
  app = await createPoolWithClient({ AutoVerifiedAttributes: ['email'] });
  const endpoint = libraryEndpoint();
  Amplify.configure({
    Auth: { Cognito: { userPoolId: app.userPoolId, userPoolClientId: app.clientId, ...(endpoint && { userPoolEndpoint: endpoint }) } },
  });
});

afterEach(async () => {
  await signOut();
});

async function expectSignedIn(username: string): Promise<void> {
  const session = await fetchAuthSession();
  const issuer = target().issuerFor(app.userPoolId);
  const id = await verifyToken(session.tokens!.idToken!.toString(), { issuer, tokenUse: 'id', clientId: app.clientId });
  expect(id['cognito:username']).toBe(username);
  await verifyToken(session.tokens!.accessToken.toString(), { issuer, tokenUse: 'access', clientId: app.clientId });
  expect((await getCurrentUser()).username).toBe(username);
}

describe.sequential('Amplify v6', () => {
  it.runIf(hasOutbox())('signUp, confirmSignUp with the emailed code (emulator: reads the outbox), signIn', async () => {
    const username = uniqueName();
    const email = `${username}@example.com`;
    const signedUp = await signUp({ username, password: goodPassword, options: { userAttributes: { email } } });
    expect(signedUp.isSignUpComplete).toBe(false);
    expect(signedUp.nextStep).toMatchObject({ signUpStep: 'CONFIRM_SIGN_UP', codeDeliveryDetails: { deliveryMedium: 'EMAIL', attributeName: 'email' } });

    const confirmed = await confirmSignUp({ username, confirmationCode: await target().readCode!(app.userPoolId, username) });
    expect(confirmed.isSignUpComplete).toBe(true);

    const signedIn = await signIn({ username, password: goodPassword });
    expect(signedIn).toMatchObject({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    await expectSignedIn(username);
    expect(await fetchUserAttributes()).toMatchObject({ email, email_verified: 'true' });
  });

  it('signIn (SRP), fetchAuthSession({ forceRefresh: true }) gets new tokens, signOut clears them', async () => {
    const { username } = await createConfirmedUser(app);
    const signedIn = await signIn({ username, password: goodPassword });
    expect(signedIn.isSignedIn).toBe(true);
    await expectSignedIn(username);

    const before = await fetchAuthSession();
    await new Promise((resolve) => setTimeout(resolve, 1100)); // a new iat, so the refreshed token differs
    const after = await fetchAuthSession({ forceRefresh: true });
    expect(after.tokens!.accessToken.toString()).not.toBe(before.tokens!.accessToken.toString());
    expect(after.tokens!.accessToken.payload.origin_jti).toBe(before.tokens!.accessToken.payload.origin_jti);
    await expectSignedIn(username);

    // signOut revokes the sign-in (RevokeToken with the refresh token), so its access token stops working.
    await signOut();
    expect((await fetchAuthSession()).tokens).toBeUndefined();
    await expectCognitoError(target().client.send(new GetUserCommand({ AccessToken: after.tokens!.accessToken.toString() })), 'NotAuthorizedException');
  });

  it('a wrong password fails with NotAuthorizedException', async () => {
    const { username } = await createConfirmedUser(app);
    await expect(signIn({ username, password: 'Wrong-Horse-9-battery' })).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });

  it('a user made by AdminCreateUser reaches CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED, and confirmSignIn completes it', async () => {
    const username = uniqueName();
    const temporary = 'Temporary-Horse-1-battery';
    await target().client.send(
      new AdminCreateUserCommand({
        UserPoolId: app.userPoolId,
        Username: username,
        TemporaryPassword: temporary,
        MessageAction: 'SUPPRESS',
        UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }],
      }),
    );
    const first = await signIn({ username, password: temporary });
    expect(first.isSignedIn).toBe(false);
    expect(first.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED');

    const done = await confirmSignIn({ challengeResponse: 'Permanent-Horse-2-battery', options: { userAttributes: { name: 'Linus' } } });
    expect(done).toMatchObject({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    await expectSignedIn(username);
    const user = await target().client.send(new AdminGetUserCommand({ UserPoolId: app.userPoolId, Username: username }));
    expect(user.UserStatus).toBe('CONFIRMED');
    expect(user.UserAttributes).toContainEqual({ Name: 'name', Value: 'Linus' });

    await signOut();
    expect((await signIn({ username, password: 'Permanent-Horse-2-battery' })).isSignedIn).toBe(true);
  });
});
