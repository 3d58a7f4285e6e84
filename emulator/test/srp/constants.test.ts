import { getDiffieHellman } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { N, N_HEX, g, k, padHex } from '../../src/auth/srp/constants.js';

describe('SRP constants (facts §4.1)', () => {
  it('k is SHA256(padHex(N) ‖ padHex(g)) with the value amazon-cognito-identity-js computes', () => {
    expect(k.toString(16)).toBe('538282c4354742d7cbbde2359fcf67f9f5b3a6b08791e5011b43b8a5b66d9ee6');
  });

  it('N is the RFC 3526 3072-bit MODP prime (the same as Node’s built-in modp15 group)', () => {
    expect(N_HEX).toHaveLength(768);
    expect(N_HEX.startsWith('FFFFFFFFFFFFFFFFC90FDAA22168C234')).toBe(true);
    expect(N_HEX.endsWith('A93AD2CAFFFFFFFFFFFFFFFF')).toBe(true);
    expect(N.toString(2)).toHaveLength(3072);
    expect(N.toString(16)).toBe(getDiffieHellman('modp15').getPrime('hex'));
    expect(g).toBe(2n);
  });

  it('padHex is the shortest two’s-complement byte form (Java BigInteger.toByteArray)', () => {
    expect(padHex(0n)).toBe('00');
    expect(padHex(2n)).toBe('02');
    expect(padHex(0x7fn)).toBe('7f');
    expect(padHex(0x80n)).toBe('0080');
    expect(padHex(0xfffn)).toBe('0fff');
    expect(padHex(0x8000n)).toBe('008000');
    expect(padHex(0xa1b2n)).toBe('00a1b2');
    expect(padHex(N)).toBe(`00${N_HEX.toLowerCase()}`);
    expect(() => padHex(-1n)).toThrow(RangeError);
  });
});
