/**
 * ListUsers on a pool of 100,000 users: every query shape is an index search (checked on its query plan,
 * which does not depend on machine speed), and real calls through the SDK stay fast.
 */
import { CognitoIdentityProviderClient, CreateUserPoolCommand, ListUsersCommand, type ListUsersCommandInput } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFrom, createEmulator, type RunningEmulator } from '../../src/index.js';
import { openDatabase } from '../../src/store/database.js';
import { userSearchFields, userSearchSql, type UserSearchQuery } from '../../src/store/user-search.js';

describe('ListUsers at scale', () => {
  it('answers every filter shape with an index search: no table scan, no sort', () => {
    const db = openDatabase(':memory:');
    try {
      const plans: string[] = [];
      const parameters = { pool: 'p', value: 'a', upper: 'b', afterId: 0, limit: 61 };
      plans.push(db.prepare(`EXPLAIN QUERY PLAN ${userSearchSql('all', undefined)}`).all(parameters).map((row) => (row as { detail: string }).detail).join(' | '));
      for (const field of userSearchFields) {
        for (const query of ['exact', 'prefix', 'after-value'] as UserSearchQuery[]) {
          const plan = db.prepare(`EXPLAIN QUERY PLAN ${userSearchSql(query, field)}`).all(parameters).map((row) => (row as { detail: string }).detail);
          plans.push(`${field} ${query}: ${plan.join(' | ')}`);
        }
      }
      for (const plan of plans) {
        expect(plan).toMatch(/SEARCH users USING (COVERING )?INDEX/);
        expect(plan).not.toMatch(/SCAN|TEMP B-TREE/);
      }
    } finally {
      db.close();
    }
  });

  describe('through the SDK', () => {
    const userCount = 100_000;
    let emulator: RunningEmulator;
    let cognito: CognitoIdentityProviderClient;
    let userPoolId: string;

    beforeAll(async () => {
      emulator = await createEmulator(configFrom({ port: 0, dataPath: ':memory:', logLevel: 'silent' }));
      cognito = new CognitoIdentityProviderClient({ endpoint: emulator.url, region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
      userPoolId = (await cognito.send(new CreateUserPoolCommand({ PoolName: 'scale' }))).UserPool!.Id!;
      // Straight into the store: the point is the query, not 100,000 password hashes.
      const { store } = emulator.services;
      const now = Date.now();
      store.transaction(() => {
        for (let index = 0; index < userCount; index++) {
          const username = `user${String(index).padStart(6, '0')}`;
          store.users.insert(
            {
              userPoolId,
              username,
              usernameKey: username,
              sub: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
              status: index % 10 === 0 ? 'UNCONFIRMED' : 'CONFIRMED',
              enabled: index % 1000 !== 0,
              attributes: { email: `${username}@example.com`, given_name: index % 2 === 0 ? 'Alice' : 'Bob', family_name: `F${index % 100}` },
              passwordHash: undefined,
              srpSalt: undefined,
              srpVerifier: undefined,
              passwordChangedAt: undefined,
              tokensValidAfter: 0,
              createdAt: now,
              updatedAt: now,
            },
            [],
          );
        }
      });
    }, 120_000);

    afterAll(async () => emulator?.close());

    const timed = async (input: Omit<ListUsersCommandInput, 'UserPoolId'>) => {
      const started = performance.now();
      const output = await cognito.send(new ListUsersCommand({ UserPoolId: userPoolId, ...input }));
      return { output, ms: performance.now() - started };
    };

    it('finds one user among 100,000 by exact email, username and sub quickly', async () => {
      for (const Filter of ['email = "user054321@example.com"', 'username = "user054321"', 'sub = "00000000-0000-4000-8000-000000054321"']) {
        const { output, ms } = await timed({ Filter });
        expect(output.Users?.map((user) => user.Username)).toEqual(['user054321']);
        expect(ms).toBeLessThan(250);
      }
    });

    it('pages through broad filters, every page fast', async () => {
      const cases: Array<[string, number]> = [
        ['given_name = "Alice"', userCount / 2],
        ['email ^= "user09"', 10_000],
        ['cognito:user_status = "UNCONFIRMED"', userCount / 10],
        ['status = "Disabled"', userCount / 1000],
      ];
      for (const [Filter, expected] of cases) {
        let token: string | undefined;
        let seen = 0;
        let pages = 0;
        let slowest = 0;
        do {
          const { output, ms } = await timed({ Filter, PaginationToken: token });
          seen += output.Users?.length ?? 0;
          slowest = Math.max(slowest, ms);
          token = output.PaginationToken;
          pages++;
        } while (token && pages < 40);
        expect(seen).toBe(Math.min(expected, pages * 60));
        expect(slowest).toBeLessThan(250);
      }
    });

    it('answers a page deep into a filter as fast as the first one', async () => {
      // Keyset tokens (domain/user-pagination.ts): continue after user id 90,000 (user089999; ids start at 1).
      const token = (position: unknown[]) => Buffer.from(JSON.stringify(position)).toString('base64url');
      const exact = await timed({ Filter: 'given_name = "Alice"', PaginationToken: token([90_000]) });
      expect(exact.output.Users?.[0]?.Username).toBe('user090000');
      const prefix = await timed({ Filter: 'email ^= "user0"', PaginationToken: token([90_000, 'user089999@example.com']) });
      expect(prefix.output.Users?.[0]?.Username).toBe('user090000');
      expect(Math.max(exact.ms, prefix.ms)).toBeLessThan(250);
    });
  });
});
