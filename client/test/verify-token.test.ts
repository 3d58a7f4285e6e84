import { SignJWT, exportJWK, generateKeyPair, generateSecret } from 'jose';
import type { JWK, JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { TokenVerificationError, clearJwksCache, verifyToken } from '../src/index.js';
import type { CognitoAccessTokenPayload, CognitoIdTokenPayload } from '../src/index.js';
import { sendJson, startTestServer } from './support/http-server.js';
import type { TestServer } from './support/http-server.js';

const POOL_ID = 'us-east-1_Test12345';
const CLIENT_ID = 'client1234567890abcdefghij';
const ID_KID = 'id-key-kid';
const ACCESS_KID = 'access-key-kid';

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;
let server: TestServer;
let issuer: string;
let idKey: KeyPair;
let accessKey: KeyPair;

async function publicJwk(pair: KeyPair, kid: string): Promise<JWK> {
  return { ...(await exportJWK(pair.publicKey)), kid, alg: 'RS256', use: 'sig' };
}

beforeAll(async () => {
  idKey = await generateKeyPair('RS256');
  accessKey = await generateKeyPair('RS256');
  const jwks = { keys: [await publicJwk(idKey, ID_KID), await publicJwk(accessKey, ACCESS_KID)] };
  server = await startTestServer((req, res) => {
    if (req.url?.endsWith('/.well-known/jwks.json')) sendJson(res, 200, jwks);
    else sendJson(res, 404, { message: 'not found' });
  });
  issuer = `${server.url}/${POOL_ID}`;
});

afterAll(async () => {
  clearJwksCache();
  await server.close();
});

const now = () => Math.floor(Date.now() / 1000);

function idClaims(overrides: JWTPayload = {}): JWTPayload {
  return {
    sub: '0b5c1a7e-1111-2222-3333-444455556666',
    aud: CLIENT_ID,
    token_use: 'id',
    auth_time: now(),
    'cognito:username': 'alice',
    email: 'alice@example.com',
    email_verified: true,
    ...overrides,
  };
}

function accessClaims(overrides: JWTPayload = {}): JWTPayload {
  return {
    sub: '0b5c1a7e-1111-2222-3333-444455556666',
    client_id: CLIENT_ID,
    token_use: 'access',
    scope: 'aws.cognito.signin.user.admin',
    auth_time: now(),
    username: 'alice',
    ...overrides,
  };
}

async function sign(
  claims: JWTPayload,
  opts: { key?: KeyPair; kid?: string; iss?: string; exp?: number } = {},
): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: opts.kid ?? ID_KID })
    .setIssuer(opts.iss ?? issuer)
    .setIssuedAt()
    .setExpirationTime(opts.exp ?? now() + 3600)
    .sign((opts.key ?? idKey).privateKey);
}

async function rejection(promise: Promise<unknown>): Promise<TokenVerificationError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TokenVerificationError);
  return err as TokenVerificationError;
}

