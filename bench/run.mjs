#!/usr/bin/env node
/**
 * `npm run bench`: the emulator under load, as a separate process, against a trivial Fastify server
 * driven by the same load generator (the ceiling). Prints a table and writes bench/results/<time>.json.
 *
 * Flags (or environment variables):
 *   --concurrency N   BENCH_CONCURRENCY   connections in flight (default 32)
 *   --seconds N       BENCH_SECONDS       measured seconds per scenario, after 1 s of warm-up (default 5)
 *   --users N         BENCH_USERS         pool size for the growth scenario (default 100000)
 *   --modes LIST      BENCH_MODES         memory,file (default both)
 *   --seed sql|api    BENCH_SEED          how the growth scenario fills the pool (default sql, see README)
 *   --log-level L     BENCH_LOG_LEVEL     the emulator's --log-level (default info, the emulator's default)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { drive, round, runLoad, sleep } from './lib/load.mjs';
import { ceilingSpec, emulatorSpec, startServer, target } from './lib/processes.mjs';
import { seedUsersWithSql } from './lib/seed.mjs';

const { values: flags } = parseArgs({
  options: {
    concurrency: { type: 'string' },
    seconds: { type: 'string' },
    users: { type: 'string' },
    modes: { type: 'string' },
    seed: { type: 'string' },
    'log-level': { type: 'string' },
  },
});
const env = process.env;
const settings = {
  concurrency: Number(flags.concurrency ?? env.BENCH_CONCURRENCY ?? 32),
  seconds: Number(flags.seconds ?? env.BENCH_SECONDS ?? 5),
  users: Number(flags.users ?? env.BENCH_USERS ?? 100_000),
  modes: (flags.modes ?? env.BENCH_MODES ?? 'memory,file').split(',').map((mode) => mode.trim()),
  seed: flags.seed ?? env.BENCH_SEED ?? 'sql',
  logLevel: flags['log-level'] ?? env.BENCH_LOG_LEVEL ?? 'info',
};
const password = 'Bench-Passw0rd!';
const preparedUsers = 256; // confirmed users whose sign-ins, tokens and refresh tokens the scenarios cycle through
const coldStartRuns = 5;
const runId = Date.now().toString(36);
const workDir = mkdtempSync(join(tmpdir(), 'cognito-emulator-bench-'));
const log = (message) => process.stderr.write(`${message}\n`);

const results = {
  startedAt: new Date().toISOString(),
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
  settings,
  ceiling: {},
  primitives: {},
  modes: {},
};

try {
  log(`bench: concurrency ${settings.concurrency}, ${settings.seconds} s per scenario, modes ${settings.modes.join('+')}`);
  // An emulator that only idles, while the ceiling and the primitives are measured: V8 gives back the
  // memory of start-up after ~20 s without work, so "idle" is read after that.
  results.coldStarts = await benchColdStarts();
  const idle = await startServer(emulatorSpec({ data: ':memory:', logLevel: settings.logLevel }));
  const idleStarted = performance.now();
  await sleep(1000);
  results.idleMemory = { afterOneSecondMb: idle.memory().rssMb };
  results.ceiling = await benchCeiling();
  results.primitives = measurePrimitives();
  await sleep(Math.max(0, 30_000 - (performance.now() - idleStarted)));
  results.idleMemory.afterThirtySecondsMb = idle.memory().rssMb;
  await idle.stop();
  for (const mode of settings.modes) results.modes[mode] = await benchMode(mode);
  results.strongHashing = await benchStrongHashing();
  results.finishedAt = new Date().toISOString();
  const table = report(results);
  process.stdout.write(`${table}\n`);
  const dir = fileURLToPath(new URL('./results/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${results.startedAt.replace(/[:.]/g, '-')}.json`);
  results.table = table;
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(dir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  log(`bench: results written to ${file}`);
} finally {
  rmSync(workDir, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------------

/**
 * Spawn to first successful answer, for the bare Fastify server and the emulator in each mode, taken in
 * turns (Fastify, memory, file, Fastify, ...) so that a busy moment on a shared machine hits all of them.
 */
