/**
 * Graceful shutdown: SIGTERM while requests are in flight lets them finish (each gets its 200), closes
 * idle keep-alive connections instead of waiting for them, exits 0, and closes the database cleanly: the
 * WAL is checkpointed and removed, so the file opens with nothing to recover.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { amzJson, createPool, signUpBody, targetOf } from '../support/aws-json.js';
import { spawnEmulator, type SpawnedEmulator } from '../support/spawn-emulator.js';

describe('graceful shutdown on SIGTERM', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cognito-emulator-sigterm-'));
  const running: SpawnedEmulator[] = [];
  afterAll(() => {
    for (const emulator of running) emulator.process.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('finishes in-flight requests, then closes the database cleanly', async () => {
    const dataPath = join(dir, 'emulator.db');
    // Production-strength argon2 makes each SignUp take tens of milliseconds, so they are surely in flight.
    const emulator = await spawnEmulator(['--port', '0', '--data', dataPath, '--log-level', 'silent', '--password-hashing', 'strong']);
    running.push(emulator);
    const pool = await createPool(emulator.url, 'sigterm');
    expect(existsSync(`${dataPath}-wal`)).toBe(true); // WAL mode: the log exists while the emulator runs

    // Each request is written in full on a connection of its own. Once a later request on yet another new
    // connection has been answered, the server has accepted and read them all: they are in flight, not
    // waiting in the kernel's accept queue (those any server resets when it stops listening).
    const inFlight = await Promise.all(Array.from({ length: 12 }, (_, i) => postInFull(emulator.url, 'SignUp', signUpBody(pool.clientId, `in-flight-${i}`))));
    expect(await (await postInFull(emulator.url, 'ListUserPools', { MaxResults: 1 })).answer).toBe(200);
    const signalled = Date.now();
    emulator.process.kill('SIGTERM');

    const statuses = await Promise.all(inFlight.map(({ answer }) => answer.then((status) => status, (error: Error) => error.message)));
    expect(statuses).toEqual(Array(12).fill(200));
    // The test's own fetch keeps idle keep-alive connections open: closing must not wait 65 s for them.
    expect(await emulator.exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(10_000);

    expect(existsSync(`${dataPath}-wal`)).toBe(false);
    expect(existsSync(`${dataPath}-shm`)).toBe(false);
    const db = new Database(dataPath, { readonly: true, fileMustExist: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const { n } = db.prepare("SELECT count(*) AS n FROM users WHERE username LIKE 'in-flight-%'").get() as { n: number };
      expect(n).toBe(12);
    } finally {
      db.close();
    }
  }, 60_000);
});

/** Sends one request on a fresh connection; resolves once it is fully written, with (boxed) the promise of its status. */
function postInFull(url: string, operation: string, body: unknown): Promise<{ answer: Promise<number> }> {
  return new Promise((written) => {
    const answer = new Promise<number>((resolve, reject) => {
      const req = request(url, { method: 'POST', agent: false, headers: { 'content-type': amzJson, 'x-amz-target': targetOf(operation) } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end(JSON.stringify(body), () => written({ answer }));
    });
  });
}