describe('verifyToken', () => {
  it('accepts a valid id token and types the payload', async () => {
    const token = await sign(idClaims());
    const payload = await verifyToken(token, { issuer, clientId: CLIENT_ID, tokenUse: 'id' });
    expectTypeOf(payload).toEqualTypeOf<CognitoIdTokenPayload>();
    expect(payload['cognito:username']).toBe('alice');
    expect(payload.email_verified).toBe(true);
    expect(payload.iss).toBe(issuer);
  });

  it('accepts a valid access token (checked against client_id), signed with the second key', async () => {
    const token = await sign(accessClaims(), { key: accessKey, kid: ACCESS_KID });
    const payload = await verifyToken(token, { issuer, clientId: CLIENT_ID, tokenUse: 'access' });
    expectTypeOf(payload).toEqualTypeOf<CognitoAccessTokenPayload>();
    expect(payload.username).toBe('alice');
    expect(payload.scope).toBe('aws.cognito.signin.user.admin');
  });

  it('accepts either token_use when none is required, checking the matching client claim', async () => {
    const id = await verifyToken(await sign(idClaims()), { issuer, clientId: CLIENT_ID });
    const access = await verifyToken(await sign(accessClaims(), { key: accessKey, kid: ACCESS_KID }), {
      issuer,
      clientId: CLIENT_ID,
    });
    expect([id.token_use, access.token_use]).toEqual(['id', 'access']);
  });

  it('rejects the wrong token_use', async () => {
    const token = await sign(accessClaims(), { key: accessKey, kid: ACCESS_KID });
    const err = await rejection(verifyToken(token, { issuer, clientId: CLIENT_ID, tokenUse: 'id' }));
    expect(err.code).toBe('TOKEN_USE_MISMATCH');
    expect(err.message).toMatch(/token_use is "access", expected "id"/);
  });

  it('rejects a token without a Cognito token_use', async () => {
    const token = await sign(idClaims({ token_use: 'refresh' }));
    expect((await rejection(verifyToken(token, { issuer }))).code).toBe('NOT_A_COGNITO_TOKEN');
  });

  it('rejects the wrong audience on an id token', async () => {
    const token = await sign(idClaims({ aud: 'someotherclient' }));
    const err = await rejection(verifyToken(token, { issuer, clientId: CLIENT_ID, tokenUse: 'id' }));
    expect(err.code).toBe('CLIENT_ID_MISMATCH');
    expect(err.message).toMatch(/aud is "someotherclient"/);
  });

  it('rejects the wrong client_id on an access token, even if aud would match', async () => {
    const token = await sign(accessClaims({ client_id: 'someotherclient', aud: CLIENT_ID }), {
      key: accessKey,
      kid: ACCESS_KID,
    });
    const err = await rejection(verifyToken(token, { issuer, clientId: CLIENT_ID, tokenUse: 'access' }));
    expect(err.code).toBe('CLIENT_ID_MISMATCH');
  });

  it('rejects the wrong issuer', async () => {
    const token = await sign(idClaims(), { iss: `https://cognito-idp.us-east-1.amazonaws.com/${POOL_ID}` });
    const err = await rejection(verifyToken(token, { issuer, clientId: CLIENT_ID }));
    expect(err.code).toBe('ERR_JWT_CLAIM_VALIDATION_FAILED');
    expect(err.message).toMatch(/iss/);
  });

  it('rejects an expired token, unless currentDate says otherwise', async () => {
    const exp = now() - 60;
    const token = await sign(idClaims(), { exp });
    const err = await rejection(verifyToken(token, { issuer, clientId: CLIENT_ID }));
    expect(err.code).toBe('ERR_JWT_EXPIRED');
    const payload = await verifyToken(token, { issuer, currentDate: new Date((exp - 10) * 1000) });
    expect(payload.exp).toBe(exp);
  });

  it('rejects alg "none"', async () => {
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const token = `${b64({ alg: 'none', kid: ID_KID })}.${b64({ ...idClaims(), iss: issuer, exp: now() + 3600 })}.`;
    const err = await rejection(verifyToken(token, { issuer, clientId: CLIENT_ID }));
    expect(err.code).toBe('ERR_JOSE_ALG_NOT_ALLOWED');
  });

  it('rejects HS256, even with a known kid', async () => {
    const token = await new SignJWT({ ...idClaims() })
      .setProtectedHeader({ alg: 'HS256', kid: ID_KID })
      .setIssuer(issuer)
      .setExpirationTime('1h')
      .sign(await generateSecret('HS256'));
    expect((await rejection(verifyToken(token, { issuer }))).code).toBe('ERR_JOSE_ALG_NOT_ALLOWED');
  });

  it('rejects a token signed by a key that is not in the JWKS', async () => {
    const forged = await sign(idClaims(), { key: await generateKeyPair('RS256'), kid: ID_KID });
    expect((await rejection(verifyToken(forged, { issuer }))).code).toBe('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
    const unknownKid = await sign(idClaims(), { kid: 'nope' });
    expect((await rejection(verifyToken(unknownKid, { issuer }))).code).toBe('ERR_JWKS_NO_MATCHING_KEY');
  });

  it('honours jwksUri and caches the key set per URI', async () => {
    const jwksUri = `${server.url}/elsewhere/.well-known/jwks.json`;
    const fetches = () => server.requests.filter((r) => r.url === '/elsewhere/.well-known/jwks.json').length;
    const token = await sign(idClaims());
    await verifyToken(token, { issuer, jwksUri });
    await verifyToken(token, { issuer, jwksUri, tokenUse: 'id' });
    expect(fetches()).toBe(1);
  });
});