async function benchColdStarts() {
  log(`cold starts: ${coldStartRuns} rounds of Fastify, ${settings.modes.join(', ')}`);
  const samples = { ceiling: [] };
  for (const mode of settings.modes) samples[mode] = [];
  for (let run = 0; run < coldStartRuns; run++) {
    for (const kind of ['ceiling', ...settings.modes]) {
      const spec = kind === 'ceiling' ? ceilingSpec() : emulatorSpec({ data: kind === 'memory' ? ':memory:' : join(workDir, `cold-${run}.db`), logLevel: settings.logLevel });
      const server = await startServer(spec);
      samples[kind].push(round(server.coldStartMs, 1));
      await server.stop();
    }
  }
  return { samples, medians: Object.fromEntries(Object.entries(samples).map(([kind, values]) => [kind, median(values)])) };
}

async function benchCeiling() {
  log('ceiling: trivial Fastify server');
  const server = await startServer(ceilingSpec());
  try {
    const load = await runLoad(server.origin, {
      concurrency: settings.concurrency,
      seconds: settings.seconds,
      serverPid: server.child.pid,
      next: () => ({ headers: target('Ceiling'), body: '{}' }),
    });
    return { load, memory: server.memory() };
  } finally {
    await server.stop();
  }
}

/** The crypto-primitive limits (bench/primitives.mjs), in a process of their own with both cores. */
function measurePrimitives(...which) {
  log(`primitives: ${which.length ? which.join(', ') : 'all'}`);
  const script = fileURLToPath(new URL('./primitives.mjs', import.meta.url));
  const output = execFileSync(process.execPath, [script, String(Math.max(2, Math.min(settings.seconds, 4))), ...which], { encoding: 'utf8' });
  return JSON.parse(output.trim().split('\n').pop());
}

