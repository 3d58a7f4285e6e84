/**
 * A small closed-loop load generator over keep-alive HTTP/1.1 (undici): `concurrency` workers, each with
 * one request in flight at a time, for a fixed duration after a warm-up. Every request can carry its own
 * body (unique usernames, different tokens), which fixed-request generators make awkward.
 */
import { readFileSync } from 'node:fs';
import { Pool } from 'undici';

/** CPU time (user + system) a process has used so far, in µs; NaN where /proc is not there. */
export function cpuMicrosOf(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10_000; // clock ticks of 10 ms
  } catch {
    return NaN;
  }
}

/**
 * @typedef {{ method?: string, path?: string, headers?: Record<string,string>, body?: string }} BenchRequest
 * @typedef {{ requests: number, errors: number, seconds: number, rps: number, p50: number, p90: number, p99: number, max: number, firstError?: string }} LoadResult
 */

/**
 * @param {string} origin e.g. http://127.0.0.1:9329
 * @param {{ concurrency: number, seconds: number, warmupSeconds?: number, maxRequests?: number,
 *           next: (i: number) => BenchRequest, expectStatus?: number, serverPid?: number }} options
 * @returns {Promise<LoadResult>}
 */
export async function runLoad(origin, options) {
  const { concurrency, seconds, warmupSeconds = 2, maxRequests = Infinity, next, expectStatus = 200, serverPid } = options;
  const pool = new Pool(origin, { connections: concurrency, pipelining: 1, keepAliveTimeout: 60_000 });
  let counter = 0;
  let errors = 0;
  let firstError;
  const latencies = [];
  let measuring = false;
  let stop = false;
  let measured = 0;

  const worker = async () => {
    while (!stop) {
      const i = counter++;
      if (i >= maxRequests) break;
      const request = next(i);
      const started = process.hrtime.bigint();
      let ok = false;
      try {
        const response = await pool.request({
          method: request.method ?? 'POST',
          path: request.path ?? '/',
          headers: request.headers,
          body: request.body,
        });
        const text = await response.body.text();
        ok = response.statusCode === expectStatus;
        if (!ok && firstError === undefined) firstError = `${response.statusCode} ${text.slice(0, 200)}`;
      } catch (error) {
        if (firstError === undefined) firstError = String(error);
      }
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (measuring) {
        measured++;
        if (ok) latencies.push(ms);
        else errors++;
      }
    }
  };

  const workers = Array.from({ length: concurrency }, worker);
  await sleep(warmupSeconds * 1000);
  measuring = true;
  const started = performance.now();
  const serverCpuBefore = serverPid === undefined ? NaN : cpuMicrosOf(serverPid);
  const clientCpuBefore = process.cpuUsage();
  await Promise.race([sleep(seconds * 1000), Promise.all(workers)]);
  measuring = false;
  const elapsed = (performance.now() - started) / 1000;
  const serverCpu = serverPid === undefined ? NaN : cpuMicrosOf(serverPid) - serverCpuBefore;
  const clientCpu = process.cpuUsage(clientCpuBefore);
  stop = true;
  await Promise.all(workers);
  await pool.close();
  const result = summarize(latencies, errors, elapsed, measured, firstError);
  // CPU per request is steadier than req/s on a shared machine: it does not depend on who else runs.
  result.serverCpuMicrosPerRequest = round(serverCpu / Math.max(1, measured), 0);
  result.clientCpuMicrosPerRequest = round((clientCpu.user + clientCpu.system) / Math.max(1, measured), 0);
  return result;
}

/** Sends `count` requests at `concurrency` without timing them (provisioning, seeding); throws on the first failure. */
export async function drive(origin, { concurrency, count, next, expectStatus = 200, onResponse }) {
  const pool = new Pool(origin, { connections: concurrency, pipelining: 1 });
  let counter = 0;
  const worker = async () => {
    for (let i = counter++; i < count; i = counter++) {
      const request = next(i);
      const response = await pool.request({ method: request.method ?? 'POST', path: request.path ?? '/', headers: request.headers, body: request.body });
      const text = await response.body.text();
      if (response.statusCode !== expectStatus) throw new Error(`request ${i} answered ${response.statusCode}: ${text.slice(0, 300)}`);
      onResponse?.(i, text);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  } finally {
    await pool.close();
  }
}

function summarize(latencies, errors, seconds, measured, firstError) {
  const sorted = Float64Array.from(latencies).sort();
  const at = (q) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN);
  return {
    requests: measured,
    errors,
    seconds: round(seconds, 2),
    rps: round(latencies.length / seconds, 0),
    p50: round(at(0.5), 2),
    p90: round(at(0.9), 2),
    p99: round(at(0.99), 2),
    max: round(sorted.length ? sorted[sorted.length - 1] : NaN, 2),
    ...(firstError !== undefined && { firstError }),
  };
}

export const round = (value, digits) => Math.round(value * 10 ** digits) / 10 ** digits;
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
