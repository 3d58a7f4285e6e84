import { createHash, createHmac, getDiffieHellman } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { N } from '../../src/auth/srp/constants.js';
import {
  PRIVATE_B_BYTES,
  createPasswordVerifier,
  startChallenge,
  startChallengeWithPrivateKey,
  verifyPasswordClaim,
  type PasswordClaim,
} from '../../src/auth/srp/srp-server.js';

// ---------------------------------------------------------------------------------------------
/*
 * An independent CLIENT side of Cognito SRP, written from shared/cognito-facts.md §4.2 for tests
 * only. It deliberately shares no code with src/auth/srp (own padHex, BigInt exponentiation,
 * hand-rolled HKDF, N taken from Node's built-in RFC 3526 group, k as the published constant),
 * so that agreement with the server means both follow the spec, not that both share a bug.
 */

const CLIENT_N = BigInt(`0x${getDiffieHellman('modp15').getPrime('hex')}`);
const CLIENT_K = BigInt('0x538282c4354742d7cbbde2359fcf67f9f5b3a6b08791e5011b43b8a5b66d9ee6');

function clientPadHex(n: bigint): string {
  let hex = n.toString(16);
  if (hex.length % 2 !== 0) hex = `0${hex}`;
  return '89abcdef'.includes(hex[0] ?? '') ? `00${hex}` : hex;
}

function bigintPowMod(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = ((base % modulus) + modulus) % modulus;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
  }
  return result;
}

const bytes = (hex: string): Buffer => Buffer.from(hex, 'hex');
const sha256Hex = (data: Buffer): string => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer, data: Buffer): Buffer => createHmac('sha256', key).update(data).digest();

/** Step 1: A = g^a mod N, sent as SRP_A (unpadded lower-case hex). */
function clientSrpA(aHex: string): string {
  return bigintPowMod(2n, BigInt(`0x${aHex}`), CLIENT_N).toString(16);
}

/** The 16-byte key of step 6 from u and S. */
function clientHkdf(u: bigint, S: bigint): Buffer {
  const prk = hmac(bytes(clientPadHex(u)), bytes(clientPadHex(S)));
  return hmac(prk, Buffer.concat([Buffer.from('Caldera Derived Key', 'utf8'), Buffer.from([1])])).subarray(0, 16);
}

function clientSignature(
  key: Buffer,
  poolName: string,
  username: string,
  secretBlock: Buffer,
  timestamp: string,
): string {
  const message = Buffer.concat([
    Buffer.from(poolName, 'utf8'),
    Buffer.from(username, 'utf8'),
    secretBlock,
    Buffer.from(timestamp, 'utf8'),
  ]);
  return hmac(key, message).toString('base64');
}

interface ClientInput {
  poolName: string;
  username: string;
  password: string;
  aHex: string;
  srpBHex: string;
  saltHex: string;
  secretBlock: Buffer;
  timestamp: string;
}

/** Steps 1-8: what amazon-cognito-identity-js / Amplify send for PASSWORD_VERIFIER. */
function clientPasswordClaim(input: ClientInput): { srpAHex: string; signatureBase64: string } {
  const N = CLIENT_N;
  const a = BigInt(`0x${input.aHex}`);
  const A = bigintPowMod(2n, a, N);
  const B = BigInt(`0x${input.srpBHex}`);
  if (B % N === 0n) throw new Error('client: B mod N == 0');
  const u = BigInt(`0x${sha256Hex(bytes(clientPadHex(A) + clientPadHex(B)))}`);
  if (u === 0n) throw new Error('client: u == 0');
  const salt = BigInt(`0x${input.saltHex}`);
  const inner = sha256Hex(Buffer.from(`${input.poolName}${input.username}:${input.password}`, 'utf8'));
  const x = BigInt(`0x${sha256Hex(bytes(clientPadHex(salt) + inner))}`);
  const gx = bigintPowMod(2n, x, N);
  const S = bigintPowMod(B - CLIENT_K * gx, a + u * x, N);
  const key = clientHkdf(u, S);
  return {
    srpAHex: A.toString(16),
    signatureBase64: clientSignature(key, input.poolName, input.username, input.secretBlock, input.timestamp),
  };
}