async function benchMode(mode) {
  const data = (label) => (mode === 'memory' ? ':memory:' : join(workDir, `${label}.db`));
  const spec = (label) => emulatorSpec({ data: data(label), logLevel: settings.logLevel });
  const out = { scenarios: {} };
  let server = await startServer(spec('main'));
  try {
    await sleep(1000);
    out.idleRssAtStartMb = server.memory().rssMb;
    let api = apiOf(server.origin);
    const { poolId, clientId } = await api.provision(`bench-${mode}`);

    log(`${mode}: SignUp`);
    out.scenarios.SignUp = await runLoad(server.origin, {
      concurrency: settings.concurrency,
      seconds: settings.seconds,
      serverPid: server.child.pid,
      next: (i) => api.signUpRequest(clientId, `signup-${runId}-${i}`),
    });

    log(`${mode}: preparing ${preparedUsers} confirmed users and their tokens`);
    const users = await api.confirmedUsers(poolId, clientId, 'user', preparedUsers);
    const sessions = await api.signInAll(clientId, users);

    out.limits = { signIn: measurePrimitives('signInFast') };
    out.scenarios.InitiateAuth = await loadScenario(mode, 'InitiateAuth USER_PASSWORD_AUTH', server, (i) => api.signInRequest(clientId, users[i % users.length]));
    out.scenarios.GetUser = await loadScenario(mode, 'GetUser', server, (i) => api.getUserRequest(sessions[i % sessions.length].AccessToken));
    out.limits.refresh = measurePrimitives('refresh');
    out.scenarios.Refresh = await loadScenario(mode, 'InitiateAuth REFRESH_TOKEN_AUTH', server, (i) =>
      api.refreshRequest(clientId, sessions[i % sessions.length].RefreshToken),
    );
    out.scenarios.JWKS = await loadScenario(mode, 'JWKS', server, () => ({ method: 'GET', path: `/${poolId}/.well-known/jwks.json` }));

    log(`${mode}: latency at concurrency 1, ${preparedUsers} users`);
    out.small = await latencyProbe(server, api, clientId, users, sessions);

    const seedAllowed = settings.seed === 'api' || mode === 'file';
    if (settings.users > 0 && seedAllowed) {
      const seedStarted = performance.now();
      let growthUsers;
      if (settings.seed === 'api') {
        log(`${mode}: growing the pool to ${settings.users} users through SignUp`);
        await drive(server.origin, {
          concurrency: Math.max(64, settings.concurrency),
          count: settings.users,
          next: (i) => api.signUpRequest(clientId, `grow-${runId}-${i}`),
        });
        growthUsers = await api.confirmedUsers(poolId, clientId, 'grown', preparedUsers);
      } else {
        log(`${mode}: growing the pool to ${settings.users} users with SQL (emulator stopped, see README)`);
        const template = (await api.confirmedUsers(poolId, clientId, 'template', 1))[0];
        out.beforeGrowthMemory = server.memory();
        // Both sides of the comparison in a fresh process, warmed up the same way.
        await server.stop();
        server = await startServer(spec('main'));
        api = apiOf(server.origin);
        log(`${mode}: latency at concurrency 1, ${preparedUsers} users, fresh process`);
        out.small = await latencyProbe(server, api, clientId, users, await api.signInAll(clientId, users));
        await server.stop();
        const seedingStarted = performance.now();
        seedUsersWithSql(data('main'), poolId, template, settings.users);
        out.sqlSeedSeconds = round((performance.now() - seedingStarted) / 1000, 1);
        server = await startServer(spec('main'));
        api = apiOf(server.origin);
        out.coldStartWithGrownPoolMs = server.coldStartMs;
        growthUsers = sample(settings.users, preparedUsers).map((n) => `seed-${n}`);
      }
      out.seedSeconds = round((performance.now() - seedStarted) / 1000, 1);
      out.poolUsers = await api.countUsersApprox(poolId, settings.users);
      const grownSessions = await api.signInAll(clientId, growthUsers);
      log(`${mode}: latency at concurrency 1, ${settings.users} users`);
      out.grown = await latencyProbe(server, api, clientId, growthUsers, grownSessions);
      out.grownScenarios = {
        InitiateAuth: await loadScenario(mode, `InitiateAuth at ${settings.users} users`, server, (i) =>
          api.signInRequest(clientId, growthUsers[i % growthUsers.length]),
        ),
        GetUser: await loadScenario(mode, `GetUser at ${settings.users} users`, server, (i) =>
          api.getUserRequest(grownSessions[i % grownSessions.length].AccessToken),
        ),
      };
    }
    await sleep(2000);
    out.memory = { idleAfterLoadRssMb: server.memory().rssMb, peakRssMb: Math.max(server.memory().peakRssMb, out.beforeGrowthMemory?.peakRssMb ?? 0) };
  } finally {
    const exit = await server.stop();
    out.exit = exit;
  }
  return out;
}

async function benchStrongHashing() {
  log('strong argon2id: sign-in');
  const server = await startServer(emulatorSpec({ data: ':memory:', passwordHashing: 'strong', logLevel: settings.logLevel }));
  try {
    const api = apiOf(server.origin);
    const { poolId, clientId } = await api.provision('bench-strong');
    const users = await api.confirmedUsers(poolId, clientId, 'strong', 32);
    return {
      limit: measurePrimitives('signInStrong'),
      InitiateAuth: await loadScenario('strong', 'InitiateAuth (strong argon2id)', server, (i) => api.signInRequest(clientId, users[i % users.length])),
      SignUp: await loadScenario('strong', 'SignUp (strong argon2id)', server, (i) => api.signUpRequest(clientId, `strong-signup-${runId}-${i}`)),
    };
  } finally {
    await server.stop();
  }
}

