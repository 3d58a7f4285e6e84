import { createCipheriv, randomBytes } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { openSecretBlock, sealSecretBlock } from '../../src/auth/srp/secret-block.js';

const key = randomBytes(32);
const state = {
  v: 1,
  poolId: 'us-east-1_AbCdEf123',
  clientId: '1example23456789',
  username: 'f47ac10b-58cc-4372-a567-0e02b2c3d479',
  privateBHex: '1234567890abcdef'.repeat(16),
  srpBHex: 'b7009ef4a68ab557c68b41d50fae6f0b'.repeat(24),
  issuedAt: 1_709_629_623,
  note: 'ünïcödé ✓',
};

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

describe('SECRET_BLOCK sealing', () => {
  it('round trips, and looks like a real SECRET_BLOCK (standard base64, over 1 KB)', () => {
    const block = sealSecretBlock(key, state);
    expect(block).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    expect(block.length).toBeGreaterThan(1024);
    expect(openSecretBlock(key, block)).toEqual(state);
    expect(openSecretBlock(key, sealSecretBlock(key, {}))).toEqual({});
  });

  it('uses a fresh IV each time', () => {
    expect(sealSecretBlock(key, state)).not.toBe(sealSecretBlock(key, state));
  });

  it('hides the size of small states', () => {
    expect(sealSecretBlock(key, {}).length).toBe(sealSecretBlock(key, { a: 'b'.repeat(500) }).length);
  });

  it('returns undefined when any byte of the sealed data changes', () => {
    const block = sealSecretBlock(key, state);
    const sealed = Buffer.from(block, 'base64');
    for (let i = 0; i < sealed.length; i++) {
      const tampered = Buffer.from(sealed);
      tampered[i] = (tampered[i] ?? 0) ^ (1 << (i % 8));
      expect(openSecretBlock(key, tampered.toString('base64'))).toBeUndefined();
    }
  });

  it('returns undefined when any character of the base64 text changes', () => {
    const block = sealSecretBlock(key, { tiny: true });
    for (let i = 0; i < block.length; i++) {
      const c = block[i] ?? '';
      const replacement = c === '=' ? 'A' : BASE64_ALPHABET[(BASE64_ALPHABET.indexOf(c) + 1) % 64];
      const tampered = block.slice(0, i) + replacement + block.slice(i + 1);
      expect(openSecretBlock(key, tampered)).toBeUndefined();
    }
    // Extra or missing text, including whitespace Node's decoder would skip.
    expect(openSecretBlock(key, `${block}A`)).toBeUndefined();
    expect(openSecretBlock(key, block.slice(0, -1))).toBeUndefined();
    expect(openSecretBlock(key, ` ${block}`)).toBeUndefined();
    // URL-safe alphabet: not what we sent (the 1.4 KB block is sure to contain + or /).
    const large = sealSecretBlock(key, state);
    expect(large).toMatch(/[+/]/);
    expect(openSecretBlock(key, large.replace(/\+/g, '-').replace(/\//g, '_'))).toBeUndefined();
  });

  it('returns undefined for the wrong key or a key of the wrong size', () => {
    const block = sealSecretBlock(key, state);
    expect(openSecretBlock(randomBytes(32), block)).toBeUndefined();
    expect(openSecretBlock(key.subarray(0, 16), block)).toBeUndefined();
    expect(openSecretBlock(Buffer.alloc(0), block)).toBeUndefined();
  });

  it('returns undefined for garbage, never throwing', () => {
    const garbage = [
      '',
      'A',
      '====',
      'not base64 at all!',
      'b3BhcXVlLXNlcnZlci1zdGF0ZS0wMTIzNDU2Nzg5', // a plain base64 string from the facts sheet
      randomBytes(16).toString('base64'),
      randomBytes(28).toString('base64'),
      randomBytes(1100).toString('base64'),
      '\u0000'.repeat(100),
    ];
    for (const text of garbage) expect(openSecretBlock(key, text)).toBeUndefined();
  });

  it('returns undefined when authentic content is not a JSON object', () => {
    const sealRaw = (plaintext: string): string => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64');
    };
    expect(openSecretBlock(key, sealRaw('{"ok":1}'))).toEqual({ ok: 1 }); // the format itself is right
    for (const plaintext of ['"text"', '42', 'null', '[1,2]', '{"unterminated": ', 'not json']) {
      expect(openSecretBlock(key, sealRaw(plaintext))).toBeUndefined();
    }
  });

  it('refuses to seal with a key that is not 32 bytes, or an array', () => {
    expect(() => sealSecretBlock(randomBytes(16), state)).toThrow(RangeError);
    expect(() => sealSecretBlock(key, [1, 2])).toThrow(TypeError);
  });
});
