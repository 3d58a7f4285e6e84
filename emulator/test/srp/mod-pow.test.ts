import { randomBytes } from 'node:crypto';

import { afterAll, describe, expect, it } from 'vitest';

import { N } from '../../src/auth/srp/constants.js';
import {
  closeModPowWorkers,
  configureModPowWorkers,
  modPow,
  modPowBigInt,
  modPowStats,
  modPowSync,
} from '../../src/auth/srp/mod-pow.js';

const randomBigInt = (bytes: number): bigint => BigInt(`0x${randomBytes(bytes).toString('hex')}`);

/** Textbook definition, for tiny inputs only: multiply `exponent` times. */
function naive(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let r = 1n % modulus;
  for (let i = 0n; i < exponent; i++) r = (r * base) % modulus;
  return r < 0n ? r + modulus : r;
}

afterAll(async () => {
  await closeModPowWorkers();
});

describe('modPowBigInt (the reference)', () => {
  it('agrees with repeated multiplication', () => {
    for (const m of [1n, 2n, 7n, 97n, 1000n]) {
      for (const b of [-5n, 0n, 1n, 2n, 3n, 96n, 1234n]) {
        for (const e of [0n, 1n, 2n, 5n, 17n]) expect(modPowBigInt(b, e, m)).toBe(naive(b, e, m));
      }
    }
  });

  it('rejects a negative exponent and a non-positive modulus', () => {
    expect(() => modPowBigInt(2n, -1n, N)).toThrow(RangeError);
    expect(() => modPowBigInt(2n, 1n, 0n)).toThrow(RangeError);
    expect(() => modPowSync(2n, -1n, N)).toThrow(RangeError);
    return expect(modPow(2n, 1n, -7n)).rejects.toThrow(RangeError);
  });
});

describe('native modPow equals BigInt modPow', () => {
  it('for random 3072-bit bases and exponents of 3072, 1024 and 256 bits', async () => {
    for (const exponentBytes of [384, 384, 128, 128, 32, 32]) {
      const base = randomBigInt(384); // sometimes >= N: reduced first
      const exponent = randomBigInt(exponentBytes);
      const expected = modPowBigInt(base, exponent, N);
      expect(modPowSync(base, exponent, N)).toBe(expected);
      expect(await modPow(base, exponent, N)).toBe(expected);
    }
  });

  it('for g = 2 and for exponents larger than N', async () => {
    const exponent = randomBigInt(400);
    expect(await modPow(2n, exponent, N)).toBe(modPowBigInt(2n, exponent, N));
    expect(await modPow(2n, N + 5n, N)).toBe(modPowBigInt(2n, N + 5n, N));
  });

  it('for edge bases OpenSSL refuses (0, 1, N-1, N, N+1, negative) and edge exponents', async () => {
    const bases = [0n, 1n, 2n, 3n, N - 2n, N - 1n, N, N + 1n, 2n * N - 1n, 2n * N, -1n, -2n, -N, randomBigInt(800)];
    const exponents = [0n, 1n, 2n, 3n, 255n, 256n, randomBigInt(32), randomBigInt(128) | 1n, randomBigInt(128) & ~1n];
    for (const base of bases) {
      for (const exponent of exponents) {
        const expected = modPowBigInt(base, exponent, N);
        expect(expected >= 0n && expected < N).toBe(true);
        expect(modPowSync(base, exponent, N)).toBe(expected);
        expect(await modPow(base, exponent, N)).toBe(expected);
      }
    }
  });

  it('for other moduli: odd 1024-bit, even, and too small for OpenSSL (BigInt fallback)', async () => {
    const odd1024 = randomBigInt(128) | 1n | (1n << 1023n);
    const even1024 = odd1024 + 1n;
    for (const modulus of [odd1024, even1024, 65537n, 97n, 2n, 1n]) {
      const base = randomBigInt(130);
      const exponent = randomBigInt(40);
      const expected = modPowBigInt(base, exponent, modulus);
      expect(modPowSync(base, exponent, modulus)).toBe(expected);
      expect(await modPow(base, exponent, modulus)).toBe(expected);
    }
  });
});

describe('modPow worker threads', () => {
  it('answer many concurrent calls correctly', async () => {
    const before = modPowStats();
    const jobs = Array.from({ length: 12 }, () => ({ base: randomBigInt(384), exponent: randomBigInt(64) }));
    const answers = await Promise.all(jobs.map((j) => modPow(j.base, j.exponent, N)));
    answers.forEach((answer, i) => {
      const job = jobs[i]!;
      expect(answer).toBe(modPowSync(job.base, job.exponent, N));
    });
    // They really ran in worker threads, not in the in-thread fallback.
    const after = modPowStats();
    expect(after.inWorker - before.inWorker).toBe(12);
    expect(after.workerFallbacks).toBe(before.workerFallbacks);
  });

  it('keep the event loop turning during a slow exponentiation', async () => {
    let turns = 0;
    let done = false;
    const spin = (): void => {
      turns++;
      if (!done) setImmediate(spin);
    };
    setImmediate(spin);
    await modPow(randomBigInt(384), randomBigInt(384), N); // ~8 ms of OpenSSL work
    done = true;
    expect(turns).toBeGreaterThan(2);
  });

  it('restart after close, finish calls in flight at close, and can be turned off', async () => {
    const base = randomBigInt(384);
    const exponent = randomBigInt(128);
    const expected = modPowSync(base, exponent, N);
    await closeModPowWorkers();
    expect(await modPow(base, exponent, N)).toBe(expected);

    const fallbacks = modPowStats().workerFallbacks;
    const inFlight = modPow(base, exponent, N);
    await closeModPowWorkers(); // the call falls back to computing in-thread
    expect(await inFlight).toBe(expected);
    expect(modPowStats().workerFallbacks).toBe(fallbacks + 1);

    configureModPowWorkers(0);
    expect(await modPow(base, exponent, N)).toBe(expected);
    configureModPowWorkers(2);
    expect(await modPow(base, exponent, N)).toBe(expected);
    expect(() => configureModPowWorkers(-1)).toThrow(RangeError);
  });
});
