/**
 * The crypto-primitive limit of sign-in and refresh on this machine, measured in a process of its own
 * with both cores free: how many "argon2id verify + two RS256 signatures" (a password sign-in) and
 * "two RS256 signatures" (a refresh) per second the machine can do, with the emulator's own argon2
 * parameters and the same signing path (jose over WebCrypto, which runs on libuv's thread pool).
 * Usage: node bench/primitives.mjs <seconds> [rs256|refresh|signInFast|signInStrong ...]   (prints one JSON line)
 */
import { generateKeyPairSync } from 'node:crypto';
import { importJWK, SignJWT } from 'jose';
import { PasswordHasher } from '../emulator/dist/passwords/password-hasher.js';

const seconds = Number(process.argv[2] ?? 3);
const concurrency = 8; // keeps libuv's 4 threads busy on 2 cores

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const key = await importJWK(privateKey.export({ format: 'jwk' }), 'RS256');
const claims = {
  sub: '4f1c2d9e-1111-2222-3333-444455556666',
  iss: 'http://127.0.0.1:9329/us-east-1_AbCdEfGhI',
  client_id: 'abcdefghijklmnopqrstuvwxyz',
  origin_jti: '0e5f2a4c-aaaa-bbbb-cccc-ddddeeeeffff',
  event_id: '9a8b7c6d-aaaa-bbbb-cccc-ddddeeeeffff',
  token_use: 'access',
  scope: 'aws.cognito.signin.user.admin',
  auth_time: 1_700_000_000,
  exp: 1_700_003_600,
  iat: 1_700_000_000,
  jti: '1a2b3c4d-aaaa-bbbb-cccc-ddddeeeeffff',
  username: 'bench-user-000001',
};
const sign = () => new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k' }).sign(key);

async function rate(task) {
  let done = 0;
  let stop = false;
  const worker = async () => {
    while (!stop) {
      await task();
      done++;
    }
  };
  const workers = Array.from({ length: concurrency }, worker);
  await new Promise((resolve) => setTimeout(resolve, 300)); // warm-up
  const before = done;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const cpu = process.cpuUsage(cpuBefore);
  const count = done - before;
  const perSecond = (count * 1000) / (performance.now() - started);
  stop = true;
  await Promise.all(workers);
  cpuMicrosPerOp.push(Math.round((cpu.user + cpu.system) / count));
  return Math.round(perSecond);
}
const cpuMicrosPerOp = [];

// Which limits to measure (default all): rs256, refresh, signInFast, signInStrong.
const wanted = new Set(process.argv.slice(3).length ? process.argv.slice(3) : ['rs256', 'refresh', 'signInFast', 'signInStrong']);
const result = {};
if (wanted.has('rs256')) result.rs256SignsPerSecond = await rate(sign);
if (wanted.has('refresh')) result.refreshLimit = await rate(() => Promise.all([sign(), sign()]));
for (const strength of ['fast', 'strong']) {
  const name = strength === 'fast' ? 'Fast' : 'Strong';
  if (!wanted.has(`signIn${name}`)) continue;
  const hasher = new PasswordHasher(strength);
  const hash = await hasher.hash('Bench-Passw0rd!');
  result[`argon2${name}VerifiesPerSecond`] = await rate(() => hasher.verify(hash, 'Bench-Passw0rd!'));
  result[`signInLimit${name}`] = await rate(async () => {
    await hasher.verify(hash, 'Bench-Passw0rd!');
    await Promise.all([sign(), sign()]);
  });
}
result.cpuMicrosPerOp = Object.fromEntries(Object.keys(result).map((key, i) => [key, cpuMicrosPerOp[i]]));
process.stdout.write(`${JSON.stringify(result)}\n`);
