/**
 * GetUser (authorised by the access token in the body, fully verified) and AdminGetUser
 * (cognito-facts.md §2 GetUser, AdminGetUser).
 */
import { AdminGetUserCommand, GetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { SignJWT, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { claimsOf, headerOf, passwordSignIn } from '../fixtures/auth.js';
import { expectCognitoError } from '../fixtures/errors.js';
import { createConfirmedUser, createPoolWithClient, signUp, uniqueName, type PoolWithClient } from '../fixtures/pools.js';
import { target } from '../targets/target.js';

const base64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const getUser = (accessToken: string) => target().client.send(new GetUserCommand({ AccessToken: accessToken }));

describe('GetUser', () => {
  let app: PoolWithClient;
  let user: { username: string; password: string; sub: string };
  let email: string;
  let tokens: Awaited<ReturnType<typeof passwordSignIn>>;

  beforeAll(async () => {
    app = await createPoolWithClient();
    email = `${uniqueName()}@example.com`;
    user = await createConfirmedUser(app, uniqueName(), { attributes: [{ Name: 'email', Value: email }, { Name: 'family_name', Value: 'Lovelace' }] });
    tokens = await passwordSignIn(app, user.username, user.password);
  });

  it('returns the username and attributes, sub first, all values strings', async () => {
    const me = await getUser(tokens.AccessToken);
    expect(me.Username).toBe(user.username);
    expect(me.UserAttributes?.[0]).toEqual({ Name: 'sub', Value: user.sub });
    expect(me.UserAttributes).toEqual(expect.arrayContaining([{ Name: 'email', Value: email }, { Name: 'family_name', Value: 'Lovelace' }]));
    for (const attribute of me.UserAttributes ?? []) expect(typeof attribute.Value).toBe('string');
  });

  it('refuses an ID token (NotAuthorizedException)', async () => {
    await expectCognitoError(getUser(tokens.IdToken), 'NotAuthorizedException');
  });

  it('refuses an access token whose payload was changed (NotAuthorizedException)', async () => {
    const [header, , signature] = tokens.AccessToken.split('.');
    const claims = claimsOf(tokens.AccessToken);
    const tampered = `${header}.${base64url({ ...claims, exp: claims.exp! + 86400 })}.${signature}`;
    await expectCognitoError(getUser(tampered), 'NotAuthorizedException');
  });

  it('refuses an unsigned token (alg none) with valid-looking claims (NotAuthorizedException)', async () => {
    const { kid } = headerOf(tokens.AccessToken);
    const unsigned = `${base64url({ alg: 'none', kid })}.${base64url(claimsOf(tokens.AccessToken))}.`;
    await expectCognitoError(getUser(unsigned), 'NotAuthorizedException');
  });

  it('refuses a token signed with another key under the pool key id (NotAuthorizedException)', async () => {
    const { kid } = headerOf(tokens.AccessToken);
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT(claimsOf(tokens.AccessToken)).setProtectedHeader({ alg: 'RS256', kid }).sign(privateKey);
    await expectCognitoError(getUser(forged), 'NotAuthorizedException');
  });

  it('refuses something that is not a JWT at all (NotAuthorizedException)', async () => {
    await expectCognitoError(getUser('not.a.token'), 'NotAuthorizedException');
  });
});

describe('AdminGetUser', () => {
  let app: PoolWithClient;

  beforeAll(async () => {
    app = await createPoolWithClient();
  });

  it('returns Username, UserAttributes (sub first), status, Enabled and dates', async () => {
    const email = `${uniqueName()}@example.com`;
    const user = await createConfirmedUser(app, uniqueName(), { attributes: [{ Name: 'email', Value: email }] });
    const found = await target().client.send(new AdminGetUserCommand({ UserPoolId: app.userPoolId, Username: user.username }));
    expect(found.Username).toBe(user.username);
    expect(found.UserAttributes?.[0]).toEqual({ Name: 'sub', Value: user.sub });
    expect(found.UserAttributes).toEqual(expect.arrayContaining([{ Name: 'email', Value: email }]));
    expect(found.UserStatus).toBe('CONFIRMED');
    expect(found.Enabled).toBe(true);
    expect(found.UserCreateDate).toBeInstanceOf(Date);
    expect(found.UserLastModifiedDate).toBeInstanceOf(Date);
  });

  it('shows a signed-up user as UNCONFIRMED', async () => {
    const username = uniqueName();
    await signUp(app, username);
    const found = await target().client.send(new AdminGetUserCommand({ UserPoolId: app.userPoolId, Username: username }));
    expect(found.UserStatus).toBe('UNCONFIRMED');
  });

  it('answers an unknown user with UserNotFoundException "User does not exist."', async () => {
    await expectCognitoError(
      target().client.send(new AdminGetUserCommand({ UserPoolId: app.userPoolId, Username: uniqueName('nobody') })),
      'UserNotFoundException',
      'User does not exist.',
    );
  });

  it('answers an unknown pool with ResourceNotFoundException', async () => {
    await expectCognitoError(
      target().client.send(new AdminGetUserCommand({ UserPoolId: `${target().region}_NoSuchPool1`, Username: uniqueName() })),
      'ResourceNotFoundException',
    );
  });
});
