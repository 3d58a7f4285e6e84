/**
 * Starting the servers under test as separate processes, timing their cold start (spawn to the first
 * successful answer), and reading their memory from /proc.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { sleep } from './load.mjs';

export const emulatorCli = fileURLToPath(new URL('../../emulator/dist/cli.js', import.meta.url));
export const ceilingServer = fileURLToPath(new URL('../ceiling-server.mjs', import.meta.url));

export const amzJson = 'application/x-amz-json-1.1';
export const target = (operation) => ({ 'content-type': amzJson, 'x-amz-target': `AWSCognitoIdentityProviderService.${operation}` });

/** A free TCP port on the loopback interface. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Spawns `node <script> <args>` and polls `probe` until it answers 200; returns the process, its origin
 * and the cold-start time in ms.
 * @param {{ script: string, nodeArgs?: string[], args: (port: number) => string[], probe: { method: string, path: string, headers?: Record<string,string>, body?: string }, env?: NodeJS.ProcessEnv }} spec
 */
export async function startServer(spec) {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, [...(spec.nodeArgs ?? []), spec.script, ...spec.args(port)], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ...spec.env },
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  let exited = false;
  const exitPromise = new Promise((resolve) => child.on('exit', (code, signal) => ((exited = true), resolve({ code, signal }))));
  for (;;) {
    if (exited) throw new Error(`${spec.script} exited before answering: ${stderr}`);
    if (performance.now() - started > 20_000) {
      child.kill('SIGKILL');
      throw new Error(`${spec.script} did not answer within 20 s: ${stderr}`);
    }
    try {
      const response = await request(`${origin}${spec.probe.path}`, {
        method: spec.probe.method,
        headers: spec.probe.headers,
        body: spec.probe.body,
        reset: true,
      });
      await response.body.dump();
      if (response.statusCode === 200) break;
    } catch {
      // not listening yet
    }
    await sleep(2);
  }
  const coldStartMs = performance.now() - started;
  return {
    child,
    origin,
    coldStartMs,
    memory: () => memoryOf(child.pid),
    async stop() {
      if (!exited) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const result = await exitPromise;
      clearTimeout(timer);
      return result;
    },
  };
}

export const emulatorSpec = ({ data, passwordHashing = 'fast', logLevel = 'info' }) => ({
  script: emulatorCli,
  args: (port) => ['--port', String(port), '--data', data, '--password-hashing', passwordHashing, '--log-level', logLevel],
  probe: { method: 'POST', path: '/', headers: target('ListUserPools'), body: '{"MaxResults":1}' },
});

export const ceilingSpec = () => ({
  script: ceilingServer,
  args: (port) => [String(port)],
  probe: { method: 'POST', path: '/', headers: { 'content-type': amzJson }, body: '{}' },
});

/** Resident memory of a process in MB: now (VmRSS) and its peak so far (VmHWM). Linux only. */
export function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: Math.round(kb('VmRSS') / 102.4) / 10, peakRssMb: Math.round(kb('VmHWM') / 102.4) / 10 };
  } catch {
    return { rssMb: NaN, peakRssMb: NaN };
  }
}
