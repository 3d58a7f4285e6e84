/**
 * ListUsers over a pool of 120 users: the Filter grammar (exact and prefix matches on the searchable
 * attributes, status and cognito:user_status), AttributesToGet, Limit and PaginationToken.
 */
import {
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  ListUsersCommand,
  SignUpCommand,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectCognitoError } from '../fixtures/errors.js';
import { createPoolWithClient, goodPassword, uniqueName, type PoolWithClient } from '../fixtures/pools.js';
import { target } from '../targets/target.js';

const userCount = 120;
const unconfirmed = new Set([3, 40, 77, 100, 118]);
const disabled = new Set([5, 50, 95]);

describe('ListUsers', () => {
  let app: PoolWithClient;
  /** Usernames are `${tag}-000` .. `${tag}-119`, emails `${tag}-000@example.com` .. */
  const tag = uniqueName('lu');
  const nameOf = (index: number): string => `${tag}-${String(index).padStart(3, '0')}`;

  beforeAll(async () => {
    app = await createPoolWithClient();
    // In parallel batches of 20: fast locally, and gentle with real Cognito's request quotas.
    for (let start = 0; start < userCount; start += 20) {
      await Promise.all(
        Array.from({ length: Math.min(20, userCount - start) }, (_, offset) => start + offset).map((index) => {
          const attributes = [
            { Name: 'email', Value: `${nameOf(index)}@example.com` },
            { Name: 'given_name', Value: index % 2 === 0 ? 'Alice' : 'Bob' },
          ];
          return unconfirmed.has(index)
            ? target().client.send(new SignUpCommand({ ClientId: app.clientId, Username: nameOf(index), Password: goodPassword, UserAttributes: attributes }))
            : target().client.send(new AdminCreateUserCommand({ UserPoolId: app.userPoolId, Username: nameOf(index), MessageAction: 'SUPPRESS', UserAttributes: attributes }));
        }),
      );
    }
    await Promise.all([...disabled].map((index) => target().client.send(new AdminDisableUserCommand({ UserPoolId: app.userPoolId, Username: nameOf(index) }))));
  }, 120_000);

  /** Every page of a listing. */
  async function listAll(input: { Filter?: string; Limit?: number; AttributesToGet?: string[] } = {}): Promise<{ users: UserType[]; pages: number }> {
    const users: UserType[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await target().client.send(new ListUsersCommand({ UserPoolId: app.userPoolId, ...input, PaginationToken: token }));
      pages++;
      users.push(...(page.Users ?? []));
      token = page.PaginationToken;
    } while (token && pages < 20);
    return { users, pages };
  }
  const usernames = (users: UserType[]): string[] => users.map((user) => user.Username!).sort();

  it('pages through all 120 users, each exactly once', async () => {
    const { users, pages } = await listAll({ Limit: 50 });
    expect(usernames(users)).toEqual(Array.from({ length: userCount }, (_, index) => nameOf(index)));
    expect(pages).toBeGreaterThanOrEqual(3);
    const first = await target().client.send(new ListUsersCommand({ UserPoolId: app.userPoolId }));
    expect(first.Users!.length).toBeGreaterThan(0);
    expect(first.Users!.length).toBeLessThanOrEqual(60);
    expect(first.PaginationToken).toBeDefined();
    expect(first.Users![0]).toMatchObject({ Enabled: expect.any(Boolean), UserStatus: expect.any(String), UserCreateDate: expect.any(Date) });
  });

  it('filters on username: exact and prefix', async () => {
    expect(usernames((await listAll({ Filter: `username = "${nameOf(7)}"` })).users)).toEqual([nameOf(7)]);
    expect(usernames((await listAll({ Filter: `username ^= "${tag}-01"` })).users)).toEqual(Array.from({ length: 10 }, (_, index) => nameOf(10 + index)));
    expect((await listAll({ Filter: `username = "${tag}-01"` })).users).toEqual([]);
  });

  it('filters on email, with or without spaces and a quoted attribute name', async () => {
    expect(usernames((await listAll({ Filter: `email = "${nameOf(42)}@example.com"` })).users)).toEqual([nameOf(42)]);
    expect(usernames((await listAll({ Filter: `"email"^="${tag}-11"` })).users)).toEqual(Array.from({ length: 10 }, (_, index) => nameOf(110 + index)));
  });

  it('filters on given_name across several pages', async () => {
    const { users, pages } = await listAll({ Filter: 'given_name = "Alice"', Limit: 25 });
    expect(users).toHaveLength(60);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(usernames((await listAll({ Filter: 'given_name ^= "Bo"' })).users)).toHaveLength(60);
  });

  it('filters on cognito:user_status (case-insensitive) and status (Enabled / Disabled)', async () => {
    const expectedUnconfirmed = [...unconfirmed].map(nameOf).sort();
    expect(usernames((await listAll({ Filter: 'cognito:user_status = "UNCONFIRMED"' })).users)).toEqual(expectedUnconfirmed);
    expect(usernames((await listAll({ Filter: 'cognito:user_status = "unconfirmed"' })).users)).toEqual(expectedUnconfirmed);
    expect((await listAll({ Filter: 'cognito:user_status = "FORCE_CHANGE_PASSWORD"' })).users).toHaveLength(userCount - unconfirmed.size);
    expect(usernames((await listAll({ Filter: 'status = "Disabled"' })).users)).toEqual([...disabled].map(nameOf).sort());
    expect((await listAll({ Filter: 'status = "Enabled"' })).users).toHaveLength(userCount - disabled.size);
  });

  it('filters on sub', async () => {
    const [someone] = (await listAll({ Filter: `username = "${nameOf(64)}"` })).users;
    const sub = someone!.Attributes!.find((attribute) => attribute.Name === 'sub')!.Value!;
    expect(usernames((await listAll({ Filter: `sub = "${sub}"` })).users)).toEqual([nameOf(64)]);
  });

  it('returns only the attributes asked for with AttributesToGet', async () => {
    const { users } = await listAll({ Filter: `username ^= "${tag}-02"`, AttributesToGet: ['email'] });
    expect(users).toHaveLength(10);
    for (const user of users) {
      const names = user.Attributes!.map((attribute) => attribute.Name);
      expect(names).toContain('email');
      expect(names).not.toContain('given_name');
    }
  });

  it('refuses a filter it cannot parse, and a Limit over 60', async () => {
    await expectCognitoError(
      target().client.send(new ListUsersCommand({ UserPoolId: app.userPoolId, Filter: 'email = unquoted' })),
      'InvalidParameterException',
      'Error while parsing filter.',
    );
    await expectCognitoError(target().client.send(new ListUsersCommand({ UserPoolId: app.userPoolId, Limit: 61 })), 'InvalidParameterException');
  });
});
