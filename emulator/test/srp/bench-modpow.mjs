#!/usr/bin/env node
/**
 * Micro-benchmark for the SRP server (not a test). Prints:
 *   1. one modular exponentiation mod the 3072-bit N: BigInt vs OpenSSL in-thread vs worker;
 *   2. the server's SRP cost per sign-in (startChallenge + verifyPasswordClaim), sequential and
 *      concurrent, with how long the event loop was blocked;
 *   3. for scale, the crypto of a password sign-in (argon2id verify, 'fast' parameters, plus two
 *      RS256 signatures), which SRP should cost at most 3x of.
 *
 * Run after building:  npm run build && node emulator/test/srp/bench-modpow.mjs
 * Or point it at any compiled copy of src/auth/srp:  SRP_MODULE_DIR=/path/to/js node ...
 */
import { createHash, createHmac, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const dir = process.env.SRP_MODULE_DIR
  ? pathToFileURL(`${process.env.SRP_MODULE_DIR.replace(/\/$/, '')}/`)
  : new URL('../../dist/auth/srp/', import.meta.url);
const load = async (name) => {
  try {
    return await import(new URL(name, dir).href);
  } catch (error) {
    console.error(`Cannot load ${new URL(name, dir).href}: run \`npm run build\` first or set SRP_MODULE_DIR.`);
    throw error;
  }
};
const { N, g, k, padHex } = await load('constants.js');
const { modPow, modPowSync, modPowBigInt, closeModPowWorkers, configureModPowWorkers } = await load('mod-pow.js');
const { createPasswordVerifier, startChallenge, verifyPasswordClaim } = await load('srp-server.js');

const rnd = (bytes) => BigInt(`0x${randomBytes(bytes).toString('hex')}`);
const ms = (x) => `${x.toFixed(2)} ms`;

async function time(label, runs, fn) {
  await fn(); // warm up (JIT, worker start, DH object)
  const start = performance.now();
  for (let i = 0; i < runs; i++) await fn();
  const each = (performance.now() - start) / runs;
  console.log(`  ${label.padEnd(52)} ${ms(each)}`);
  return each;
}

console.log(`Node ${process.version}, OpenSSL ${process.versions.openssl}\n`);
console.log('1. One exponentiation mod N (3072-bit), random base');
const base = rnd(384) % N;
for (const bits of [256, 1024, 3072]) {
  const e = rnd(bits / 8);
  await time(`${bits}-bit exponent, BigInt square-and-multiply`, bits === 3072 ? 3 : 6, () => modPowBigInt(base, e, N));
  await time(`${bits}-bit exponent, OpenSSL in-thread (modPowSync)`, 40, () => modPowSync(base, e, N));
  await time(`${bits}-bit exponent, OpenSSL in a worker (modPow)`, 40, () => modPow(base, e, N));
}

// A client-side claim for the server to check, computed with the fast in-thread exponentiation.
const poolName = 'AbCdEf123';
const username = 'f47ac10b-58cc-4372-a567-0e02b2c3d479';
const password = 'P@ssw0rd!';
const verifier = await createPasswordVerifier(poolName, username, password);
const secretBlock = randomBytes(1052);
const timestamp = 'Tue Mar 5 09:07:03 UTC 2024';
const sha = (buf) => BigInt(`0x${createHash('sha256').update(buf).digest('hex')}`);
const hexBytes = (hex) => Buffer.from(hex, 'hex');
function clientClaim(srpBHex) {
  const a = rnd(128);
  const A = modPowSync(g, a, N);
  const B = BigInt(`0x${srpBHex}`);
  const u = sha(hexBytes(padHex(A) + padHex(B)));
  const inner = createHash('sha256').update(`${poolName}${username}:${password}`).digest();
  const x = sha(Buffer.concat([hexBytes(padHex(BigInt(`0x${verifier.saltHex}`))), inner]));
  const S = modPowSync((((B - k * modPowSync(g, x, N)) % N) + N) % N, a + u * x, N);
  const prk = createHmac('sha256', hexBytes(padHex(u))).update(hexBytes(padHex(S))).digest();
  const key = createHmac('sha256', prk).update('Caldera Derived Key\u0001').digest().subarray(0, 16);
  const signatureBase64 = createHmac('sha256', key)
    .update(poolName).update(username).update(secretBlock).update(timestamp).digest('base64');
  return { srpAHex: A.toString(16), signatureBase64 };
}
const challenge = await startChallenge(verifier.verifierHex);
const claim = {
  poolName, username, ...clientClaim(challenge.srpBHex), ...challenge,
  verifierHex: verifier.verifierHex, secretBlock, timestamp,
};
if (!(await verifyPasswordClaim(claim))) throw new Error('bench claim did not verify');

/** Longest gap between turns of the event loop (what other requests would wait), via setImmediate. */
function watchEventLoop() {
  let last = performance.now();
  let longest = 0;
  let running = true;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  return {
    stop() {
      running = false;
      return longest;
    },
  };
}

async function srpServerCost(label) {
  console.log(`\n2. Server SRP cost per sign-in (${label})`);
  await time('createPasswordVerifier (at sign-up / password set)', 30, () =>
    createPasswordVerifier(poolName, username, password));
  const a = await time('startChallenge (InitiateAuth)', 30, () => startChallenge(verifier.verifierHex));
  const b = await time('verifyPasswordClaim (RespondToAuthChallenge)', 30, () => verifyPasswordClaim(claim));
  console.log(`  ${'both round trips, sequential'.padEnd(52)} ${ms(a + b)}`);

  const concurrent = 16;
  const stall = watchEventLoop();
  await new Promise((resolve) => setTimeout(resolve, 5));
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrent }, async () => {
      await startChallenge(verifier.verifierHex);
      await verifyPasswordClaim(claim);
    }),
  );
  const total = performance.now() - start;
  await new Promise((resolve) => setTimeout(resolve, 5));
  const longestStall = stall.stop();
  console.log(`  ${`${concurrent} concurrent sign-ins: wall time per sign-in`.padEnd(52)} ${ms(total / concurrent)}`);
  console.log(`  ${'  longest event-loop stall meanwhile'.padEnd(52)} ${ms(longestStall)}`);
  return a + b;
}

const withWorkers = await srpServerCost('default: worker threads');
configureModPowWorkers(0);
await srpServerCost('workers off: OpenSSL on the main thread');

console.log('\n3. For scale: the crypto of a password sign-in');
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const rs = await time('one RS256 signature (RSA-2048)', 50, () => sign('sha256', randomBytes(600), privateKey));
let argonCost = NaN;
try {
  const require = createRequire(new URL('../../package.json', import.meta.url));
  const argon2 = require('argon2');
  const hash = await argon2.hash(password, { type: argon2.argon2id, memoryCost: 2048, timeCost: 1, parallelism: 1 });
  argonCost = await time("argon2id verify ('fast': 2 MiB, 1 pass)", 30, () => argon2.verify(hash, password));
} catch {
  console.log('  (argon2 not available from here; skipped)');
}
const passwordSignIn = argonCost + 2 * rs;
console.log(`  ${'password sign-in: argon2id + 2 x RS256'.padEnd(52)} ${ms(passwordSignIn)}`);
console.log(`  ${'SRP sign-in: SRP server cost + 2 x RS256'.padEnd(52)} ${ms(withWorkers + 2 * rs)}`);
console.log(`  ${'ratio (target <= 3)'.padEnd(52)} ${((withWorkers + 2 * rs) / passwordSignIn).toFixed(2)}`);

await closeModPowWorkers();
