/**
 * Crash safety: the built CLI on a data file takes SignUp load and is killed with SIGKILL mid-load (no
 * chance to close anything). Restarted on the same file, every SignUp that was answered 200 must exist
 * whole (confirmable, able to sign in), requests cut off by the kill must have left either a whole user or
 * nothing, tokens issued before the crash must still verify (keys persisted), and the file must be sound.
 */
import Database from 'better-sqlite3';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { callApi, createPool, createSignedInUser, ok, refreshBody, signInBody, signUpBody } from '../support/aws-json.js';
import { spawnEmulator, type SpawnedEmulator } from '../support/spawn-emulator.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `work` over `items`, `concurrency` at a time. */
async function eachLimited<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

describe('crash safety (SIGKILL under SignUp load)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cognito-emulator-crash-'));
  const dataPath = join(dir, 'emulator.db');
  const running: SpawnedEmulator[] = [];
  afterAll(() => {
    for (const emulator of running) emulator.process.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged SignUp, no half-written user, and the signing keys', async () => {
    const first = await spawnEmulator(['--port', '0', '--data', dataPath, '--log-level', 'silent']);
    running.push(first);
    const pool = await createPool(first.url, 'crash');
    const before = await createSignedInUser(first.url, pool, 'before-crash');

    const answered: string[] = [];
    const cutOff: string[] = [];
    let stop = false;
    let counter = 0;
    const worker = async () => {
      while (!stop) {
        const username = `load-${counter++}`;
        try {
          const answer = await callApi(first.url, 'SignUp', signUpBody(pool.clientId, username));
          if (answer.status !== 200) throw new Error(`SignUp answered ${answer.status} ${answer.type}`);
          answered.push(username);
        } catch (error) {
          if (!stop) throw error;
          cutOff.push(username); // in flight when the process died: may or may not have landed
        }
      }
    };
    const workers = Array.from({ length: 16 }, worker);
    const started = Date.now();
    while (answered.length < 80 && Date.now() - started < 10_000) await sleep(5);
    stop = true;
    first.process.kill('SIGKILL');
    await Promise.all(workers);
    expect(await first.exited).toBeNull(); // killed by the signal, not exited
    expect(answered.length).toBeGreaterThanOrEqual(80);
    expect(cutOff.length).toBeGreaterThan(0); // the kill did land mid-load

    const second = await spawnEmulator(['--port', '0', '--data', dataPath, '--log-level', 'silent']);
    running.push(second);
    const url = second.url;

    // Every acknowledged sign-up exists, unconfirmed, and becomes a working account.
    await eachLimited(answered, 8, async (username) => {
      const confirmed = await callApi(url, 'AdminConfirmSignUp', { UserPoolId: pool.poolId, Username: username });
      expect(confirmed.status, `${username}: ${JSON.stringify(confirmed.body)}`).toBe(200);
      const signIn = await callApi(url, 'InitiateAuth', signInBody(pool.clientId, username));
      expect(signIn.status, username).toBe(200);
    });
    // A sign-up cut off by the kill left a whole user or nothing.
    for (const username of cutOff) {
      const found = await callApi(url, 'AdminGetUser', { UserPoolId: pool.poolId, Username: username });
      if (found.status !== 200) {
        expect(found.type).toBe('UserNotFoundException');
        continue;
      }
      await ok(url, 'AdminConfirmSignUp', { UserPoolId: pool.poolId, Username: username });
      expect((await callApi(url, 'InitiateAuth', signInBody(pool.clientId, username))).status).toBe(200);
    }

    // Tokens issued before the crash: the API accepts them, the new process's JWKS verifies them.
    expect((await callApi(url, 'GetUser', { AccessToken: before.AccessToken })).body.Username).toBe('before-crash');
    expect((await callApi(url, 'InitiateAuth', refreshBody(pool.clientId, before.RefreshToken))).status).toBe(200);
    const jwks = createRemoteJWKSet(new URL(`${url}/${pool.poolId}/.well-known/jwks.json`));
    const { payload } = await jwtVerify(before.IdToken, jwks, { audience: pool.clientId });
    expect(payload['cognito:username']).toBe('before-crash');

    second.process.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    const db = new Database(dataPath, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      db.close();
    }
  }, 60_000);
});
