/**
 * Password sign-in in one request: InitiateAuth USER_PASSWORD_AUTH and AdminInitiateAuth
 * ADMIN_USER_PASSWORD_AUTH / ADMIN_NO_SRP_AUTH. The client's ExplicitAuthFlows, the order of checks
 * (an unconfirmed user hears so even with a wrong password) and PreventUserExistenceErrors
 * (cognito-facts.md §3.2, §3.3, §7.8).
 */
import { AdminInitiateAuthCommand, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminPasswordSignIn, claimsOf, passwordSignIn } from '../fixtures/auth.js';
import { expectCognitoError } from '../fixtures/errors.js';
import { createClient, createConfirmedUser, createPool, goodPassword, signUp, uniqueName, type PoolWithClient } from '../fixtures/pools.js';
import { target } from '../targets/target.js';

const incorrect = 'Incorrect username or password.';

const initiate = (app: PoolWithClient, username: string, password: string) =>
  target().client.send(new InitiateAuthCommand({ ClientId: app.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username, PASSWORD: password } }));
const adminInitiate = (app: PoolWithClient, username: string, password: string, flow: 'ADMIN_USER_PASSWORD_AUTH' | 'ADMIN_NO_SRP_AUTH' = 'ADMIN_USER_PASSWORD_AUTH') =>
  target().client.send(
    new AdminInitiateAuthCommand({ UserPoolId: app.userPoolId, ClientId: app.clientId, AuthFlow: flow, AuthParameters: { USERNAME: username, PASSWORD: password } }),
  );

describe('password sign-in', () => {
  let userPoolId: string;
  /** Every password flow enabled, PreventUserExistenceErrors LEGACY (the API default). */
  let app: PoolWithClient;
  /** Same flows, PreventUserExistenceErrors ENABLED. */
  let hiding: PoolWithClient;
  let user: { username: string; password: string; sub: string };
  let unconfirmed: string;

  beforeAll(async () => {
    userPoolId = await createPool();
    const [legacyClient, hidingClient] = await Promise.all([
      createClient(userPoolId),
      createClient(userPoolId, { PreventUserExistenceErrors: 'ENABLED' }),
    ]);
    app = { userPoolId, clientId: legacyClient.ClientId!, clientSecret: undefined };
    hiding = { userPoolId, clientId: hidingClient.ClientId!, clientSecret: undefined };
    user = await createConfirmedUser(app);
    unconfirmed = uniqueName('unconfirmed');
    await signUp(app, unconfirmed);
  });

  describe('InitiateAuth USER_PASSWORD_AUTH', () => {
    it('answers a confirmed user with Bearer tokens valid for an hour and empty ChallengeParameters', async () => {
      const response = await initiate(app, user.username, user.password);
      expect(response.ChallengeName).toBeUndefined();
      expect(response.ChallengeParameters ?? {}).toEqual({});
      expect(response.AuthenticationResult).toMatchObject({
        AccessToken: expect.any(String),
        IdToken: expect.any(String),
        RefreshToken: expect.any(String),
        TokenType: 'Bearer',
        ExpiresIn: 3600,
      });
      expect(claimsOf(response.AuthenticationResult!.IdToken!).sub).toBe(user.sub);
    });

    it('refuses a wrong password: NotAuthorizedException "Incorrect username or password."', async () => {
      await expectCognitoError(initiate(app, user.username, `${user.password}x`), 'NotAuthorizedException', incorrect);
    });

    it('refuses an unconfirmed user: UserNotConfirmedException "User is not confirmed."', async () => {
      await expectCognitoError(initiate(app, unconfirmed, goodPassword), 'UserNotConfirmedException', 'User is not confirmed.');
    });

    it('tells an unconfirmed user so even when the password is wrong', async () => {
      await expectCognitoError(initiate(app, unconfirmed, 'Wrong-password-1'), 'UserNotConfirmedException', 'User is not confirmed.');
    });

    it('answers an unknown user with UserNotFoundException "User does not exist." (PreventUserExistenceErrors LEGACY)', async () => {
      await expectCognitoError(initiate(app, uniqueName('nobody'), goodPassword), 'UserNotFoundException', 'User does not exist.');
    });

    it('answers an unknown user like a wrong password when PreventUserExistenceErrors is ENABLED', async () => {
      await expectCognitoError(initiate(hiding, uniqueName('nobody'), goodPassword), 'NotAuthorizedException', incorrect);
      await expectCognitoError(initiate(hiding, user.username, 'Wrong-password-1'), 'NotAuthorizedException', incorrect);
      const tokens = await passwordSignIn(hiding, user.username, user.password);
      expect(claimsOf(tokens.AccessToken).client_id).toBe(hiding.clientId);
    });

    it('refuses a request without PASSWORD (InvalidParameterException)', async () => {
      await expectCognitoError(
        target().client.send(new InitiateAuthCommand({ ClientId: app.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: user.username } })),
        'InvalidParameterException',
      );
    });

    it('refuses an unknown app client (ResourceNotFoundException)', async () => {
      await expectCognitoError(
        target().client.send(
          new InitiateAuthCommand({ ClientId: 'nosuchclient0000000000000a', AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: user.username, PASSWORD: user.password } }),
        ),
        'ResourceNotFoundException',
      );
    });
  });

  describe('AdminInitiateAuth', () => {
    it('ADMIN_USER_PASSWORD_AUTH answers a confirmed user with tokens', async () => {
      const result = await adminPasswordSignIn(app, user.username, user.password);
      expect(result).toMatchObject({ TokenType: 'Bearer', ExpiresIn: 3600, RefreshToken: expect.any(String) });
      expect(claimsOf(result.AccessToken!).username).toBe(user.username);
    });

    it('ADMIN_NO_SRP_AUTH (the legacy name) works the same', async () => {
      const result = await adminPasswordSignIn(app, user.username, user.password, 'ADMIN_NO_SRP_AUTH');
      expect(claimsOf(result.IdToken!).sub).toBe(user.sub);
    });

    it('refuses a wrong password: NotAuthorizedException "Incorrect username or password."', async () => {
      await expectCognitoError(adminInitiate(app, user.username, 'Wrong-password-1'), 'NotAuthorizedException', incorrect);
      await expectCognitoError(adminInitiate(app, user.username, 'Wrong-password-1', 'ADMIN_NO_SRP_AUTH'), 'NotAuthorizedException', incorrect);
    });

    it('refuses an unconfirmed user, even with a wrong password (UserNotConfirmedException)', async () => {
      await expectCognitoError(adminInitiate(app, unconfirmed, goodPassword), 'UserNotConfirmedException', 'User is not confirmed.');
      await expectCognitoError(adminInitiate(app, unconfirmed, 'Wrong-password-1'), 'UserNotConfirmedException', 'User is not confirmed.');
    });

    it('answers an unknown user with UserNotFoundException (LEGACY) or NotAuthorizedException (ENABLED)', async () => {
      await expectCognitoError(adminInitiate(app, uniqueName('nobody'), goodPassword), 'UserNotFoundException', 'User does not exist.');
      await expectCognitoError(adminInitiate(hiding, uniqueName('nobody'), goodPassword), 'NotAuthorizedException', incorrect);
    });
  });
});