// ---------------------------------------------------------------------------------------------

// Test vector of shared/cognito-facts.md §4.3 (both npm clients produced these outputs).
const V = {
  poolName: 'AbCdEf123',
  username: 'alice',
  password: 'P@ssw0rd!',
  saltHex: 'f0e1d2c3b4a5968778695a4b3c2d1e0f',
  bHex: '1234567890abcdef'.repeat(16),
  aHex: '0fedcba987654321'.repeat(16),
  secretBlock: Buffer.from('opaque-server-state-0123456789', 'ascii'),
  timestamp: 'Tue Mar 5 09:07:03 UTC 2024',
  srpBPrefix: 'b7009ef4a68ab557c68b41d50fae6f0b',
  srpAPrefix: 'e677bc019a2ece834ce484fb15718031',
  signature: '2/v+5g8U3GxlpV5SjYJJUKtg4Hw1qoXMQJCkH0d5xKM=',
};

/** Server side of the vector: verifier, challenge with the given b, and the client's claim. */
async function vectorExchange() {
  const verifier = await createPasswordVerifier(V.poolName, V.username, V.password, Buffer.from(V.saltHex, 'hex'));
  const challenge = await startChallengeWithPrivateKey(verifier.verifierHex, V.bHex);
  const client = clientPasswordClaim({
    poolName: V.poolName,
    username: V.username,
    password: V.password,
    aHex: V.aHex,
    srpBHex: challenge.srpBHex,
    saltHex: verifier.saltHex,
    secretBlock: V.secretBlock,
    timestamp: V.timestamp,
  });
  const claim: PasswordClaim = {
    poolName: V.poolName,
    username: V.username,
    srpAHex: client.srpAHex,
    privateBHex: challenge.privateBHex,
    srpBHex: challenge.srpBHex,
    verifierHex: verifier.verifierHex,
    secretBlock: V.secretBlock,
    timestamp: V.timestamp,
    signatureBase64: client.signatureBase64,
  };
  return { verifier, challenge, client, claim };
}

/** A signature an attacker can forge when S is forced to 0 (A ≡ 0 mod N), whatever the password. */
function forgedSignatureForZeroS(claim: PasswordClaim, srpAHex: string): string {
  const A = BigInt(`0x${srpAHex}`);
  const B = BigInt(`0x${claim.srpBHex}`);
  const u = BigInt(`0x${createHash('sha256').update(Buffer.from(clientPadHex(A) + clientPadHex(B), 'hex')).digest('hex')}`);
  return clientSignature(clientHkdf(u, 0n), claim.poolName, claim.username, claim.secretBlock, claim.timestamp);
}

