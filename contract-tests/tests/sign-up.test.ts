/**
 * SignUp: what it answers, the pool's password policy (default and custom), required schema attributes,
 * and duplicate usernames (cognito-facts.md §2 SignUp, §7.3, §7.4).
 */
import { AdminGetUserCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectCognitoError } from '../fixtures/errors.js';
import { passwordSignIn } from '../fixtures/auth.js';
import { createConfirmedUser, createPoolWithClient, goodPassword, signUp, uniqueName, type PoolWithClient } from '../fixtures/pools.js';
import { target } from '../targets/target.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const trySignUp = (app: PoolWithClient, password: string, username = uniqueName()) =>
  target().client.send(new SignUpCommand({ ClientId: app.clientId, Username: username, Password: password }));

describe('SignUp in a pool with default settings', () => {
  let app: PoolWithClient;

  beforeAll(async () => {
    app = await createPoolWithClient();
  });

  it('creates an UNCONFIRMED user and answers UserConfirmed false with a UUID UserSub', async () => {
    const username = uniqueName();
    const response = await trySignUp(app, goodPassword, username);
    expect(response.UserConfirmed).toBe(false);
    expect(response.UserSub).toMatch(uuid);
    // No AutoVerifiedAttributes: nothing is sent anywhere.
    expect(response.CodeDeliveryDetails).toBeUndefined();

    const user = await target().client.send(new AdminGetUserCommand({ UserPoolId: app.userPoolId, Username: username }));
    expect(user.Username).toBe(username);
    expect(user.UserStatus).toBe('UNCONFIRMED');
    expect(user.Enabled).toBe(true);
    expect(user.UserAttributes?.[0]).toEqual({ Name: 'sub', Value: response.UserSub });
  });

  it('stores the attributes given', async () => {
    const username = uniqueName();
    const email = `${username}@example.com`;
    await signUp(app, username, { attributes: [{ Name: 'email', Value: email }, { Name: 'given_name', Value: 'Ada' }] });
    const user = await target().client.send(new AdminGetUserCommand({ UserPoolId: app.userPoolId, Username: username }));
    expect(user.UserAttributes).toEqual(expect.arrayContaining([{ Name: 'email', Value: email }, { Name: 'given_name', Value: 'Ada' }]));
  });

  it('refuses a username that is taken (UsernameExistsException)', async () => {
    const username = uniqueName();
    await signUp(app, username);
    await expectCognitoError(trySignUp(app, goodPassword, username), 'UsernameExistsException');
  });

  it('refuses an attribute the schema does not have (InvalidParameterException)', async () => {
    await expectCognitoError(
      target().client.send(
        new SignUpCommand({ ClientId: app.clientId, Username: uniqueName(), Password: goodPassword, UserAttributes: [{ Name: 'custom:nope', Value: 'x' }] }),
      ),
      'InvalidParameterException',
    );
  });

  it('refuses an unknown app client (ResourceNotFoundException)', async () => {
    await expectCognitoError(
      target().client.send(new SignUpCommand({ ClientId: 'nosuchclient0000000000000a', Username: uniqueName(), Password: goodPassword })),
      'ResourceNotFoundException',
    );
  });

  describe('applies the default password policy (8 characters, upper, lower, number, symbol)', () => {
    it.each([
      ['too short', 'Aa1!aa'],
      ['no upper-case letter', 'lower-case-only-1'],
      ['no lower-case letter', 'UPPER-CASE-ONLY-1'],
      ['no number', 'No-Numbers-Here'],
      ['no symbol', 'NoSymbols1234'],
    ])('refuses a password with %s (InvalidPasswordException)', async (_why, password) => {
      await expectCognitoError(trySignUp(app, password), 'InvalidPasswordException');
    });

    it('accepts a password that meets every rule', async () => {
      const response = await trySignUp(app, 'Aa1!aaaa');
      expect(response.UserSub).toMatch(uuid);
    });
  });
});

describe('SignUp in a pool with a custom password policy', () => {
  let app: PoolWithClient;

  beforeAll(async () => {
    app = await createPoolWithClient({
      Policies: {
        PasswordPolicy: { MinimumLength: 10, RequireUppercase: false, RequireLowercase: false, RequireNumbers: true, RequireSymbols: false },
      },
    });
  });

  it('accepts a password that meets only the pool rules', async () => {
    const response = await trySignUp(app, 'abcdefghi1');
    expect(response.UserSub).toMatch(uuid);
  });

  it('refuses a password shorter than the pool minimum (InvalidPasswordException)', async () => {
    await expectCognitoError(trySignUp(app, 'Abcdefg1!'), 'InvalidPasswordException');
  });

  it('refuses a password without the number the pool requires (InvalidPasswordException)', async () => {
    await expectCognitoError(trySignUp(app, 'abcdefghijkl'), 'InvalidPasswordException');
  });

  it('lets a user with a policy-conforming password sign in', async () => {
    const user = await createConfirmedUser(app, uniqueName(), { password: 'abcdefghi1' });
    const tokens = await passwordSignIn(app, user.username, 'abcdefghi1');
    expect(tokens.AccessToken).toEqual(expect.any(String));
  });
});

describe('SignUp in a pool with required attributes', () => {
  let app: PoolWithClient;

  beforeAll(async () => {
    app = await createPoolWithClient({
      Schema: [
        { Name: 'email', AttributeDataType: 'String', Mutable: true, Required: true },
        { Name: 'given_name', AttributeDataType: 'String', Mutable: true, Required: true },
      ],
    });
  });

  it('refuses a sign-up without a required attribute (InvalidParameterException)', async () => {
    await expectCognitoError(
      target().client.send(
        new SignUpCommand({ ClientId: app.clientId, Username: uniqueName(), Password: goodPassword, UserAttributes: [{ Name: 'given_name', Value: 'Ada' }] }),
      ),
      'InvalidParameterException',
    );
    await expectCognitoError(
      target().client.send(new SignUpCommand({ ClientId: app.clientId, Username: uniqueName(), Password: goodPassword })),
      'InvalidParameterException',
    );
  });

  it('accepts a sign-up with every required attribute', async () => {
    const username = uniqueName();
    const sub = await signUp(app, username, {
      attributes: [
        { Name: 'email', Value: `${username}@example.com` },
        { Name: 'given_name', Value: 'Ada' },
      ],
    });
    expect(sub).toMatch(uuid);
  });
});
