import { getDiffieHellman } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { srpMath } from '../src/index.js';

const { N, g, k, padHex, modPow, computeA, computeX, computeU, computeSignature, poolNameOf } = srpMath;

// cognito-facts.md §4.3 test vector.
const vector = {
  poolName: 'AbCdEf123',
  username: 'alice',
  password: 'P@ssw0rd!',
  saltHex: 'f0e1d2c3b4a5968778695a4b3c2d1e0f',
  a: BigInt(`0x${'0fedcba987654321'.repeat(16)}`),
  b: BigInt(`0x${'1234567890abcdef'.repeat(16)}`),
  secretBlockBase64: Buffer.from('opaque-server-state-0123456789', 'ascii').toString('base64'),
  timestamp: 'Tue Mar 5 09:07:03 UTC 2024',
};

/** Server side of the challenge, from the §4.3 equations: v = g^x, B = k*v + g^b mod N. */
function serverB(saltHex: string): bigint {
  const v = modPow(g, computeX(vector.poolName, vector.username, vector.password, saltHex), N);
  return (k * v + modPow(g, vector.b, N)) % N;
}

describe('SRP constants', () => {
  it('N is the RFC 3526 3072-bit MODP prime', () => {
    expect(padHex(N)).toBe(`00${getDiffieHellman('modp15').getPrime('hex')}`);
  });

  it('k = SHA256(padHex(N) || padHex(g)) has the documented value', () => {
    expect(k.toString(16)).toBe('538282c4354742d7cbbde2359fcf67f9f5b3a6b08791e5011b43b8a5b66d9ee6');
  });
});

describe('padHex', () => {
  it('encodes like Java BigInteger.toByteArray()', () => {
    expect(padHex(0n)).toBe('00');
    expect(padHex(2n)).toBe('02');
    expect(padHex(0xfn)).toBe('0f');
    expect(padHex(0x7fn)).toBe('7f');
    expect(padHex(0x80n)).toBe('0080');
    expect(padHex(0x123n)).toBe('0123');
    expect(padHex(0x8123n)).toBe('008123');
    expect(padHex(N).length).toBe(770);
  });

  it('refuses negative numbers', () => {
    expect(() => padHex(-1n)).toThrow(RangeError);
  });
});

describe('modPow', () => {
  it('agrees with small known values', () => {
    expect(modPow(4n, 13n, 497n)).toBe(445n);
    expect(modPow(2n, 0n, 7n)).toBe(1n);
    expect(modPow(-3n, 3n, 7n)).toBe(1n); // (-27) mod 7
    expect(modPow(5n, 3n, 1n)).toBe(0n);
  });

  it('agrees with Fermat for the 3072-bit prime', () => {
    expect(modPow(3n, N - 1n, N)).toBe(1n);
  });
});

describe('poolNameOf', () => {
  it('takes the part after the underscore', () => {
    expect(poolNameOf('us-east-1_AbCdEf123')).toBe('AbCdEf123');
    expect(() => poolNameOf('nounderscore')).toThrow(/Invalid user pool id/);
  });
});

describe('SRP test vector (facts §4.3)', () => {
  it('SRP_A', () => {
    const srpA = computeA(vector.a).toString(16);
    expect(srpA.startsWith('e677bc019a2ece834ce484fb15718031')).toBe(true);
    expect(srpA).toHaveLength(768);
  });

  it('SRP_B computed from b and the verifier', () => {
    const srpB = serverB(vector.saltHex).toString(16);
    expect(srpB.startsWith('b7009ef4a68ab557c68b41d50fae6f0b')).toBe(true);
    expect(srpB).toHaveLength(767);
  });

  it('PASSWORD_CLAIM_SIGNATURE', () => {
    const srpBHex = serverB(vector.saltHex).toString(16);
    expect(computeSignature({ ...vector, srpBHex })).toBe('2/v+5g8U3GxlpV5SjYJJUKtg4Hw1qoXMQJCkH0d5xKM=');
  });

  it('accepts SRP_B in upper case', () => {
    const srpBHex = serverB(vector.saltHex).toString(16).toUpperCase();
    expect(computeSignature({ ...vector, srpBHex })).toBe('2/v+5g8U3GxlpV5SjYJJUKtg4Hw1qoXMQJCkH0d5xKM=');
  });

  it('agrees with the server-side S = (A * v^u)^b for salts with leading zero nibbles', () => {
    for (const saltHex of ['00a1b2c3d4e5f60718293a4b5c6d7e8f', '0a1b2c3d4e5f60718293a4b5c6d7e8f9', '7f00112233445566778899aabbccddee']) {
      const B = serverB(saltHex);
      const A = computeA(vector.a);
      const u = computeU(A, B);
      const v = modPow(g, computeX(vector.poolName, vector.username, vector.password, saltHex), N);
      const serverS = modPow((A * modPow(v, u, N)) % N, vector.b, N);
      const clientX = computeX(vector.poolName, vector.username, vector.password, saltHex);
      const clientS = modPow(B - k * modPow(g, clientX, N), vector.a + u * clientX, N);
      expect(clientS).toBe(serverS);
    }
  });

  it('a wrong password gives a different signature', () => {
    const srpBHex = serverB(vector.saltHex).toString(16);
    expect(computeSignature({ ...vector, srpBHex, password: 'wrong' })).not.toBe(
      '2/v+5g8U3GxlpV5SjYJJUKtg4Hw1qoXMQJCkH0d5xKM=',
    );
  });

  it('refuses B = 0 mod N', () => {
    expect(() => computeSignature({ ...vector, srpBHex: N.toString(16) })).toThrow(/B mod N/);
    expect(() => computeSignature({ ...vector, srpBHex: 'xyz' })).toThrow(/SRP_B is not a hex/);
  });
});