describe('SRP server: test vector (facts §4.3)', () => {
  it('produces SRP_B, and accepts the claim the clients compute', async () => {
    const { verifier, challenge, client, claim } = await vectorExchange();

    expect(verifier.saltHex).toBe(`00${V.saltHex}`); // high bit set: canonical padHex adds 00
    expect(challenge.srpBHex.startsWith(V.srpBPrefix)).toBe(true);
    expect(challenge.srpBHex).toHaveLength(767);
    expect(challenge.privateBHex).toBe(V.bHex);

    expect(client.srpAHex.startsWith(V.srpAPrefix)).toBe(true);
    expect(client.srpAHex).toHaveLength(768);
    expect(client.signatureBase64).toBe(V.signature);

    expect(await verifyPasswordClaim(claim)).toBe(true);
  });

  it('accepts SRP_B in upper case and SRP_A in upper case (hex is a number, not text)', async () => {
    const { claim } = await vectorExchange();
    expect(await verifyPasswordClaim({ ...claim, srpAHex: claim.srpAHex.toUpperCase() })).toBe(true);
    expect(await verifyPasswordClaim({ ...claim, srpBHex: claim.srpBHex.toUpperCase() })).toBe(true);
  });

  it('rejects a wrong password', async () => {
    const { verifier, challenge, claim } = await vectorExchange();
    const wrong = clientPasswordClaim({
      poolName: V.poolName,
      username: V.username,
      password: 'P@ssw0rd?',
      aHex: V.aHex,
      srpBHex: challenge.srpBHex,
      saltHex: verifier.saltHex,
      secretBlock: V.secretBlock,
      timestamp: V.timestamp,
    });
    expect(await verifyPasswordClaim({ ...claim, signatureBase64: wrong.signatureBase64 })).toBe(false);
  });

  it('rejects a changed timestamp, secret block, username or pool name (all are signed)', async () => {
    const { claim } = await vectorExchange();
    expect(await verifyPasswordClaim({ ...claim, timestamp: 'Tue Mar 5 09:07:04 UTC 2024' })).toBe(false);
    // Same instant, different text: the signature covers the string as sent, not the time.
    expect(await verifyPasswordClaim({ ...claim, timestamp: 'Tue Mar 05 09:07:03 UTC 2024' })).toBe(false);
    const block = Buffer.from(claim.secretBlock);
    block[3] = (block[3] ?? 0) ^ 1;
    expect(await verifyPasswordClaim({ ...claim, secretBlock: block })).toBe(false);
    expect(await verifyPasswordClaim({ ...claim, secretBlock: claim.secretBlock.subarray(1) })).toBe(false);
    expect(await verifyPasswordClaim({ ...claim, username: 'Alice' })).toBe(false);
    expect(await verifyPasswordClaim({ ...claim, poolName: 'AbCdEf124' })).toBe(false);
  });

  it('rejects A ≡ 0 mod N (A = 0, N, 2N) even with the signature such an A makes forgeable', async () => {
    const { claim } = await vectorExchange();
    for (const A of [0n, N, 2n * N]) {
      const srpAHex = A.toString(16);
      const signatureBase64 = forgedSignatureForZeroS(claim, srpAHex);
      expect(await verifyPasswordClaim({ ...claim, srpAHex, signatureBase64 })).toBe(false);
      expect(await verifyPasswordClaim({ ...claim, srpAHex: `00${srpAHex}`, signatureBase64 })).toBe(false);
    }
  });

  it('rejects malformed SRP_A and signatures without throwing', async () => {
    const { claim } = await vectorExchange();
    for (const srpAHex of ['', 'xyz', '0x12', `${claim.srpAHex} `, 'f'.repeat(5000)]) {
      expect(await verifyPasswordClaim({ ...claim, srpAHex })).toBe(false);
    }
    const urlSafe = V.signature.replace(/\+/g, '-').replace(/\//g, '_');
    const variants = ['', 'AAAA', '!!!!', V.signature.slice(0, -4), `${V.signature}AAAA`, ` ${V.signature}`, urlSafe];
    for (const signatureBase64 of variants) {
      expect(await verifyPasswordClaim({ ...claim, signatureBase64 })).toBe(false);
    }
  });
});

describe('SRP server: salts (facts §4.3: x from padHex(int(SALT)))', () => {
  const cases: Array<[string, string]> = [
    ['00a1b2c3d4e5f60718293a4b5c6d7e8f', '00a1b2c3d4e5f60718293a4b5c6d7e8f'],
    ['0a1b2c3d4e5f60718293a4b5c6d7e8f9', '0a1b2c3d4e5f60718293a4b5c6d7e8f9'],
    ['7f00112233445566778899aabbccddee', '7f00112233445566778899aabbccddee'],
    ['0012233445566778899aabbccddeeff0', '12233445566778899aabbccddeeff0'], // not canonical: normalised
    ['00007f', '7f'],
  ];
  for (const [rawHex, canonicalHex] of cases) {
    it(`salt ${rawHex} round trips`, async () => {
      const verifier = await createPasswordVerifier('Pool9', 'bob', 'pässwörd ✓', Buffer.from(rawHex, 'hex'));
      expect(verifier.saltHex).toBe(canonicalHex);
      const challenge = await startChallengeWithPrivateKey(verifier.verifierHex, V.bHex);
      // The client parses SALT as a number, so whichever form it is given, x is the same.
      for (const saltHex of [verifier.saltHex, rawHex]) {
        const client = clientPasswordClaim({
          poolName: 'Pool9',
          username: 'bob',
          password: 'pässwörd ✓',
          aHex: V.aHex,
          srpBHex: challenge.srpBHex,
          saltHex,
          secretBlock: V.secretBlock,
          timestamp: V.timestamp,
        });
        const ok = await verifyPasswordClaim({
          poolName: 'Pool9',
          username: 'bob',
          srpAHex: client.srpAHex,
          privateBHex: challenge.privateBHex,
          srpBHex: challenge.srpBHex,
          verifierHex: verifier.verifierHex,
          secretBlock: V.secretBlock,
          timestamp: V.timestamp,
          signatureBase64: client.signatureBase64,
        });
        expect(ok).toBe(true);
      }
    });
  }

  it('makes a random 128-bit salt in canonical padHex form by default', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 4; i++) {
      const { saltHex, verifierHex } = await createPasswordVerifier('P', 'u', 'pw');
      expect(saltHex).toBe(clientPadHex(BigInt(`0x${saltHex}`)));
      expect(BigInt(`0x${saltHex}`) < 1n << 128n).toBe(true);
      expect(BigInt(`0x${verifierHex}`) < N).toBe(true);
      seen.add(saltHex);
    }
    expect(seen.size).toBe(4);
  });

  it('rejects an empty salt', async () => {
    await expect(createPasswordVerifier('P', 'u', 'pw', Buffer.alloc(0))).rejects.toThrow(RangeError);
  });
});

