/**
 * Confirming a sign-up: AdminConfirmSignUp, ConfirmSignUp with the emailed code, ResendConfirmationCode,
 * and what codes are (six digits, single use). cognito-facts.md §2 ConfirmSignUp, §7.6.
 * Tests that need the code itself read the emulator's outbox and skip on targets that have none.
 */
import {
  AdminConfirmSignUpCommand,
  AdminGetUserCommand,
  ConfirmSignUpCommand,
  ResendConfirmationCodeCommand,
  SignUpCommand,
  type SignUpCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import { beforeAll, describe, expect, it } from 'vitest';
import { claimsOf, passwordSignIn } from '../fixtures/auth.js';
import { expectCognitoError } from '../fixtures/errors.js';
import { createConfirmedUser, createPoolWithClient, goodPassword, signUp, uniqueName, type PoolWithClient } from '../fixtures/pools.js';
import { hasOutbox, target } from '../targets/target.js';

const adminGetUser = (app: PoolWithClient, username: string) =>
  target().client.send(new AdminGetUserCommand({ UserPoolId: app.userPoolId, Username: username }));
const attribute = (user: Awaited<ReturnType<typeof adminGetUser>>, name: string): string | undefined =>
  user.UserAttributes?.find((entry) => entry.Name === name)?.Value;
const confirm = (app: PoolWithClient, username: string, code: string) =>
  target().client.send(new ConfirmSignUpCommand({ ClientId: app.clientId, Username: username, ConfirmationCode: code }));

describe('AdminConfirmSignUp', () => {
  let app: PoolWithClient;

  beforeAll(async () => {
    app = await createPoolWithClient();
  });

  it('confirms an UNCONFIRMED user, who can then sign in', async () => {
    const username = uniqueName();
    await signUp(app, username);
    const response = await target().client.send(new AdminConfirmSignUpCommand({ UserPoolId: app.userPoolId, Username: username }));
    expect(response.$metadata.httpStatusCode).toBe(200);
    expect((await adminGetUser(app, username)).UserStatus).toBe('CONFIRMED');
    const tokens = await passwordSignIn(app, username, goodPassword);
    expect(tokens.AccessToken).toEqual(expect.any(String));
  });

  it('refuses to confirm a user twice (NotAuthorizedException)', async () => {
    const user = await createConfirmedUser(app);
    await expectCognitoError(
      target().client.send(new AdminConfirmSignUpCommand({ UserPoolId: app.userPoolId, Username: user.username })),
      'NotAuthorizedException',
    );
  });

  it('refuses an unknown user (UserNotFoundException)', async () => {
    await expectCognitoError(
      target().client.send(new AdminConfirmSignUpCommand({ UserPoolId: app.userPoolId, Username: uniqueName('nobody') })),
      'UserNotFoundException',
    );
  });
});

describe('ConfirmSignUp and ResendConfirmationCode in a pool that auto-verifies email', () => {
  let app: PoolWithClient;

  beforeAll(async () => {
    app = await createPoolWithClient({ AutoVerifiedAttributes: ['email'] });
  });

  const signUpWithEmail = async (): Promise<{ username: string; email: string; response: SignUpCommandOutput }> => {
    const username = uniqueName();
    const email = `${username}@example.com`;
    const response = await target().client.send(
      new SignUpCommand({ ClientId: app.clientId, Username: username, Password: goodPassword, UserAttributes: [{ Name: 'email', Value: email }] }),
    );
    return { username, email, response };
  };

  it.runIf(hasOutbox())('sends a six-digit code by email; confirming with it makes the user CONFIRMED with email_verified true (emulator: reads the outbox)', async () => {
    const { username, email, response } = await signUpWithEmail();
    expect(response).toMatchObject({ UserConfirmed: false, CodeDeliveryDetails: { DeliveryMedium: 'EMAIL', AttributeName: 'email' } });
    expect(response.CodeDeliveryDetails?.Destination).toEqual(expect.any(String));

    const code = await target().readCode!(app.userPoolId, username);
    expect(code).toMatch(/^\d{6}$/);
    const confirmed = await confirm(app, username, code);
    expect(confirmed.$metadata.httpStatusCode).toBe(200);

    const user = await adminGetUser(app, username);
    expect(user.UserStatus).toBe('CONFIRMED');
    expect(attribute(user, 'email')).toBe(email);
    expect(attribute(user, 'email_verified')).toBe('true');
    // In the ID token, email_verified is a JSON boolean.
    const tokens = await passwordSignIn(app, username, goodPassword);
    expect(claimsOf(tokens.IdToken).email_verified).toBe(true);
  });

  it.runIf(hasOutbox())('refuses a wrong code (CodeMismatchException), and the right code still works after (emulator: reads the outbox)', async () => {
    const { username } = await signUpWithEmail();
    const code = await target().readCode!(app.userPoolId, username);
    const wrong = code === '000000' ? '111111' : '000000';
    await expectCognitoError(confirm(app, username, wrong), 'CodeMismatchException');
    expect((await adminGetUser(app, username)).UserStatus).toBe('UNCONFIRMED');
    await confirm(app, username, code);
    expect((await adminGetUser(app, username)).UserStatus).toBe('CONFIRMED');
  });

  it.runIf(hasOutbox())('uses a code once: a second confirmation with it is NotAuthorizedException (emulator: reads the outbox)', async () => {
    const { username } = await signUpWithEmail();
    const code = await target().readCode!(app.userPoolId, username);
    await confirm(app, username, code);
    await expectCognitoError(confirm(app, username, code), 'NotAuthorizedException');
  });

  it.runIf(hasOutbox())('refuses ConfirmSignUp for a user an admin already confirmed (NotAuthorizedException) (emulator: reads the outbox)', async () => {
    const { username } = await signUpWithEmail();
    const code = await target().readCode!(app.userPoolId, username);
    await target().client.send(new AdminConfirmSignUpCommand({ UserPoolId: app.userPoolId, Username: username }));
    await expectCognitoError(confirm(app, username, code), 'NotAuthorizedException');
  });

  it.runIf(hasOutbox())('ResendConfirmationCode sends a new six-digit code by email, which confirms the user (emulator: reads the outbox)', async () => {
    const { username } = await signUpWithEmail();
    const resent = await target().client.send(new ResendConfirmationCodeCommand({ ClientId: app.clientId, Username: username }));
    expect(resent.CodeDeliveryDetails).toMatchObject({ DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    const code = await target().readCode!(app.userPoolId, username);
    expect(code).toMatch(/^\d{6}$/);
    await confirm(app, username, code);
    const user = await adminGetUser(app, username);
    expect(user.UserStatus).toBe('CONFIRMED');
    expect(attribute(user, 'email_verified')).toBe('true');
  });

  it('ResendConfirmationCode for an unknown user is UserNotFoundException (client with LEGACY errors)', async () => {
    await expectCognitoError(
      target().client.send(new ResendConfirmationCodeCommand({ ClientId: app.clientId, Username: uniqueName('nobody') })),
      'UserNotFoundException',
    );
  });

  it('ConfirmSignUp for an unknown user is UserNotFoundException (client with LEGACY errors)', async () => {
    await expectCognitoError(confirm(app, uniqueName('nobody'), '123456'), 'UserNotFoundException');
  });
});