async function loadScenario(mode, label, server, next) {
  log(`${mode}: ${label}`);
  const result = await runLoad(server.origin, { concurrency: settings.concurrency, seconds: settings.seconds, serverPid: server.child.pid, next });
  if (result.errors > 0) log(`  ${result.errors} errors, first: ${result.firstError}`);
  return result;
}

/** Latency of one request at a time: the per-request cost, free of queueing. */
async function latencyProbe(server, api, clientId, users, sessions) {
  const seconds = Math.max(2, Math.min(settings.seconds, 3));
  for (const next of [(i) => api.signInRequest(clientId, users[i % users.length]), (i) => api.getUserRequest(sessions[i % sessions.length].AccessToken)]) {
    await runLoad(server.origin, { concurrency: 8, seconds: 2, warmupSeconds: 0, next }); // warm-up, not measured
  }
  return {
    InitiateAuth: await runLoad(server.origin, { concurrency: 1, seconds, warmupSeconds: 1, next: (i) => api.signInRequest(clientId, users[(i * 7919) % users.length]) }),
    GetUser: await runLoad(server.origin, { concurrency: 1, seconds, warmupSeconds: 1, next: (i) => api.getUserRequest(sessions[(i * 7919) % sessions.length].AccessToken) }),
  };
}

// ---------------------------------------------------------------------------------------------------

function apiOf(origin) {
  const call = async (operation, body) => {
    const response = await fetch(origin, { method: 'POST', headers: target(operation), body: JSON.stringify(body) });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`${operation} answered ${response.status}: ${text}`);
    return JSON.parse(text);
  };
  const api = {
    call,
    async provision(name) {
      const pool = await call('CreateUserPool', { PoolName: name });
      const poolId = pool.UserPool.Id;
      const client = await call('CreateUserPoolClient', {
        UserPoolId: poolId,
        ClientName: 'bench',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      });
      return { poolId, clientId: client.UserPoolClient.ClientId };
    },
    signUpRequest: (clientId, username) => ({ headers: target('SignUp'), body: JSON.stringify({ ClientId: clientId, Username: username, Password: password }) }),
    signInRequest: (clientId, username) => ({
      headers: target('InitiateAuth'),
      body: JSON.stringify({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: username, PASSWORD: password } }),
    }),
    getUserRequest: (accessToken) => ({ headers: target('GetUser'), body: JSON.stringify({ AccessToken: accessToken }) }),
    refreshRequest: (clientId, refreshToken) => ({
      headers: target('InitiateAuth'),
      body: JSON.stringify({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: clientId, AuthParameters: { REFRESH_TOKEN: refreshToken } }),
    }),
    async confirmedUsers(poolId, clientId, prefix, count) {
      const names = Array.from({ length: count }, (_, i) => `${prefix}-${runId}-${i}`);
      await drive(origin, { concurrency: 16, count, next: (i) => api.signUpRequest(clientId, names[i]) });
      await drive(origin, {
        concurrency: 16,
        count,
        next: (i) => ({ headers: target('AdminConfirmSignUp'), body: JSON.stringify({ UserPoolId: poolId, Username: names[i] }) }),
      });
      return names;
    },
    async signInAll(clientId, usernames) {
      const sessions = new Array(usernames.length);
      await drive(origin, {
        concurrency: 16,
        count: usernames.length,
        next: (i) => api.signInRequest(clientId, usernames[i]),
        onResponse: (i, text) => (sessions[i] = JSON.parse(text).AuthenticationResult),
      });
      return sessions;
    },
    /** The pool's EstimatedNumberOfUsers when DescribeUserPool reports it; otherwise the number we put in. */
    async countUsersApprox(poolId, fallback) {
      const described = await call('DescribeUserPool', { UserPoolId: poolId });
      return described.UserPool?.EstimatedNumberOfUsers ?? fallback;
    },
  };
  return api;
}

// ---------------------------------------------------------------------------------------------------

