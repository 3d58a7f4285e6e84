/**
 * Who a username names: free usernames, email-as-username pools (UsernameAttributes: ['email'], where the
 * real username is a UUID equal to sub), and case sensitivity (cognito-facts.md §7.1).
 */
import { AdminGetUserCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { beforeAll, describe, expect, it } from 'vitest';
import { claimsOf, passwordSignIn } from '../fixtures/auth.js';
import { expectCognitoError } from '../fixtures/errors.js';
import { createConfirmedUser, createPoolWithClient, goodPassword, signUp, uniqueName, type PoolWithClient } from '../fixtures/pools.js';
import { target } from '../targets/target.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const adminGetUser = (app: PoolWithClient, username: string) =>
  target().client.send(new AdminGetUserCommand({ UserPoolId: app.userPoolId, Username: username }));
const signInAttempt = (app: PoolWithClient, username: string, password = goodPassword) => passwordSignIn(app, username, password);

describe('a pool with free usernames', () => {
  let app: PoolWithClient;

  beforeAll(async () => {
    app = await createPoolWithClient();
  });

  it('keeps the username as given, in AdminGetUser and in the tokens', async () => {
    const user = await createConfirmedUser(app, `${uniqueName()}.Name_with+chars`);
    expect((await adminGetUser(app, user.username)).Username).toBe(user.username);
    const tokens = await signInAttempt(app, user.username);
    expect(claimsOf(tokens.IdToken)['cognito:username']).toBe(user.username);
    expect(claimsOf(tokens.AccessToken).username).toBe(user.username);
    expect(claimsOf(tokens.IdToken).sub).toBe(user.sub);
  });

  it('accepts an email-shaped username (no email attribute is implied)', async () => {
    const username = `${uniqueName()}@example.com`;
    await createConfirmedUser(app, username);
    const user = await adminGetUser(app, username);
    expect(user.Username).toBe(username);
    expect(user.UserAttributes?.find((attribute) => attribute.Name === 'email')).toBeUndefined();
  });
});

describe('a pool with UsernameAttributes [email]', () => {
  let app: PoolWithClient;
  let email: string;
  let sub: string;

  beforeAll(async () => {
    app = await createPoolWithClient({ UsernameAttributes: ['email'] });
    email = `${uniqueName()}@example.com`;
    sub = (await createConfirmedUser(app, email)).sub;
  });

  it('gives the user a UUID username equal to sub, and stores the email as the email attribute', async () => {
    const user = await adminGetUser(app, email);
    expect(user.Username).toMatch(uuid);
    expect(user.Username).toBe(sub);
    expect(user.UserAttributes).toEqual(expect.arrayContaining([{ Name: 'email', Value: email }]));
    // The UUID finds the same user.
    expect((await adminGetUser(app, sub)).Username).toBe(sub);
  });

  it('signs in by email; the tokens carry the UUID username', async () => {
    const tokens = await signInAttempt(app, email);
    const id = claimsOf(tokens.IdToken);
    expect(id['cognito:username']).toBe(sub);
    expect(id.sub).toBe(sub);
    expect(id.email).toBe(email);
    expect(claimsOf(tokens.AccessToken).username).toBe(sub);
  });

  it('refuses a second sign-up with the same email (UsernameExistsException)', async () => {
    await expectCognitoError(
      target().client.send(new SignUpCommand({ ClientId: app.clientId, Username: email, Password: goodPassword })),
      'UsernameExistsException',
    );
  });

  it('refuses a username that is not an email (InvalidParameterException)', async () => {
    await expectCognitoError(
      target().client.send(new SignUpCommand({ ClientId: app.clientId, Username: uniqueName(), Password: goodPassword })),
      'InvalidParameterException',
    );
  });
});

describe('a pool with UsernameConfiguration CaseSensitive false', () => {
  let app: PoolWithClient;

  beforeAll(async () => {
    app = await createPoolWithClient({ UsernameConfiguration: { CaseSensitive: false } });
  });

  it('signs a user in with the username in another case', async () => {
    const user = await createConfirmedUser(app, `Mixed-${uniqueName()}`);
    const tokens = await signInAttempt(app, user.username.toLowerCase());
    expect(claimsOf(tokens.IdToken).sub).toBe(user.sub);
    const upper = await signInAttempt(app, user.username.toUpperCase());
    expect(claimsOf(upper.IdToken).sub).toBe(user.sub);
    expect((await adminGetUser(app, user.username.toUpperCase())).UserAttributes?.[0]).toEqual({ Name: 'sub', Value: user.sub });
  });

  it('refuses a sign-up whose username differs from a taken one only in case (UsernameExistsException)', async () => {
    const username = `Mixed-${uniqueName()}`;
    await signUp(app, username);
    await expectCognitoError(
      target().client.send(new SignUpCommand({ ClientId: app.clientId, Username: username.toLowerCase(), Password: goodPassword })),
      'UsernameExistsException',
    );
  });
});

describe('a pool without UsernameConfiguration (case-sensitive, as the API documents)', () => {
  let app: PoolWithClient;

  beforeAll(async () => {
    app = await createPoolWithClient();
  });

  it('does not find the user under the username in another case (UserNotFoundException)', async () => {
    const user = await createConfirmedUser(app, `Mixed-${uniqueName()}`);
    await expectCognitoError(signInAttempt(app, user.username.toLowerCase()), 'UserNotFoundException', 'User does not exist.');
    await expectCognitoError(adminGetUser(app, user.username.toLowerCase()), 'UserNotFoundException');
  });

  it('lets two users have usernames that differ only in case', async () => {
    const username = `Mixed-${uniqueName()}`;
    const first = await signUp(app, username);
    const second = await signUp(app, username.toLowerCase());
    expect(second).not.toBe(first);
  });
});
