/**
 * The ID and access tokens: RS256 with two keys (two kids) published in `${issuer}/.well-known/jwks.json`,
 * their claims, their lifetimes from the app client, and the pool's OpenID discovery document
 * (cognito-facts.md §6).
 */
import { ConfirmSignUpCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { verifyToken } from 'cognito-emulator-client';
import { createRemoteJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { claimsOf, headerOf, passwordSignIn } from '../fixtures/auth.js';
import { createClient, createConfirmedUser, createPool, goodPassword, uniqueName, type PoolWithClient } from '../fixtures/pools.js';
import { hasOutbox, target } from '../targets/target.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const nowSeconds = (): number => Math.floor(Date.now() / 1000);

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  expect(response.status, `GET ${url}`).toBe(200);
  return response.json();
}

// One pool, client and user for the whole file: creating pools (two RSA keys each) is the slow part.
let userPoolId: string;
let issuer: string;
let app: PoolWithClient;
let user: { username: string; password: string; sub: string };
let email: string;

beforeAll(async () => {
  userPoolId = await createPool();
  issuer = target().issuerFor(userPoolId);
  const client = await createClient(userPoolId);
  app = { userPoolId, clientId: client.ClientId!, clientSecret: undefined };
  email = `${uniqueName()}@example.com`;
  user = await createConfirmedUser(app, uniqueName(), { attributes: [{ Name: 'email', Value: email }, { Name: 'given_name', Value: 'Ada' }] });
});

describe('tokens of a password sign-in', () => {
  let tokens: Awaited<ReturnType<typeof passwordSignIn>>;

  beforeAll(async () => {
    tokens = await passwordSignIn(app, user.username, user.password);
  });

  it('verify with jose against the pool JWKS at ${issuer}/.well-known/jwks.json', async () => {
    const jwks = createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`));
    const id = await jwtVerify(tokens.IdToken, jwks, { issuer, audience: app.clientId, algorithms: ['RS256'] });
    expect(id.payload.sub).toBe(user.sub);
    expect(id.protectedHeader.alg).toBe('RS256');
    const access = await jwtVerify(tokens.AccessToken, jwks, { issuer, algorithms: ['RS256'] });
    expect(access.payload.sub).toBe(user.sub);
  });

  it('verify with the client package verifyToken, which checks token_use and the client', async () => {
    const id = await verifyToken(tokens.IdToken, { issuer, clientId: app.clientId, tokenUse: 'id' });
    expect(id['cognito:username']).toBe(user.username);
    const access = await verifyToken(tokens.AccessToken, { issuer, clientId: app.clientId, tokenUse: 'access' });
    expect(access.username).toBe(user.username);
    await expect(verifyToken(tokens.IdToken, { issuer, clientId: app.clientId, tokenUse: 'access' })).rejects.toThrow();
    await expect(verifyToken(tokens.AccessToken, { issuer, clientId: 'someotherclient', tokenUse: 'access' })).rejects.toThrow();
  });

  it('are signed with two different keys, both in the JWKS as RS256 signing keys', async () => {
    const idHeader = headerOf(tokens.IdToken);
    const accessHeader = headerOf(tokens.AccessToken);
    expect(idHeader.alg).toBe('RS256');
    expect(accessHeader.alg).toBe('RS256');
    expect(idHeader.kid).toEqual(expect.any(String));
    expect(accessHeader.kid).toEqual(expect.any(String));
    expect(idHeader.kid).not.toBe(accessHeader.kid);

    const jwks = (await fetchJson(`${issuer}/.well-known/jwks.json`)) as JSONWebKeySet;
    const kids = jwks.keys.map((key) => key.kid);
    expect(kids).toContain(idHeader.kid);
    expect(kids).toContain(accessHeader.kid);
    for (const key of jwks.keys) {
      expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', e: 'AQAB', n: expect.any(String) });
      expect(key).not.toHaveProperty('d'); // public keys only
    }
  });

  it('the ID token carries sub, aud, token_use id, cognito:username, the user attributes, and time and id claims', () => {
    const id = claimsOf(tokens.IdToken);
    expect(id).toMatchObject({
      sub: user.sub,
      aud: app.clientId,
      iss: issuer,
      token_use: 'id',
      'cognito:username': user.username,
      email,
      given_name: 'Ada',
    });
    expect(id.sub).toMatch(uuid);
    expect(id.auth_time).toEqual(expect.any(Number));
    expect(id.iat).toEqual(expect.any(Number));
    expect(id.exp).toEqual(expect.any(Number));
    expect(Math.abs(id.iat! - nowSeconds())).toBeLessThan(300);
    expect(id.auth_time).toBeLessThanOrEqual(id.iat!);
    expect(id.jti).toEqual(expect.any(String));
    expect(id.origin_jti).toEqual(expect.any(String));
    expect(id).not.toHaveProperty('client_id');
    expect(id).not.toHaveProperty('scope');
  });

  it('the access token carries client_id, token_use access, the admin scope and username, and no aud or user attributes', () => {
    const access = claimsOf(tokens.AccessToken);
    expect(access).toMatchObject({
      sub: user.sub,
      iss: issuer,
      client_id: app.clientId,
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      username: user.username,
    });
    expect(access).not.toHaveProperty('aud');
    expect(access).not.toHaveProperty('email');
    expect(access).not.toHaveProperty('cognito:username');
    expect(access.auth_time).toEqual(expect.any(Number));
    expect(access.iat).toEqual(expect.any(Number));
    expect(access.exp).toEqual(expect.any(Number));
    expect(access.jti).toEqual(expect.any(String));
    expect(access.origin_jti).toEqual(expect.any(String));
  });

  it('ID and access token of one sign-in share auth_time and origin_jti but not jti', () => {
    const id = claimsOf(tokens.IdToken);
    const access = claimsOf(tokens.AccessToken);
    expect(access.auth_time).toBe(id.auth_time);
    expect(access.origin_jti).toBe(id.origin_jti);
    expect(access.jti).not.toBe(id.jti);
  });

  it('a new sign-in starts a new origin_jti', async () => {
    const again = await passwordSignIn(app, user.username, user.password);
    expect(claimsOf(again.AccessToken).origin_jti).not.toBe(claimsOf(tokens.AccessToken).origin_jti);
  });

  it('last an hour by default: ExpiresIn 3600 and exp - iat = 3600 for both tokens', () => {
    expect(tokens.ExpiresIn).toBe(3600);
    expect(tokens.TokenType).toBe('Bearer');
    for (const token of [tokens.IdToken, tokens.AccessToken]) {
      const claims = claimsOf(token);
      expect(claims.exp! - claims.iat!).toBe(3600);
    }
  });

  it.runIf(hasOutbox())('the ID token of a user who confirmed an emailed code has email_verified true, as a boolean (emulator: reads the outbox)', async () => {
    const emailPool = await createPool({ AutoVerifiedAttributes: ['email'] });
    const emailApp = { userPoolId: emailPool, clientId: (await createClient(emailPool)).ClientId!, clientSecret: undefined };
    const username = uniqueName();
    await target().client.send(
      new SignUpCommand({ ClientId: emailApp.clientId, Username: username, Password: goodPassword, UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }] }),
    );
    await target().client.send(
      new ConfirmSignUpCommand({ ClientId: emailApp.clientId, Username: username, ConfirmationCode: await target().readCode!(emailPool, username) }),
    );
    const id = claimsOf((await passwordSignIn(emailApp, username, goodPassword)).IdToken);
    expect(id.email_verified).toBe(true);
    expect(id.email).toBe(`${username}@example.com`);
  });
});

describe('token lifetimes from the app client', () => {

  it.each([
    ['seconds and minutes', { AccessTokenValidity: 900, IdTokenValidity: 10, TokenValidityUnits: { AccessToken: 'seconds', IdToken: 'minutes' } }, 900, 600],
    ['hours (the default unit)', { AccessTokenValidity: 2, IdTokenValidity: 3 }, 7200, 10800],
    ['days', { AccessTokenValidity: 1, IdTokenValidity: 1, TokenValidityUnits: { AccessToken: 'days', IdToken: 'days' } }, 86400, 86400],
  ] as const)('counts AccessTokenValidity and IdTokenValidity in %s', async (_units, settings, accessSeconds, idSeconds) => {
    const client = await createClient(userPoolId, settings as Parameters<typeof createClient>[1]);
    const signedIn = await passwordSignIn({ userPoolId, clientId: client.ClientId!, clientSecret: undefined }, user.username, user.password);
    expect(signedIn.ExpiresIn).toBe(accessSeconds);
    const access = claimsOf(signedIn.AccessToken);
    const id = claimsOf(signedIn.IdToken);
    expect(access.exp! - access.iat!).toBe(accessSeconds);
    expect(id.exp! - id.iat!).toBe(idSeconds);
  });
});

describe('OpenID discovery', () => {
  it('serves ${issuer}/.well-known/openid-configuration naming the issuer and its JWKS (emulator: uses the endpoint)', async () => {
    const document = (await fetchJson(`${issuer}/.well-known/openid-configuration`)) as Record<string, unknown>;
    expect(document.issuer).toBe(issuer);
    expect(document.jwks_uri).toBe(`${issuer}/.well-known/jwks.json`);
    expect(document.id_token_signing_alg_values_supported).toEqual(['RS256']);
    expect(document.subject_types_supported).toEqual(['public']);
    // The JWKS it names is served and holds the pool's keys.
    const jwks = (await fetchJson(document.jwks_uri as string)) as JSONWebKeySet;
    expect(jwks.keys.length).toBeGreaterThanOrEqual(2);
  });

  it('publishes different keys for different pools', async () => {
    const [first, second] = [userPoolId, await createPool()];
    const kidsOf = async (userPoolId: string) =>
      ((await fetchJson(`${target().issuerFor(userPoolId)}/.well-known/jwks.json`)) as JSONWebKeySet).keys.map((key) => key.kid);
    const [firstKids, secondKids] = await Promise.all([kidsOf(first), kidsOf(second)]);
    expect(firstKids.filter((kid) => secondKids.includes(kid))).toEqual([]);
  });
});
