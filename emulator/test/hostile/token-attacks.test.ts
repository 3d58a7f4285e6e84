/**
 * Forged, altered and misused tokens against every operation that takes an access token (found in the
 * registry by its `AccessToken` member, so new ones are attacked too) and every refresh path. Each must be
 * refused with NotAuthorizedException. Forgeries that need a real private key read it from the store,
 * which is what an attacker holding another pool's key, or a stolen expired token, amounts to.
 */
import { createHmac, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign as rsaSign, type KeyObject } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFrom, createEmulator, type RunningEmulator } from '../../src/index.js';
import { operations } from '../../src/operations/index.js';
import type { SigningKeyRecord } from '../../src/store/signing-keys.js';
import { callApi, createPool, createSignedInUser, ok, password, refreshBody, type PoolFixture, type Tokens } from '../support/aws-json.js';
import type { Schema } from './support/inputs.js';

type Json = Record<string, unknown>;
const b64 = (value: Json | string | Buffer): string => Buffer.from(typeof value === 'object' && !Buffer.isBuffer(value) ? JSON.stringify(value) : value).toString('base64url');
const decode = (part: string): Json => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Json;
const now = (): number => Math.floor(Date.now() / 1000);

const signRs = (header: Json, payload: Json, key: KeyObject, digest = 'sha256'): string => {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${rsaSign(digest, Buffer.from(input), key).toString('base64url')}`;
};
const signHs = (header: Json, payload: Json, secret: string | Buffer): string => {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
};

/** Valid values for the other required members, so that only the token can be what is refused. */
function otherMembers(schema: Schema): Json {
  const values: Json = {};
  for (const name of schema.required ?? []) {
    if (name === 'AccessToken') continue;
    const member = schema.properties?.[name] ?? {};
    values[name] =
      {
        UserAttributes: [{ Name: 'name', Value: 'Attacker' }],
        UserAttributeNames: ['name'],
        AttributeName: 'email',
        Code: '123456',
        PreviousPassword: password,
        ProposedPassword: 'Changed-Passw0rd!',
      }[name] ?? minimal(member);
  }
  return values;
}

function minimal(schema: Schema): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.anyOf?.[0]) return minimal(schema.anyOf[0]);
  switch (schema.type) {
    case 'string':
      return 'a'.repeat(Math.max(1, schema.minLength ?? 1));
    case 'integer':
    case 'number':
      return schema.minimum ?? 0;
    case 'boolean':
      return false;
    case 'array':
      return [];
    default:
      return {};
  }
}

describe('token attacks', () => {
  let emulator: RunningEmulator;
  let url: string;
  let poolA: PoolFixture;
  let otherClientOfA: string;
  let poolB: PoolFixture;
  let victim: Tokens;
  let bystander: Tokens;
  let outsider: Tokens;
  let keysA: SigningKeyRecord[];
  let keysB: SigningKeyRecord[];
  const forgeries: Array<[string, () => string]> = [];

  beforeAll(async () => {
    emulator = await createEmulator(configFrom({ port: 0, dataPath: ':memory:', logLevel: 'silent' }));
    url = emulator.url;
    poolA = await createPool(url, 'attacked');
    otherClientOfA = (await ok(url, 'CreateUserPoolClient', { UserPoolId: poolA.poolId, ClientName: 'other', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }))
      .UserPoolClient.ClientId;
    poolB = await createPool(url, 'attacker');
    victim = await createSignedInUser(url, poolA, 'victim');
    bystander = await createSignedInUser(url, poolA, 'bystander');
    outsider = await createSignedInUser(url, poolB, 'outsider');
    keysA = emulator.services.store.signingKeys.forPool(poolA.poolId);
    keysB = emulator.services.store.signingKeys.forPool(poolB.poolId);

    const [h, p, s] = victim.AccessToken.split('.') as [string, string, string];
    const header = decode(h);
    const claims = decode(p);
    const keyOf = (keys: SigningKeyRecord[], use: 'id' | 'access') => keys.find((key) => key.tokenUse === use)!;
    const privateOf = (record: SigningKeyRecord) => createPrivateKey({ key: record.privateJwk as never, format: 'jwk' });
    const accessA = keyOf(keysA, 'access');
    const idA = keyOf(keysA, 'id');
    const accessB = keyOf(keysB, 'access');
    const publicA = createPublicKey({ key: accessA.publicJwk as never, format: 'jwk' });
    const attacker = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const reSigned = (changes: Json, headerChanges: Json = {}) => signRs({ ...header, ...headerChanges }, { ...claims, ...changes }, privateOf(accessA));

    forgeries.push(
      ['alg none, no signature', () => `${b64({ ...header, alg: 'none' })}.${p}.`],
      ['alg none, original signature', () => `${b64({ ...header, alg: 'none' })}.${p}.${s}`],
      ['alg "None", two segments', () => `${b64({ ...header, alg: 'None' })}.${p}`],
      ['HS256 keyed with the public key (SPKI PEM)', () => signHs({ ...header, alg: 'HS256' }, claims, publicA.export({ type: 'spki', format: 'pem' }))],
      ['HS256 keyed with the public key (PKCS#1 PEM)', () => signHs({ ...header, alg: 'HS256' }, claims, publicA.export({ type: 'pkcs1', format: 'pem' }))],
      ['HS256 keyed with the public JWK', () => signHs({ ...header, alg: 'HS256' }, claims, JSON.stringify(accessA.publicJwk))],
      ['HS256 keyed with the modulus', () => signHs({ ...header, alg: 'HS256' }, claims, Buffer.from(String(accessA.publicJwk.n), 'base64url'))],
      ["signed by another pool's access key, that pool's kid", () => signRs({ ...header, kid: accessB.kid }, claims, privateOf(accessB))],
      ["signed by another pool's access key, this pool's kid", () => signRs(header, claims, privateOf(accessB))],
      ["another pool's token, its payload changed to this pool's user", () => `${outsider.AccessToken.split('.')[0]}.${p}.${outsider.AccessToken.split('.')[2]}`],
      ['signed by an attacker key, unknown kid', () => signRs({ ...header, kid: randomBytes(32).toString('base64') }, claims, attacker.privateKey)],
      ['signed by an attacker key, key embedded in the header', () => signRs({ ...header, kid: 'attacker', jwk: attacker.publicKey.export({ format: 'jwk' }) }, claims, attacker.privateKey)],
      ['signed by an attacker key, jku pointing elsewhere', () => signRs({ ...header, jku: 'http://127.0.0.1:1/jwks.json' }, claims, attacker.privateKey)],
      ['no kid', () => signRs({ alg: 'RS256' }, claims, privateOf(accessA))],
      ['kid of the ID-token key, signed by the access key', () => signRs({ ...header, kid: idA.kid }, claims, privateOf(accessA))],
      ['tampered payload: another user', () => `${h}.${b64({ ...claims, sub: decode(bystander.AccessToken.split('.')[1]!).sub, username: 'bystander' })}.${s}`],
      ['tampered payload: longer expiry', () => `${h}.${b64({ ...claims, exp: now() + 86_400 })}.${s}`],
      ['tampered header: other kid', () => `${b64({ ...header, kid: idA.kid })}.${p}.${s}`],
      ['tampered signature', () => `${h}.${p}.${s.slice(0, -4)}${s.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`],
      ['truncated signature', () => `${h}.${p}.${s.slice(0, 100)}`],
      ['RS512 with the real key', () => signRs({ ...header, alg: 'RS512' }, claims, privateOf(accessA), 'sha512')],
      ['unknown critical header', () => reSigned({}, { crit: ['exp-ext'], 'exp-ext': true })],
      ['expired (genuine key)', () => reSigned({ iat: now() - 7_200, exp: now() - 3_600 })],
      ['expired a second ago (genuine key)', () => reSigned({ exp: now() - 1 })],
      ['not yet valid: nbf in the future (genuine key)', () => reSigned({ nbf: now() + 600 })],
      ['not yet valid: iat in the future (genuine key)', () => reSigned({ iat: now() + 600, exp: now() + 4_200 })],
      ['exp not a number (genuine key)', () => reSigned({ exp: String(now() + 3_600) })],
      ['issuer of another pool (genuine key)', () => reSigned({ iss: emulator.services.issuerFor(poolB.poolId) })],
      ['token_use id (genuine access key)', () => reSigned({ token_use: 'id' })],
      ['no token_use (genuine key)', () => reSigned({ token_use: undefined })],
      ['ID token as access token', () => victim.IdToken],
      ['ID token claims signed by the ID key, token_use access', () => signRs(decode(victim.IdToken.split('.')[0]!), { ...decode(victim.IdToken.split('.')[1]!), token_use: 'access' }, privateOf(idA))],
      ['refresh token as access token', () => victim.RefreshToken],
      ['empty segments', () => '..'],
      ['garbage', () => 'eyJhbGciOiJSUzI1NiJ9.eyJ.x'],
    );
  });
  afterAll(async () => emulator?.close());

  const tokenTaking = [...operations].filter(([, operation]) => 'AccessToken' in ((operation.input as Schema).properties ?? {}));

  it('finds the token-taking operations in the registry', () => {
    expect(tokenTaking.map(([name]) => name)).toContain('GetUser');
  });

  for (const [name, operation] of tokenTaking) {
    it(`${name} refuses every forged or misused access token with NotAuthorizedException`, async () => {
      const rest = otherMembers(operation.input as Schema);
      const refusals: Record<string, string> = {};
      for (const [attack, forge] of forgeries) {
        const answer = await callApi(url, name, { ...rest, AccessToken: forge() });
        refusals[attack] = answer.status === 400 ? String(answer.type) : `${answer.status} ${answer.type}`;
      }
      expect(refusals).toEqual(Object.fromEntries(forgeries.map(([attack]) => [attack, 'NotAuthorizedException'])));
      // Nothing happened to the victim: its genuine token still works.
      expect((await callApi(url, 'GetUser', { AccessToken: victim.AccessToken })).status).toBe(200);
    });
  }

  it('a genuine token past its expiry by the emulator clock is refused as expired', async () => {
    emulator.services.clock.advance(2 * 3_600_000);
    try {
      const answer = await callApi(url, 'GetUser', { AccessToken: victim.AccessToken });
      expect(answer).toMatchObject({ status: 400, type: 'NotAuthorizedException', body: { message: 'Access Token has expired' } });
    } finally {
      emulator.services.clock.advance(-2 * 3_600_000);
    }
  });

  it('refresh tokens work only with the client they were issued to', async () => {
    const attempts: Array<[string, Promise<{ status: number; type: string | undefined }>]> = [
      ['InitiateAuth, other client of the pool', callApi(url, 'InitiateAuth', refreshBody(otherClientOfA, victim.RefreshToken))],
      ['InitiateAuth, client of another pool', callApi(url, 'InitiateAuth', refreshBody(poolB.clientId, victim.RefreshToken))],
      ['AdminInitiateAuth, other client of the pool', callApi(url, 'AdminInitiateAuth', { ...refreshBody(otherClientOfA, victim.RefreshToken), UserPoolId: poolA.poolId })],
      ['GetTokensFromRefreshToken, other client of the pool', callApi(url, 'GetTokensFromRefreshToken', { ClientId: otherClientOfA, RefreshToken: victim.RefreshToken })],
      ['GetTokensFromRefreshToken, client of another pool', callApi(url, 'GetTokensFromRefreshToken', { ClientId: poolB.clientId, RefreshToken: victim.RefreshToken })],
      ['InitiateAuth, access token as refresh token', callApi(url, 'InitiateAuth', refreshBody(poolA.clientId, victim.AccessToken))],
      ['InitiateAuth, altered refresh token', callApi(url, 'InitiateAuth', refreshBody(poolA.clientId, `${victim.RefreshToken.slice(0, -2)}AA`))],
    ];
    const outcomes: Record<string, string> = {};
    for (const [attempt, answer] of attempts) {
      const { status, type } = await answer;
      outcomes[attempt] = status === 400 ? String(type) : `${status} ${type}`;
    }
    expect(outcomes).toEqual(Object.fromEntries(attempts.map(([attempt]) => [attempt, 'NotAuthorizedException'])));
    // The genuine use still works.
    expect((await callApi(url, 'InitiateAuth', refreshBody(poolA.clientId, victim.RefreshToken))).status).toBe(200);
  });
});
