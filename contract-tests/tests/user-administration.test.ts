/**
 * Administering accounts: AdminDisableUser / AdminEnableUser, AdminDeleteUser, and users deleting
 * themselves (DeleteUser).
 */
import {
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  DeleteUserCommand,
  GetTokensFromRefreshTokenCommand,
  GetUserCommand,
  InitiateAuthCommand,
  ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminPasswordSignIn, passwordSignIn } from '../fixtures/auth.js';
import { expectCognitoError } from '../fixtures/errors.js';
import { createConfirmedUser, createPoolWithClient, uniqueName, type PoolWithClient } from '../fixtures/pools.js';
import { target } from '../targets/target.js';

describe('AdminDisableUser, AdminEnableUser, AdminDeleteUser, DeleteUser', () => {
  let app: PoolWithClient;

  beforeAll(async () => {
    app = await createPoolWithClient();
  });

  it('a disabled user can neither sign in nor refresh, and their tokens stop working; enabling lets them sign in again', async () => {
    const user = await createConfirmedUser(app);
    const tokens = await passwordSignIn(app, user.username, user.password);
    expect(await target().client.send(new AdminDisableUserCommand({ UserPoolId: app.userPoolId, Username: user.username }))).toMatchObject({});

    const { Enabled } = await target().client.send(new AdminGetUserCommand({ UserPoolId: app.userPoolId, Username: user.username }));
    expect(Enabled).toBe(false);
    await expectCognitoError(passwordSignIn(app, user.username, user.password), 'NotAuthorizedException', 'User is disabled.');
    await expectCognitoError(adminPasswordSignIn(app, user.username, user.password), 'NotAuthorizedException', 'User is disabled.');
    await expectCognitoError(
      target().client.send(new InitiateAuthCommand({ ClientId: app.clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken } })),
      'NotAuthorizedException',
    );
    await expectCognitoError(
      target().client.send(new GetTokensFromRefreshTokenCommand({ ClientId: app.clientId, RefreshToken: tokens.RefreshToken })),
      'NotAuthorizedException',
    );
    await expectCognitoError(target().client.send(new GetUserCommand({ AccessToken: tokens.AccessToken })), 'NotAuthorizedException');
    // Still listed: disabled is not deleted.
    const { Users } = await target().client.send(new ListUsersCommand({ UserPoolId: app.userPoolId, Filter: `username = "${user.username}"` }));
    expect(Users?.map((listed) => [listed.Username, listed.Enabled])).toEqual([[user.username, false]]);

    expect(await target().client.send(new AdminEnableUserCommand({ UserPoolId: app.userPoolId, Username: user.username }))).toMatchObject({});
    const again = await passwordSignIn(app, user.username, user.password);
    expect((await target().client.send(new GetUserCommand({ AccessToken: again.AccessToken }))).Username).toBe(user.username);
  });

  it('AdminDisableUser of an unknown user is UserNotFoundException', async () => {
    await expectCognitoError(
      target().client.send(new AdminDisableUserCommand({ UserPoolId: app.userPoolId, Username: uniqueName('nobody') })),
      'UserNotFoundException',
    );
  });

  it('AdminDeleteUser deletes the user: the name is free again and sign-in says the user does not exist', async () => {
    const user = await createConfirmedUser(app);
    expect(await target().client.send(new AdminDeleteUserCommand({ UserPoolId: app.userPoolId, Username: user.username }))).toMatchObject({});
    await expectCognitoError(target().client.send(new AdminGetUserCommand({ UserPoolId: app.userPoolId, Username: user.username })), 'UserNotFoundException');
    await expectCognitoError(passwordSignIn(app, user.username, user.password), 'UserNotFoundException', 'User does not exist.');
    await expectCognitoError(target().client.send(new AdminDeleteUserCommand({ UserPoolId: app.userPoolId, Username: user.username })), 'UserNotFoundException');
    await createConfirmedUser(app, user.username);
  });

  it('DeleteUser deletes the signed-in user', async () => {
    const user = await createConfirmedUser(app);
    const tokens = await passwordSignIn(app, user.username, user.password);
    expect(await target().client.send(new DeleteUserCommand({ AccessToken: tokens.AccessToken }))).toMatchObject({});
    await expectCognitoError(target().client.send(new AdminGetUserCommand({ UserPoolId: app.userPoolId, Username: user.username })), 'UserNotFoundException');
    await expectCognitoError(passwordSignIn(app, user.username, user.password), 'UserNotFoundException');
  });
});