describe('ExplicitAuthFlows', () => {
  let userPoolId: string;
  let user: { username: string; password: string };
  const appWith = async (flows: Parameters<typeof createClient>[1]): Promise<PoolWithClient> => {
    const client = await createClient(userPoolId, flows);
    return { userPoolId, clientId: client.ClientId!, clientSecret: undefined };
  };

  beforeAll(async () => {
    userPoolId = await createPool();
    user = await createConfirmedUser(await appWith({}));
  });

  it('a client created without ExplicitAuthFlows refuses USER_PASSWORD_AUTH and ADMIN_USER_PASSWORD_AUTH (InvalidParameterException)', async () => {
    const client = await appWith({ ExplicitAuthFlows: undefined });
    await expectCognitoError(initiate(client, user.username, user.password), 'InvalidParameterException');
    await expectCognitoError(adminInitiate(client, user.username, user.password), 'InvalidParameterException');
  });

  it('ALLOW_USER_PASSWORD_AUTH alone enables USER_PASSWORD_AUTH but not the admin flow', async () => {
    const client = await appWith({ ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] });
    const tokens = await passwordSignIn(client, user.username, user.password);
    expect(tokens.IdToken).toEqual(expect.any(String));
    await expectCognitoError(adminInitiate(client, user.username, user.password), 'InvalidParameterException');
  });

  it('ALLOW_ADMIN_USER_PASSWORD_AUTH alone enables the admin flows but not USER_PASSWORD_AUTH', async () => {
    const client = await appWith({ ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] });
    const result = await adminPasswordSignIn(client, user.username, user.password);
    expect(result.IdToken).toEqual(expect.any(String));
    expect((await adminPasswordSignIn(client, user.username, user.password, 'ADMIN_NO_SRP_AUTH')).IdToken).toEqual(expect.any(String));
    await expectCognitoError(initiate(client, user.username, user.password), 'InvalidParameterException');
  });

  it('the flow check comes before the password check: a wrong password on a disabled flow is InvalidParameterException', async () => {
    const client = await appWith({ ExplicitAuthFlows: undefined });
    await expectCognitoError(initiate(client, user.username, 'Wrong-password-1'), 'InvalidParameterException');
  });
});
