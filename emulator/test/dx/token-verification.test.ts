/**
 * Token verification against the emulator with the verifiers backends already use: --issuer-style aws,
 * the client's primeCognitoJwtVerifier helper, and the recipes in examples/recipes/ (which
 * docs/developer-experience.md shows verbatim; see recipes-in-docs.test.ts).
 */
import Fastify from 'fastify';
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { primeCognitoJwtVerifier } from 'cognito-emulator-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type StartedEmulator } from '../../src/index.js';
// The recipes are plain JavaScript, exactly as the docs show them.
// @ts-expect-error no declaration file for a .mjs recipe
import { createJoseVerifier } from '../../../examples/recipes/verify-with-jose.mjs';
// @ts-expect-error no declaration file for a .mjs recipe
import { createRsaVerifier } from '../../../examples/recipes/verify-with-jwt-rsa-verifier.mjs';
// @ts-expect-error no declaration file for a .mjs recipe
import { createCognitoVerifier } from '../../../examples/recipes/verify-with-cognito-jwt-verifier.mjs';
// @ts-expect-error no declaration file for a .mjs recipe
import { requireBearerToken } from '../../../examples/recipes/fastify-bearer-auth.mjs';
import { claims, poolId, seedDocument, signIn, webClientId } from './support/dx-fixtures.js';

type Verifier = { verify(token: string): Promise<Record<string, unknown>> };

describe('with --issuer-style aws', () => {
  let emulator: StartedEmulator;
  let tokens: { IdToken: string; AccessToken: string };
  beforeAll(async () => {
    emulator = await startEmulator({ seed: seedDocument(), issuerStyle: 'aws', logLevel: 'silent' });
    tokens = await signIn(emulator.url, 'alice');
  }, 30_000);
  afterAll(() => emulator.close());

  it('tokens carry the issuer real Cognito writes, and discovery still points at the emulator for keys', async () => {
    const issuer = `https://cognito-idp.us-east-1.amazonaws.com/${poolId}`;
    expect(claims(tokens.IdToken).iss).toBe(issuer);
    expect(claims(tokens.AccessToken).iss).toBe(issuer);
    const discovery = (await (await fetch(`${emulator.url}/${poolId}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(discovery).toMatchObject({ issuer, jwks_uri: `${emulator.url}/${poolId}/.well-known/jwks.json` });
    expect(emulator.issuerFor(poolId)).toBe(issuer);
  });

  it('the emulator itself still accepts its access tokens (GetUser)', async () => {
    const response = await fetch(emulator.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.GetUser' },
      body: JSON.stringify({ AccessToken: tokens.AccessToken }),
    });
    expect(response.status).toBe(200);
  });

  it("primeCognitoJwtVerifier makes aws-jwt-verify's CognitoJwtVerifier verify both token kinds offline", async () => {
    const accessVerifier = CognitoJwtVerifier.create({ userPoolId: poolId, clientId: webClientId, tokenUse: 'access', groups: 'admins' });
    await primeCognitoJwtVerifier(accessVerifier, { endpoint: emulator.url, userPoolId: poolId });
    expect(await accessVerifier.verify(tokens.AccessToken)).toMatchObject({ token_use: 'access', client_id: webClientId, 'cognito:groups': ['admins'] });

    const idVerifier = CognitoJwtVerifier.create({ userPoolId: poolId, clientId: webClientId, tokenUse: 'id' });
    await primeCognitoJwtVerifier(idVerifier, { endpoint: emulator.url, userPoolId: poolId });
    expect(await idVerifier.verify(tokens.IdToken)).toMatchObject({ token_use: 'id', aud: webClientId, email: 'alice@example.com' });
    // The checks are real: wrong token kind, wrong client.
    await expect(idVerifier.verify(tokens.AccessToken)).rejects.toThrow(/Token use not allowed/);
    const otherClient = CognitoJwtVerifier.create({ userPoolId: poolId, clientId: 'someotherclient', tokenUse: 'access' });
    await primeCognitoJwtVerifier(otherClient, { endpoint: emulator.url, userPoolId: poolId });
    await expect(otherClient.verify(tokens.AccessToken)).rejects.toThrow(/client/i);
  });

  it('recipe: CognitoJwtVerifier, production code unchanged but for priming', async () => {
    const verifier = (await createCognitoVerifier({ userPoolId: poolId, clientId: webClientId, emulatorUrl: emulator.url })) as Verifier;
    expect((await verifier.verify(tokens.AccessToken)).sub).toBe('11111111-2222-4333-8444-555555555555');
  });
});

describe('with the default (local) issuer', () => {
  let emulator: StartedEmulator;
  let tokens: { IdToken: string; AccessToken: string };
  beforeAll(async () => {
    emulator = await startEmulator({ seed: seedDocument(), logLevel: 'silent' });
    tokens = await signIn(emulator.url, 'alice');
  }, 30_000);
  afterAll(() => emulator.close());

  it('primeCognitoJwtVerifier says what to change instead of failing later on iss', async () => {
    const verifier = CognitoJwtVerifier.create({ userPoolId: poolId, clientId: webClientId, tokenUse: 'access' });
    await expect(primeCognitoJwtVerifier(verifier, { endpoint: emulator.url, userPoolId: poolId })).rejects.toThrow(/--issuer-style aws/);
  });

  it('recipe: jose', async () => {
    const issuer = emulator.issuerFor(poolId);
    const access = createJoseVerifier({ issuer, clientId: webClientId }) as Verifier;
    expect((await access.verify(tokens.AccessToken)).username).toBe('alice');
    const id = createJoseVerifier({ issuer, clientId: webClientId, tokenUse: 'id' }) as Verifier;
    expect((await id.verify(tokens.IdToken)).email).toBe('alice@example.com');
    await expect(access.verify(tokens.IdToken)).rejects.toThrow(/expected an access token/);
    await expect((createJoseVerifier({ issuer, clientId: 'other' }) as Verifier).verify(tokens.AccessToken)).rejects.toThrow(/issued to client/);
  });

  it('recipe: JwtRsaVerifier with the emulator issuer over plain http', async () => {
    const verifier = (await createRsaVerifier({ issuer: emulator.issuerFor(poolId), jwksUri: emulator.jwksUriFor(poolId), clientId: webClientId })) as Verifier;
    expect((await verifier.verify(tokens.AccessToken)).token_use).toBe('access');
    expect((await verifier.verify(tokens.IdToken)).token_use).toBe('id');
    const tampered = `${tokens.AccessToken.slice(0, -4)}AAAA`;
    await expect(verifier.verify(tampered)).rejects.toThrow();
  });

  it('recipe: a Fastify hook that admits only requests with a valid access token', async () => {
    const app = Fastify();
    requireBearerToken(app, createJoseVerifier({ issuer: emulator.issuerFor(poolId), clientId: webClientId }));
    app.get('/me', async (request) => ({ sub: (request as unknown as { user: { sub: string } }).user.sub }));
    try {
      const ok = await app.inject({ url: '/me', headers: { authorization: `Bearer ${tokens.AccessToken}` } });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toEqual({ sub: '11111111-2222-4333-8444-555555555555' });
      expect((await app.inject({ url: '/me' })).statusCode).toBe(401);
      expect((await app.inject({ url: '/me', headers: { authorization: `Bearer ${tokens.IdToken}` } })).statusCode).toBe(401);
      expect((await app.inject({ url: '/me', headers: { authorization: 'Bearer not.a.token' } })).statusCode).toBe(401);
    } finally {
      await app.close();
    }
  });
});