describe('SRP server: random challenges', () => {
  it('a full exchange with random b and random a succeeds, and b is fresh each time', async () => {
    const verifier = await createPasswordVerifier('XyZ987', 'f47ac10b-58cc-4372-a567-0e02b2c3d479', 'correct horse');
    const first = await startChallenge(verifier.verifierHex);
    const second = await startChallenge(verifier.verifierHex);
    expect(first.privateBHex).not.toBe(second.privateBHex);
    expect(first.srpBHex).not.toBe(second.srpBHex);
    expect(first.privateBHex.length).toBeGreaterThan(2 * PRIVATE_B_BYTES - 4); // ~8 x PRIVATE_B_BYTES bits
    expect(first.srpBHex).toMatch(/^[0-9a-f]+$/);
    const B = BigInt(`0x${first.srpBHex}`);
    expect(B > 0n && B < N).toBe(true);

    const aHex = Buffer.from(Array.from({ length: 128 }, (_, i) => (i * 37 + 11) & 0xff)).toString('hex');
    const secretBlock = Buffer.from('x'.repeat(1500));
    const timestamp = 'Fri Aug 11 15:51:06 UTC 2023';
    const client = clientPasswordClaim({
      poolName: 'XyZ987',
      username: 'f47ac10b-58cc-4372-a567-0e02b2c3d479',
      password: 'correct horse',
      aHex,
      srpBHex: first.srpBHex,
      saltHex: verifier.saltHex,
      secretBlock,
      timestamp,
    });
    expect(client.srpAHex).toBe(clientSrpA(aHex));
    const claim: PasswordClaim = {
      poolName: 'XyZ987',
      username: 'f47ac10b-58cc-4372-a567-0e02b2c3d479',
      srpAHex: client.srpAHex,
      ...first,
      verifierHex: verifier.verifierHex,
      secretBlock,
      timestamp,
      signatureBase64: client.signatureBase64,
    };
    expect(await verifyPasswordClaim(claim)).toBe(true);
    // The claim is bound to this challenge's b and B.
    expect(await verifyPasswordClaim({ ...claim, ...second })).toBe(false);
  });

  it('startChallengeWithPrivateKey rejects a b that is not hex', async () => {
    const { verifierHex } = await createPasswordVerifier('P', 'u', 'pw');
    await expect(startChallengeWithPrivateKey(verifierHex, 'zz')).rejects.toThrow(TypeError);
  });
});
