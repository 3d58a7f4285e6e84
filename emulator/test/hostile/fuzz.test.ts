/**
 * Property-based fuzzing of every registered operation (the registry is iterated, so new operations are
 * fuzzed without touching this file). Inputs come from each operation's own schema: plausible ones that
 * reach the operation's rules, and hostile ones (wrong types, huge strings, deep nesting, unicode, nulls,
 * missing and extra members, non-object bodies). Every answer must be a 4xx with a JSON `__type` (or a 200),
 * never a 5xx, never a hang; nothing may be logged as an internal error; the store must stay consistent.
 * Runs are bounded by a time budget shared by all operations, so the file stays well under a minute.
 */
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFrom, createEmulator, type RunningEmulator } from '../../src/index.js';
import { operations } from '../../src/operations/index.js';
import { amzJson, password, signInBody, signUpBody, targetOf } from '../support/aws-json.js';
import { hostileInput, plausibleValue, strangeBody, type Fixture, type Schema } from './support/inputs.js';

const totalBudgetMs = 32_000;
const budgetPerOperationMs = Math.max(250, Math.floor(totalBudgetMs / operations.size));
const hangLimitMs = 10_000;

interface Answer {
  readonly status: number;
  readonly type: string | undefined;
  readonly body: Record<string, any>;
  readonly contentType: string | undefined;
}

describe('fuzzing every operation', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cognito-emulator-fuzz-'));
  const dataPath = join(dir, 'fuzz.db');
  const logged: Array<{ level: number; msg?: string; err?: unknown; operation?: string }> = [];
  let emulator: RunningEmulator;
  let checker: Database.Database;
  let fixture: Fixture;
  let fixtureCount = 0;

  const send = async (operation: string, body: string): Promise<Answer> => {
    let timer: NodeJS.Timeout | undefined;
    const hang = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${operation} did not answer within ${hangLimitMs} ms`)), hangLimitMs);
    });
    try {
      const response = await Promise.race([
        emulator.app.inject({ method: 'POST', url: '/', headers: { 'content-type': amzJson, 'x-amz-target': targetOf(operation) }, payload: body }),
        hang,
      ]);
      const parsed = response.body ? (JSON.parse(response.body) as Record<string, any>) : {};
      return { status: response.statusCode, type: parsed.__type, body: parsed, contentType: response.headers['content-type'] as string | undefined };
    } finally {
      clearTimeout(timer);
    }
  };
  const call = async (operation: string, input: unknown): Promise<Record<string, any>> => {
    const answer = await send(operation, JSON.stringify(input));
    if (answer.status !== 200) throw new Error(`${operation}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };

  /** A pool, client, group and signed-in user the plausible inputs point at; rebuilt when an operation broke it. */
  const ensureFixture = async (): Promise<void> => {
    if (fixture) {
      const me = await send('GetUser', JSON.stringify({ AccessToken: fixture.accessToken }));
      const client = await send('DescribeUserPoolClient', JSON.stringify({ UserPoolId: fixture.poolId, ClientId: fixture.clientId }));
      const group = await send('GetGroup', JSON.stringify({ UserPoolId: fixture.poolId, GroupName: fixture.groupName }));
      if (me.status === 200 && client.status === 200 && (group.status === 200 || !operations.has('GetGroup'))) return;
    }
    fixtureCount++;
    const pool = await call('CreateUserPool', { PoolName: `fuzz-${fixtureCount}`, AutoVerifiedAttributes: ['email'] });
    const poolId = pool.UserPool.Id as string;
    const client = await call('CreateUserPoolClient', {
      UserPoolId: poolId,
      ClientName: 'fuzz',
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH'],
    });
    const clientId = client.UserPoolClient.ClientId as string;
    const username = 'fuzz-user';
    await call('SignUp', signUpBody(clientId, username));
    await call('AdminConfirmSignUp', { UserPoolId: poolId, Username: username });
    if (operations.has('CreateGroup')) {
      await call('CreateGroup', { UserPoolId: poolId, GroupName: 'fuzz-group' });
      if (operations.has('AdminAddUserToGroup')) await call('AdminAddUserToGroup', { UserPoolId: poolId, GroupName: 'fuzz-group', Username: username });
    }
    const tokens = (await call('InitiateAuth', signInBody(clientId, username))).AuthenticationResult;
    fixture = { poolId, clientId, username, password, accessToken: tokens.AccessToken, refreshToken: tokens.RefreshToken, groupName: 'fuzz-group' };
  };

  beforeAll(async () => {
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n')) if (line) logged.push(JSON.parse(line));
        done();
      },
    });
    emulator = await createEmulator(configFrom({ port: 0, dataPath, logLevel: 'warn' }), { logger: pino({ level: 'warn' }, stream) });
    checker = new Database(dataPath, { readonly: true });
    await ensureFixture();
  }, 30_000);

  afterAll(async () => {
    checker?.close();
    await emulator?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const expectWellFormed = (operation: string, answer: Answer, input: string): void => {
    const where = `${operation} ${input.slice(0, 300)} -> ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`;
    // 501 NotImplementedException is the designed answer for a real Cognito feature not built yet.
    const designed501 = answer.status === 501 && answer.type === 'NotImplementedException';
    expect(answer.status < 500 || designed501, where).toBe(true);
    expect(answer.contentType, where).toMatch(/^application\/x-amz-json-1\.1/);
    if (answer.status !== 200) expect(typeof answer.type, where).toBe('string');
  };

  const expectStoreConsistent = (): void => {
    expect(checker.pragma('quick_check', { simple: true })).toBe('ok');
    expect(checker.pragma('foreign_key_check')).toEqual([]);
  };

  for (const [name, operation] of operations) {
    it(`${name}: any input gets a well-formed 4xx or 200, never a 5xx or a hang`, async () => {
      await ensureFixture();
      const schema = operation.input as Schema;
      const seen: Record<string, number> = {};
      const inputs = fc.oneof(
        { arbitrary: plausibleValue(schema, fixture).map((input) => JSON.stringify(input)), weight: 4 },
        { arbitrary: hostileInput(schema, fixture).map((input) => JSON.stringify(input)), weight: 4 },
        { arbitrary: strangeBody, weight: 1 },
      );
      await fc.assert(
        fc.asyncProperty(inputs, async (body) => {
          const answer = await send(name, body);
          expectWellFormed(name, answer, body);
          const key = answer.status === 200 ? '200' : `${answer.type}`;
          seen[key] = (seen[key] ?? 0) + 1;
        }),
        { numRuns: 400, interruptAfterTimeLimit: budgetPerOperationMs, markInterruptAsFailure: false },
      );
      if (process.env.FUZZ_STATS) process.stdout.write(`${name} ${JSON.stringify(seen)}\n`);
      expect(logged.filter((line) => line.level >= 50)).toEqual([]);
      expectStoreConsistent();
    }, 60_000);
  }

  it('unknown and made-up targets get a well-formed 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40 }), strangeBody, async (operation, body) => {
        const answer = await send(operation, body);
        expect(answer.status).toBeGreaterThanOrEqual(400);
        expect(answer.status < 500 || answer.type === 'NotImplementedException').toBe(true);
        expect(typeof answer.type).toBe('string');
      }),
      { numRuns: 200, interruptAfterTimeLimit: 1_000, markInterruptAsFailure: false },
    );
  });
});