function report(r) {
  const ceiling = r.ceiling.load.rps;
  const p = r.primitives;
  const rows = [];
  const pct = (value, of) => (of ? `${Math.round((100 * value) / of)}%` : '');
  const row = (scenario, mode, load, extra = {}) =>
    rows.push({
      scenario,
      mode,
      'req/s': load.rps,
      'p50 ms': load.p50,
      'p99 ms': load.p99,
      'of ceiling': pct(load.rps, ceiling),
      target: extra.target ?? '',
      met: extra.met === undefined ? '' : extra.met ? 'yes' : 'NO',
      'server CPU µs/req': Number.isFinite(load.serverCpuMicrosPerRequest) ? load.serverCpuMicrosPerRequest : '',
      errors: load.errors || '',
    });
  row('Fastify {} (ceiling)', '-', r.ceiling.load);
  for (const [mode, m] of Object.entries(r.modes)) {
    const s = m.scenarios;
    row('SignUp', mode, s.SignUp, { target: 'none set (argon2 hash + SRP verifier)' });
    const signIn = m.limits.signIn;
    row('InitiateAuth USER_PASSWORD_AUTH', mode, s.InitiateAuth, {
      target: `>=80% of ${signIn.signInLimitFast}/s: ${pct(s.InitiateAuth.rps, signIn.signInLimitFast)} (CPU ${cpuShare(signIn.cpuMicrosPerOp.signInLimitFast, s.InitiateAuth)})`,
      met: s.InitiateAuth.rps >= 0.8 * signIn.signInLimitFast,
    });
    row('GetUser', mode, s.GetUser, { target: '>=50% of ceiling', met: s.GetUser.rps >= 0.5 * ceiling });
    const refresh = m.limits.refresh;
    row('InitiateAuth REFRESH_TOKEN_AUTH', mode, s.Refresh, {
      target: `>=80% of ${refresh.refreshLimit}/s: ${pct(s.Refresh.rps, refresh.refreshLimit)} (CPU ${cpuShare(refresh.cpuMicrosPerOp.refreshLimit, s.Refresh)})`,
      met: s.Refresh.rps >= 0.8 * refresh.refreshLimit,
    });
    row('JWKS GET', mode, s.JWKS, { target: '>=50% of ceiling', met: s.JWKS.rps >= 0.5 * ceiling });
    if (m.grownScenarios) {
      row(`InitiateAuth at ${settings.users} users`, mode, m.grownScenarios.InitiateAuth);
      row(`GetUser at ${settings.users} users`, mode, m.grownScenarios.GetUser);
    }
  }
  if (r.strongHashing) {
    const strong = r.strongHashing.limit;
    row('InitiateAuth, strong argon2id', 'memory', r.strongHashing.InitiateAuth, {
      target: `>=80% of ${strong.signInLimitStrong}/s: ${pct(r.strongHashing.InitiateAuth.rps, strong.signInLimitStrong)} (CPU ${cpuShare(strong.cpuMicrosPerOp.signInLimitStrong, r.strongHashing.InitiateAuth)})`,
      met: r.strongHashing.InitiateAuth.rps >= 0.8 * strong.signInLimitStrong,
    });
    row('SignUp, strong argon2id', 'memory', r.strongHashing.SignUp);
  }

  const lines = [`Load: concurrency ${settings.concurrency}, ${settings.seconds} s per scenario, keep-alive, raw AWS JSON 1.1 (undici)`, ''];
  lines.push(...table(rows));
  lines.push('');
  const other = [];
  const cold = r.coldStarts.medians;
  other.push({ measure: `cold start, Fastify {} (median of ${coldStartRuns}, taken in turns)`, value: `${round(cold.ceiling, 0)} ms`, target: '', met: '' });
  for (const mode of Object.keys(r.modes)) {
    const ratio = cold[mode] / cold.ceiling;
    other.push({ measure: `cold start, emulator ${mode} (median of ${coldStartRuns})`, value: `${round(cold[mode], 0)} ms (${round(ratio, 2)}x)`, target: '<=1.5x Fastify', met: ratio <= 1.5 ? 'yes' : 'NO' });
  }
  const idleMb = r.idleMemory.afterThirtySecondsMb;
  other.push({ measure: 'idle RSS, memory mode: 1 s | 30 s after start', value: `${r.idleMemory.afterOneSecondMb} | ${idleMb} MB`, target: '<80 MB (30 s)', met: idleMb < 80 ? 'yes' : 'NO' });
  for (const [mode, m] of Object.entries(r.modes)) {
    if (m.coldStartWithGrownPoolMs) other.push({ measure: `cold start, emulator ${mode}, ${settings.users} users`, value: `${round(m.coldStartWithGrownPoolMs, 0)} ms`, target: '', met: '' });
    other.push({ measure: `idle RSS after load, ${mode}`, value: `${m.memory.idleAfterLoadRssMb} MB`, target: '', met: '' });
    other.push({ measure: `peak RSS, ${mode}`, value: `${m.memory.peakRssMb} MB`, target: '', met: '' });
    if (m.grown) {
      for (const op of ['InitiateAuth', 'GetUser']) {
        const ratio = m.grown[op].p50 / m.small[op].p50;
        other.push({
          measure: `${op} p50 at concurrency 1, ${mode}: ${preparedUsers} -> ${settings.users} users`,
          value: `${m.small[op].p50} -> ${m.grown[op].p50} ms (${round(ratio, 2)}x)`,
          target: '<=1.2x',
          met: ratio <= 1.2 ? 'yes' : 'NO',
        });
      }
      other.push({ measure: `seeding ${settings.users} users (${settings.seed}), ${mode}`, value: `${m.sqlSeedSeconds ?? m.seedSeconds} s`, target: '', met: '' });
    }
  }
  other.push({ measure: 'primitive limits at start: RS256 signs/s (both cores)', value: `${p.rs256SignsPerSecond}`, target: '', met: '' });
  other.push({ measure: '  argon2id verify/s, fast | strong', value: `${p.argon2FastVerifiesPerSecond} | ${p.argon2StrongVerifiesPerSecond}`, target: '', met: '' });
  other.push({ measure: '  sign-in (verify + 2 signs)/s, fast | strong', value: `${p.signInLimitFast} | ${p.signInLimitStrong}`, target: '', met: '' });
  other.push({ measure: '  refresh (2 signs)/s', value: `${p.refreshLimit}`, target: '', met: '' });
  other.push({
    measure: '  CPU µs per op: sign-in fast | strong | refresh',
    value: `${p.cpuMicrosPerOp.signInLimitFast} | ${p.cpuMicrosPerOp.signInLimitStrong} | ${p.cpuMicrosPerOp.refreshLimit}`,
    target: '',
    met: '',
  });
  lines.push(...table(other));
  return lines.join('\n');
}

/**
 * The share of all CPU spent per request (emulator + load generator) that the required crypto accounts for.
 * On a CPU-bound machine this is the throughput the primitives would allow, and unlike req/s it does not
 * drift with whatever else the machine is running.
 */
function cpuShare(cryptoMicros, load) {
  const total = load.serverCpuMicrosPerRequest + load.clientCpuMicrosPerRequest;
  return Number.isFinite(total) && total > 0 ? `${Math.round((100 * cryptoMicros) / total)}%` : 'n/a';
}

function table(rows) {
  const columns = Object.keys(rows[0]);
  const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => String(row[column]).length)));
  const line = (cells) => `| ${cells.map((cell, i) => String(cell).padEnd(widths[i])).join(' | ')} |`;
  return [line(columns), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map((row) => line(columns.map((c) => row[c])))];
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return round(sorted[Math.floor(sorted.length / 2)], 1);
}

/** `count` distinct numbers in [0, n), spread across the range. */
function sample(n, count) {
  const picked = new Set();
  while (picked.size < Math.min(count, n)) picked.add(Math.floor(Math.random() * n));
  return [...picked];
}
