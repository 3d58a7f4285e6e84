/**
 * The whole state, or one pool, as a seed document that `import` (or `--seed`) turns back into the same
 * pools, clients, groups and users, with the same ids, subs, secrets and passwords. Passwords travel as
 * the stored argon2 hash and SRP verifier (`credentials`), never as plaintext; signing keys, codes, the
 * outbox and sessions are not exported (a fresh pool gets fresh keys).
 */
import type { SchemaAttributeType } from '@aws-sdk/client-cognito-identity-provider';
import { standardSchema, type UserPoolSettings } from '../domain/user-pool-settings.js';
import type { Store } from '../store/store.js';
import type { UserPoolRecord } from '../store/user-pools.js';
import type { UserRecord } from '../store/users.js';
import { SeedError } from './read-seed.js';
import {
  appClientSettingNames,
  userPoolSettingNames,
  type SeedClient,
  type SeedDocument,
  type SeedGroup,
  type SeedPool,
  type SeedUser,
} from './seed-document.js';

const pageSize = 100;

export function exportSeed(store: Store, options: { poolId?: string | undefined } = {}): SeedDocument {
  let pools: UserPoolRecord[];
  if (options.poolId !== undefined) {
    const pool = store.userPools.find(options.poolId);
    if (!pool) throw new SeedError(`User pool ${options.poolId} does not exist.`);
    pools = [pool];
  } else {
    pools = pages((after) => store.userPools.page(after, pageSize), (pool) => ({ createdAt: pool.createdAt, id: pool.id }));
  }
  return { version: 1, pools: pools.map((pool) => exportPool(store, pool)) };
}

function exportPool(store: Store, pool: UserPoolRecord): SeedPool {
  const clients = pages((after) => store.appClients.page(pool.id, after, pageSize), (client) => ({ createdAt: client.createdAt, id: client.id }));
  const groups = pages((after) => store.groups.page(pool.id, after, pageSize), (group) => ({ createdAt: group.createdAt, id: group.name }));
  const users: UserRecord[] = [];
  for (let after = 0; ; ) {
    const ids = store.userSearch.ids(pool.id, undefined, after, pageSize);
    for (const id of ids) {
      const user = store.users.findById(id);
      if (user) users.push(user);
    }
    if (ids.length < pageSize) break;
    after = ids.at(-1)!;
  }
  return {
    id: pool.id,
    name: pool.name,
    settings: requestFromPoolSettings(pool.settings),
    clients: clients.map(
      (client): SeedClient => ({
        id: client.id,
        name: client.name,
        ...(client.secret !== undefined && { secret: client.secret }),
        settings: pick(client.settings as Record<string, unknown>, appClientSettingNames),
      }),
    ),
    groups: groups.map(
      (group): SeedGroup => ({
        name: group.name,
        ...(group.description !== undefined && { description: group.description }),
        ...(group.precedence !== undefined && { precedence: group.precedence }),
        ...(group.roleArn !== undefined && { roleArn: group.roleArn }),
      }),
    ),
    users: users.flatMap((user) => exportUser(store, pool, user)),
  };
}

function exportUser(store: Store, pool: UserPoolRecord, user: UserRecord): SeedUser[] {
  if (user.status === 'EXTERNAL_PROVIDER' || user.passwordHash === undefined) return []; // nothing a seed can express
  // In email/phone-as-username pools the seed names the user by the address; the internal name is the sub.
  const nameAttribute = (pool.settings.UsernameAttributes ?? []).find((kind) => user.username === user.sub && user.attributes[kind]);
  const groups = store.groups.allForUser(user.id).map((group) => group.name);
  return [
    {
      username: nameAttribute ? user.attributes[nameAttribute]! : user.username,
      sub: user.sub,
      status: user.status as NonNullable<SeedUser['status']>,
      enabled: user.enabled,
      attributes: { ...user.attributes },
      ...(groups.length > 0 && { groups }),
      credentials: {
        passwordHash: user.passwordHash,
        ...(user.srpSalt !== undefined && { srpSalt: user.srpSalt }),
        ...(user.srpVerifier !== undefined && { srpVerifier: user.srpVerifier }),
      },
    },
  ];
}

/** Stored settings back in CreateUserPool form: the Schema lists only what differs from the standard one. */
function requestFromPoolSettings(settings: UserPoolSettings): Record<string, unknown> {
  const request = pick(settings as Record<string, unknown>, userPoolSettingNames);
  const standard = new Map(standardSchema.map((attribute) => [attribute.Name, attribute]));
  const schema: SchemaAttributeType[] = [];
  for (const attribute of settings.SchemaAttributes ?? []) {
    const name = attribute.Name ?? '';
    const base = standard.get(name);
    if (base) {
      if (JSON.stringify(base) !== JSON.stringify(attribute)) schema.push(attribute);
      continue;
    }
    schema.push({ ...attribute, Name: name.replace(/^(dev:)?custom:/, '') });
  }
  if (schema.length > 0) request.Schema = schema;
  return request;
}

function pick(source: Record<string, unknown>, names: ReadonlySet<string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(source).filter(([key, value]) => names.has(key) && value !== undefined));
}

function pages<T>(page: (after: { createdAt: number; id: string } | undefined) => T[], position: (item: T) => { createdAt: number; id: string }): T[] {
  const all: T[] = [];
  for (let after: { createdAt: number; id: string } | undefined; ; ) {
    const items = page(after);
    all.push(...items);
    if (items.length < pageSize) return all;
    after = position(items.at(-1)!);
  }
}
