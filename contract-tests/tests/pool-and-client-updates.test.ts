/**
 * UpdateUserPool, UpdateUserPoolClient and DeleteUserPoolClient. Both updates replace the settings: a
 * member left out goes back to its default, as the API reference warns.
 */
import {
  DeleteUserPoolClientCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  InitiateAuthCommand,
  UpdateUserPoolClientCommand,
  UpdateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { passwordSignIn } from '../fixtures/auth.js';
import { expectCognitoError } from '../fixtures/errors.js';
import { allTestFlows, createClient, createConfirmedUser, createPoolWithClient } from '../fixtures/pools.js';
import { target } from '../targets/target.js';

describe('UpdateUserPool, UpdateUserPoolClient, DeleteUserPoolClient', () => {
  const send = target().client.send.bind(target().client);

  it('UpdateUserPool sets what it is given and returns the rest to the defaults', async () => {
    const app = await createPoolWithClient({ DeletionProtection: 'ACTIVE', AutoVerifiedAttributes: ['email'] });
    expect(
      await send(
        new UpdateUserPoolCommand({
          UserPoolId: app.userPoolId,
          Policies: { PasswordPolicy: { MinimumLength: 12, RequireNumbers: true } },
          UserPoolTags: { team: 'contract-tests' },
        }),
      ),
    ).toMatchObject({});
    const { UserPool } = await send(new DescribeUserPoolCommand({ UserPoolId: app.userPoolId }));
    expect(UserPool?.Policies?.PasswordPolicy).toMatchObject({ MinimumLength: 12, RequireNumbers: true });
    expect(UserPool?.UserPoolTags).toEqual({ team: 'contract-tests' });
    expect(UserPool?.DeletionProtection).toBe('INACTIVE');
    expect(UserPool?.AutoVerifiedAttributes ?? []).toEqual([]);
    // The new policy applies at once.
    const user = createConfirmedUser(app, undefined, { password: 'Short-Pw-1' });
    await expectCognitoError(user, 'InvalidPasswordException');
  });

  it('UpdateUserPoolClient sets what it is given and returns the rest to the defaults', async () => {
    const app = await createPoolWithClient();
    const user = await createConfirmedUser(app);
    const { UserPoolClient } = await send(
      new UpdateUserPoolClientCommand({
        UserPoolId: app.userPoolId,
        ClientId: app.clientId,
        ExplicitAuthFlows: [...allTestFlows],
        AccessTokenValidity: 10,
        TokenValidityUnits: { AccessToken: 'minutes' },
      }),
    );
    expect(UserPoolClient).toMatchObject({ ClientId: app.clientId, AccessTokenValidity: 10 });
    expect((await passwordSignIn(app, user.username, user.password)).ExpiresIn).toBe(600);

    // Leaving ExplicitAuthFlows out restores the default flows, which do not include USER_PASSWORD_AUTH.
    await send(new UpdateUserPoolClientCommand({ UserPoolId: app.userPoolId, ClientId: app.clientId }));
    const described = await send(new DescribeUserPoolClientCommand({ UserPoolId: app.userPoolId, ClientId: app.clientId }));
    expect(described.UserPoolClient?.ClientName).toBe(UserPoolClient?.ClientName);
    await expectCognitoError(passwordSignIn(app, user.username, user.password), 'InvalidParameterException', 'USER_PASSWORD_AUTH flow not enabled for this client');
  });

  it('UpdateUserPoolClient for an unknown client is ResourceNotFoundException', async () => {
    const app = await createPoolWithClient();
    await expectCognitoError(send(new UpdateUserPoolClientCommand({ UserPoolId: app.userPoolId, ClientId: 'nosuchclient0000000000000a' })), 'ResourceNotFoundException');
  });

  it('DeleteUserPoolClient deletes the client; its refresh tokens stop working', async () => {
    const app = await createPoolWithClient();
    const other = await createClient(app.userPoolId);
    const user = await createConfirmedUser(app);
    const tokens = await passwordSignIn(app, user.username, user.password);
    expect(await send(new DeleteUserPoolClientCommand({ UserPoolId: app.userPoolId, ClientId: app.clientId }))).toMatchObject({});
    await expectCognitoError(send(new DescribeUserPoolClientCommand({ UserPoolId: app.userPoolId, ClientId: app.clientId })), 'ResourceNotFoundException');
    await expectCognitoError(
      send(new InitiateAuthCommand({ ClientId: app.clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken } })),
      'ResourceNotFoundException',
    );
    await send(new DescribeUserPoolClientCommand({ UserPoolId: app.userPoolId, ClientId: other.ClientId }));
    await expectCognitoError(send(new DeleteUserPoolClientCommand({ UserPoolId: app.userPoolId, ClientId: app.clientId })), 'ResourceNotFoundException');
  });
});
