/**
 * Forgotten passwords: ForgotPassword and ConfirmForgotPassword, ChangePassword, and the administrator's
 * AdminResetUserPassword (RESET_REQUIRED). Runs on every target; steps that need the code itself read the
 * emulator's outbox and say so.
 */
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminResetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  ChangePasswordCommand,
  ConfirmForgotPasswordCommand,
  ForgotPasswordCommand,
  GetUserCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { beforeAll, describe, expect, it } from 'vitest';
import { passwordSignIn } from '../fixtures/auth.js';
import { expectCognitoError } from '../fixtures/errors.js';
import { createConfirmedUser, createPoolWithClient, goodPassword, uniqueName, type PoolWithClient } from '../fixtures/pools.js';
import { hasOutbox, target } from '../targets/target.js';

const newPassword = 'Another-Passw0rd!';

describe('ForgotPassword, ConfirmForgotPassword, AdminResetUserPassword, ChangePassword', () => {
  let app: PoolWithClient;

  beforeAll(async () => {
    app = await createPoolWithClient({ AutoVerifiedAttributes: ['email'] });
  });

  /** A confirmed user whose email an administrator has marked verified, so reset codes can reach them. */
  async function userWithVerifiedEmail(): Promise<{ username: string; email: string }> {
    const username = uniqueName();
    const email = `${username}@example.com`;
    await createConfirmedUser(app, username, { attributes: [{ Name: 'email', Value: email }] });
    await target().client.send(
      new AdminUpdateUserAttributesCommand({ UserPoolId: app.userPoolId, Username: username, UserAttributes: [{ Name: 'email_verified', Value: 'true' }] }),
    );
    return { username, email };
  }

  it('round trip: ForgotPassword sends a code to the verified email, ConfirmForgotPassword sets the new password (needs the outbox)', async () => {
    const { username } = await userWithVerifiedEmail();
    const { CodeDeliveryDetails } = await target().client.send(new ForgotPasswordCommand({ ClientId: app.clientId, Username: username }));
    expect(CodeDeliveryDetails).toMatchObject({ DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    if (!hasOutbox()) return;

    const code = await target().readCode!(app.userPoolId, username);
    expect(await target().client.send(new ConfirmForgotPasswordCommand({ ClientId: app.clientId, Username: username, ConfirmationCode: code, Password: newPassword }))).toMatchObject({});
    await expectCognitoError(passwordSignIn(app, username, goodPassword), 'NotAuthorizedException', 'Incorrect username or password.');
    expect((await passwordSignIn(app, username, newPassword)).AccessToken).toBeDefined();
    // The code is single use.
    await expectCognitoError(
      target().client.send(new ConfirmForgotPasswordCommand({ ClientId: app.clientId, Username: username, ConfirmationCode: code, Password: goodPassword })),
      'ExpiredCodeException',
    );
  });

  it('ForgotPassword for an unknown user is UserNotFoundException (PreventUserExistenceErrors LEGACY)', async () => {
    await expectCognitoError(target().client.send(new ForgotPasswordCommand({ ClientId: app.clientId, Username: uniqueName('nobody') })), 'UserNotFoundException');
  });

  it('ForgotPassword without a verified email or phone number is InvalidParameterException', async () => {
    const user = await createConfirmedUser(app, uniqueName(), { attributes: [{ Name: 'email', Value: `${uniqueName()}@example.com` }] });
    await expectCognitoError(
      target().client.send(new ForgotPasswordCommand({ ClientId: app.clientId, Username: user.username })),
      'InvalidParameterException',
      'Cannot reset password for the user as there is no registered/verified email or phone_number',
    );
  });

  it('ConfirmForgotPassword with a wrong code is CodeMismatchException, with a weak password InvalidPasswordException', async () => {
    const { username } = await userWithVerifiedEmail();
    await target().client.send(new ForgotPasswordCommand({ ClientId: app.clientId, Username: username }));
    await expectCognitoError(
      target().client.send(new ConfirmForgotPasswordCommand({ ClientId: app.clientId, Username: username, ConfirmationCode: '000000', Password: newPassword })),
      'CodeMismatchException',
    );
    await expectCognitoError(
      target().client.send(new ConfirmForgotPasswordCommand({ ClientId: app.clientId, Username: username, ConfirmationCode: '000000', Password: 'short' })),
      'InvalidPasswordException',
    );
    // Nothing changed: the old password still works.
    expect((await passwordSignIn(app, username, goodPassword)).AccessToken).toBeDefined();
  });

  it('ForgotPassword for a user with a temporary password is NotAuthorizedException', async () => {
    const username = uniqueName();
    await target().client.send(
      new AdminCreateUserCommand({
        UserPoolId: app.userPoolId,
        Username: username,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: `${username}@example.com` },
          { Name: 'email_verified', Value: 'true' },
        ],
      }),
    );
    await expectCognitoError(
      target().client.send(new ForgotPasswordCommand({ ClientId: app.clientId, Username: username })),
      'NotAuthorizedException',
      'User password cannot be reset in the current state.',
    );
  });

  it('AdminResetUserPassword makes the user RESET_REQUIRED: sign-in is PasswordResetRequiredException', async () => {
    const { username } = await userWithVerifiedEmail();
    expect(await target().client.send(new AdminResetUserPasswordCommand({ UserPoolId: app.userPoolId, Username: username }))).toMatchObject({});
    const user = await target().client.send(new AdminGetUserCommand({ UserPoolId: app.userPoolId, Username: username }));
    expect(user.UserStatus).toBe('RESET_REQUIRED');
    await expectCognitoError(passwordSignIn(app, username, goodPassword), 'PasswordResetRequiredException');
    if (!hasOutbox()) return;

    // (needs the outbox) The reset code is a forgot-password code: ConfirmForgotPassword completes the reset.
    const code = await target().readCode!(app.userPoolId, username);
    await target().client.send(new ConfirmForgotPasswordCommand({ ClientId: app.clientId, Username: username, ConfirmationCode: code, Password: newPassword }));
    expect((await target().client.send(new AdminGetUserCommand({ UserPoolId: app.userPoolId, Username: username }))).UserStatus).toBe('CONFIRMED');
    expect((await passwordSignIn(app, username, newPassword)).AccessToken).toBeDefined();
  });

  it('AdminResetUserPassword for an unknown user is UserNotFoundException', async () => {
    await expectCognitoError(
      target().client.send(new AdminResetUserPasswordCommand({ UserPoolId: app.userPoolId, Username: uniqueName('nobody') })),
      'UserNotFoundException',
    );
  });

  it('ChangePassword: the previous password must be right, the new one must follow the policy, and then only it works', async () => {
    const user = await createConfirmedUser(app);
    const { AccessToken } = await passwordSignIn(app, user.username, user.password);
    await expectCognitoError(
      target().client.send(new ChangePasswordCommand({ AccessToken, PreviousPassword: 'Not-The-Passw0rd!', ProposedPassword: newPassword })),
      'NotAuthorizedException',
      'Incorrect username or password.',
    );
    await expectCognitoError(
      target().client.send(new ChangePasswordCommand({ AccessToken, PreviousPassword: user.password, ProposedPassword: 'alllowercase' })),
      'InvalidPasswordException',
    );
    expect(await target().client.send(new ChangePasswordCommand({ AccessToken, PreviousPassword: user.password, ProposedPassword: newPassword }))).toMatchObject({});
    await expectCognitoError(passwordSignIn(app, user.username, user.password), 'NotAuthorizedException', 'Incorrect username or password.');
    expect((await passwordSignIn(app, user.username, newPassword)).AccessToken).toBeDefined();
    // The session that changed the password goes on.
    expect((await target().client.send(new GetUserCommand({ AccessToken }))).Username).toBe(user.username);
  });

  it('ChangePassword with an invalid access token is NotAuthorizedException', async () => {
    await expectCognitoError(
      target().client.send(new ChangePasswordCommand({ AccessToken: 'not.a.token', PreviousPassword: goodPassword, ProposedPassword: newPassword })),
      'NotAuthorizedException',
    );
  });
});
