#!/usr/bin/env node
/**
 * SRP sign-in cost against USER_PASSWORD_AUTH (issue 3's target: an SRP sign-in, both round trips, costs at
 * most 3x a USER_PASSWORD_AUTH sign-in on the same machine).
 *
 *   npm run build && node bench/srp-sign-in.mjs [--runs 200] [--concurrency 16] [--seconds 5]
 *
 * The emulator runs as its own process (`emulator/dist/cli.js --data :memory: --log-level silent`, default
 * 'fast' argon2id). Only the emulator's time is measured: for SRP, the two HTTP round trips
 * (InitiateAuth + RespondToAuthChallenge), not the client's maths between them. The client side here
 * uses OpenSSL's exponentiation (the emulator's own modPowSync) so that the load generator does not
 * become the bottleneck in the concurrent part; the proofs are still checked for real by the server.
 */
import { spawn } from 'node:child_process';
import { randomBytes, createHmac } from 'node:crypto';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { srpMath, formatSrpTimestamp } from 'cognito-emulator-client';
import { modPowSync } from '../emulator/dist/auth/srp/mod-pow.js';

const { values: flags } = parseArgs({
  options: { runs: { type: 'string' }, concurrency: { type: 'string' }, seconds: { type: 'string' } },
});
const runs = Number(flags.runs ?? 200);
const concurrency = Number(flags.concurrency ?? 16);
const seconds = Number(flags.seconds ?? 5);
const password = 'Bench-Passw0rd!';
const users = 64;

const { N, g, k, computeU, computeX, computeHkdfKey, poolNameOf } = srpMath;

const cli = fileURLToPath(new URL('../emulator/dist/cli.js', import.meta.url));
const child = spawn(process.execPath, [cli, '--port', '0', '--data', ':memory:', '--log-level', 'silent'], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve, reject) => {
  let out = '';
  child.stdout.on('data', (chunk) => {
    out += chunk;
    const match = /https?:\/\/[^\s]+/.exec(out);
    if (match) resolve(match[0].replace(/\/+$/, ''));
  });
  child.on('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
});

async function call(operation, body) {
  const response = await fetch(`${url}/`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${operation}` },
    body: JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`${operation}: ${json.__type}: ${json.message}`);
  return json;
}

try {
  const { UserPool } = await call('CreateUserPool', { PoolName: 'bench-srp' });
  const poolId = UserPool.Id;
  const { UserPoolClient } = await call('CreateUserPoolClient', {
    UserPoolId: poolId,
    ClientName: 'bench',
    ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  });
  const clientId = UserPoolClient.ClientId;
  const names = Array.from({ length: users }, (_, i) => `bench-user-${i}`);
  for (const name of names) {
    await call('SignUp', { ClientId: clientId, Username: name, Password: password });
    await call('AdminConfirmSignUp', { UserPoolId: poolId, Username: name });
  }
  const poolName = poolNameOf(poolId);

  /** One USER_PASSWORD_AUTH sign-in; returns server time in ms. */
  async function passwordSignIn(name) {
    const start = performance.now();
    const out = await call('InitiateAuth', { ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: name, PASSWORD: password } });
    if (!out.AuthenticationResult) throw new Error('no tokens');
    return performance.now() - start;
  }

  /** One SRP sign-in; returns the time of its two round trips in ms (client maths excluded). */
  async function srpSignIn(name) {
    // 32 random bytes instead of the clients' 128: the server's work does not depend on a's size, and a
    // cheaper a keeps this load generator (same machine) from stealing CPU from the emulator.
    const a = BigInt(`0x${randomBytes(32).toString('hex')}`);
    const A = modPowSync(g, a, N);
    let start = performance.now();
    const init = await call('InitiateAuth', { ClientId: clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: name, SRP_A: A.toString(16) } });
    let elapsed = performance.now() - start;
    const p = init.ChallengeParameters;
    const B = BigInt(`0x${p.SRP_B}`);
    const u = computeU(A, B);
    const x = computeX(poolName, p.USER_ID_FOR_SRP, password, p.SALT);
    const base = (((B - k * modPowSync(g, x, N)) % N) + N) % N;
    const S = modPowSync(base, a + u * x, N);
    const key = computeHkdfKey(S, u);
    const timestamp = formatSrpTimestamp(new Date());
    const signature = createHmac('sha256', key)
      .update(Buffer.concat([Buffer.from(poolName), Buffer.from(p.USER_ID_FOR_SRP), Buffer.from(p.SECRET_BLOCK, 'base64'), Buffer.from(timestamp)]))
      .digest('base64');
    start = performance.now();
    const out = await call('RespondToAuthChallenge', {
      ClientId: clientId,
      ChallengeName: 'PASSWORD_VERIFIER',
      ChallengeResponses: { USERNAME: p.USER_ID_FOR_SRP, PASSWORD_CLAIM_SECRET_BLOCK: p.SECRET_BLOCK, TIMESTAMP: timestamp, PASSWORD_CLAIM_SIGNATURE: signature },
    });
    elapsed += performance.now() - start;
    if (!out.AuthenticationResult) throw new Error('no tokens');
    return elapsed;
  }

  const median = (values) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];
  const p95 = (values) => [...values].sort((x, y) => x - y)[Math.floor(values.length * 0.95)];

  // Warm up both paths (JIT, worker threads, key caches).
  for (let i = 0; i < 20; i++) {
    await passwordSignIn(names[i % users]);
    await srpSignIn(names[i % users]);
  }
  const passwordTimes = [];
  const srpTimes = [];
  for (let i = 0; i < runs; i++) {
    passwordTimes.push(await passwordSignIn(names[i % users]));
    srpTimes.push(await srpSignIn(names[i % users]));
  }

  async function throughput(signIn) {
    let done = 0;
    const deadline = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: concurrency }, async (_, lane) => {
        for (let i = lane; performance.now() < deadline; i += concurrency) {
          await signIn(names[i % users]);
          done++;
        }
      }),
    );
    return done / seconds;
  }
  const passwordRate = await throughput(passwordSignIn);
  const srpRate = await throughput(srpSignIn);

  const fmt = (ms) => `${ms.toFixed(2)} ms`;
  console.log(`sequential, ${runs} sign-ins each (server time)      median        p95`);
  console.log(`  USER_PASSWORD_AUTH (1 round trip)          ${fmt(median(passwordTimes)).padStart(10)} ${fmt(p95(passwordTimes)).padStart(10)}`);
  console.log(`  USER_SRP_AUTH (2 round trips)              ${fmt(median(srpTimes)).padStart(10)} ${fmt(p95(srpTimes)).padStart(10)}`);
  console.log(`  ratio SRP / password (target <= 3)         ${(median(srpTimes) / median(passwordTimes)).toFixed(2).padStart(10)}`);
  console.log(`concurrent, ${concurrency} in flight for ${seconds} s`);
  console.log(`  USER_PASSWORD_AUTH sign-ins/s              ${passwordRate.toFixed(0).padStart(10)}`);
  console.log(`  USER_SRP_AUTH sign-ins/s                   ${srpRate.toFixed(0).padStart(10)}`);
  console.log(`  ratio password / SRP throughput            ${(passwordRate / srpRate).toFixed(2).padStart(10)}`);
} finally {
  child.kill('SIGTERM');
}
