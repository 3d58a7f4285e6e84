/**
 * Applying a seed document: creates what it names, and updates what it names when the entry changed.
 *
 * Idempotent by fingerprint: each entry (a pool's own fields, a client, a group, a user) is remembered
 * by an HMAC of its text under the pool's server secret (store/seed-entries.ts). A restart with the same
 * seed finds every fingerprint unchanged and writes nothing, so what the app did at run time (a changed
 * password, a disabled user) survives. An edited entry is applied again, as a whole. `force` (import)
 * applies every entry. Pools, clients, groups and users the seed does not name are never touched.
 *
 * Slow work (RSA keys, password hashes and SRP verifiers) happens first; then one transaction writes the
 * whole seed, so a seed lands completely or not at all.
 */
import { createHmac } from 'node:crypto';
import { claimAliases, findUserBySignInName, usernameAttributeFor, usernameKey } from '../domain/sign-in-names.js';
import { newAppClientSecret, newServerSecret, newSub } from '../domain/ids.js';
import { isUsernameCaseSensitive, type UserPoolSettings } from '../domain/user-pool-settings.js';
import { createCredentials, type PasswordCredentials } from '../passwords/credentials.js';
import type { Services } from '../protocol/operation.js';
import { isUniquenessViolation } from '../store/store.js';
import type { SigningKeyRecord } from '../store/signing-keys.js';
import type { UserPoolRecord } from '../store/user-pools.js';
import type { UserRecord } from '../store/users.js';
import { createPoolSigningKeys } from '../tokens/key-ring.js';
import { appClientSettingsOf, attributeStrings, SeedError, userPoolSettingsOf } from './read-seed.js';
import type { SeedDocument, SeededPool, SeedPool, SeedUser } from './seed-document.js';

export interface ApplySeedOptions {
  /** Apply every entry, changed or not (import). */
  readonly force?: boolean;
}

interface PreparedPool {
  readonly seed: SeedPool;
  readonly settings: UserPoolSettings;
  readonly existing: UserPoolRecord | undefined;
  readonly record: UserPoolRecord;
  readonly signingKeys: SigningKeyRecord[];
  readonly users: PreparedUser[];
}

interface PreparedUser {
  readonly seed: SeedUser;
  readonly fingerprint: string;
  readonly existing: UserRecord | undefined;
  /** The internal username: the sub in email/phone-as-username pools. */
  readonly username: string;
  readonly sub: string;
  readonly nameAttribute: 'email' | 'phone_number' | undefined;
  readonly credentials: PasswordCredentials | { passwordHash: string; srpSalt: string | undefined; srpVerifier: string | undefined };
}

export async function applySeed(services: Services, document: SeedDocument, options: ApplySeedOptions = {}): Promise<SeededPool[]> {
  const now = services.clock.now();
  const prepared: PreparedPool[] = [];
  for (const seed of document.pools) prepared.push(await preparePool(services, seed, options, now));
  try {
    return services.store.transaction(() => prepared.map((pool) => writePool(services, pool, options, now)));
  } catch (error) {
    if (isUniquenessViolation(error)) throw new SeedError(`the seed clashes with existing data: ${(error as Error).message}`);
    throw error;
  }
}

async function preparePool(services: Services, seed: SeedPool, options: ApplySeedOptions, now: number): Promise<PreparedPool> {
  const settings = userPoolSettingsOf(seed);
  const existing = services.store.userPools.find(seed.id);
  if (existing) {
    // Cognito fixes these at creation; changing them would orphan the sign-in names already stored.
    const fixed = (s: UserPoolSettings) => JSON.stringify([[...(s.UsernameAttributes ?? [])].sort(), isUsernameCaseSensitive(s)]);
    if (fixed(existing.settings) !== fixed(settings)) {
      throw new SeedError(
        `pool ${seed.id}: UsernameAttributes and UsernameConfiguration cannot change once the pool exists (as in Cognito); delete the data file or the pool to apply them`,
      );
    }
  }
  const record: UserPoolRecord = existing
    ? { ...existing, name: seed.name, settings, updatedAt: now }
    : { id: seed.id, name: seed.name, settings, serverSecret: newServerSecret(), createdAt: now, updatedAt: now };
  const signingKeys = existing ? [] : await createPoolSigningKeys(seed.id, now);
  const users: PreparedUser[] = [];
  for (const user of seed.users ?? []) {
    const fingerprint = fingerprintOf(record, user);
    const found = existing && findUserBySignInName(services.store, existing, user.username);
    if (found && !options.force && services.store.seedEntries.fingerprint(userEntry(seed.id, user.username)) === fingerprint) continue;
    const nameAttribute = usernameAttributeFor(record, user.username);
    const sub = found?.sub ?? user.sub ?? newSub();
    const username = found?.username ?? (nameAttribute ? sub : user.username);
    const credentials = user.password !== undefined
      ? await createCredentials(services.passwords, seed.id, username, user.password)
      : { passwordHash: user.credentials!.passwordHash, srpSalt: user.credentials!.srpSalt, srpVerifier: user.credentials!.srpVerifier };
    users.push({ seed: user, fingerprint, existing: found, username, sub, nameAttribute, credentials });
  }
  return { seed, settings, existing, record, signingKeys, users };
}

function writePool(services: Services, pool: PreparedPool, options: ApplySeedOptions, now: number): SeededPool {
  const { store } = services;
  const { seed, record } = pool;
  const changed = (entry: string, fingerprint: string): boolean => options.force || store.seedEntries.fingerprint(entry) !== fingerprint;
  const remember = (entry: string, fingerprint: string): void => store.seedEntries.record(entry, seed.id, fingerprint, now);

  const { clients: _clients, groups: _groups, users: _users, ...poolFields } = seed;
  const poolFingerprint = fingerprintOf(record, poolFields);
  if (!pool.existing) {
    store.userPools.insert(record);
    for (const key of pool.signingKeys) store.signingKeys.insert(key);
    remember(`pool:${seed.id}`, poolFingerprint);
  } else if (changed(`pool:${seed.id}`, poolFingerprint)) {
    store.userPools.update(record);
    remember(`pool:${seed.id}`, poolFingerprint);
  }

  const clients = (seed.clients ?? []).map((client) => {
    const entry = `client:${client.id}`;
    const fingerprint = fingerprintOf(record, client);
    const existing = store.appClients.find(client.id);
    if (existing && existing.userPoolId !== seed.id) {
      throw new SeedError(`client ${client.id} already belongs to pool ${existing.userPoolId}, not ${seed.id}`);
    }
    if (!existing || changed(entry, fingerprint)) {
      const settings = appClientSettingsOf(client.settings);
      const secret = client.secret ?? (client.generateSecret ? (existing?.secret ?? newAppClientSecret()) : undefined);
      if (existing) {
        store.appClients.update({ id: client.id, name: client.name, settings, updatedAt: now });
        if (existing.secret !== secret) store.appClients.setSecret(client.id, secret, now);
      } else {
        store.appClients.insert({ id: client.id, userPoolId: seed.id, name: client.name, secret, settings, createdAt: now, updatedAt: now });
      }
      remember(entry, fingerprint);
    }
    return { id: client.id, name: client.name, secret: store.appClients.find(client.id)?.secret };
  });

  for (const group of seed.groups ?? []) {
    const entry = `group:${seed.id}:${group.name}`;
    const fingerprint = fingerprintOf(record, group);
    const existing = store.groups.find(seed.id, group.name);
    if (existing && !changed(entry, fingerprint)) continue;
    const next = {
      userPoolId: seed.id,
      name: group.name,
      description: group.description,
      roleArn: group.roleArn,
      precedence: group.precedence,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    if (existing) store.groups.update(next);
    else store.groups.insert(next);
    remember(entry, fingerprint);
  }

  for (const user of pool.users) {
    writeUser(services, record, user, now);
    remember(userEntry(seed.id, user.seed.username), user.fingerprint);
  }

  return {
    id: seed.id,
    name: seed.name,
    clients,
    groups: (seed.groups ?? []).map((group) => group.name),
    users: (seed.users ?? []).map((user) => user.username),
  };
}

function writeUser(services: Services, pool: UserPoolRecord, prepared: PreparedUser, now: number): void {
  const { store } = services;
  const { seed, existing, credentials } = prepared;
  const status = seed.status ?? 'CONFIRMED';
  const attributes: Record<string, string> = { ...(existing?.attributes ?? {}) };
  for (const [name, value] of Object.entries(attributeStrings(seed))) {
    if (value === '') delete attributes[name];
    else attributes[name] = value;
  }
  if (prepared.nameAttribute) attributes[prepared.nameAttribute] = seed.username;

  let user: UserRecord;
  if (existing) {
    // Aliases follow the attributes: a changed alias value stops working before the new one is claimed.
    for (const kind of pool.settings.AliasAttributes ?? []) {
      const before = existing.attributes[kind];
      if (before && before !== attributes[kind]) {
        const holder = store.users.findByAlias(pool.id, kind, usernameKey(pool, before));
        if (holder?.id === existing.id) store.users.removeAlias(pool.id, kind, usernameKey(pool, before));
      }
    }
    store.users.setAttributes(existing.id, attributes, now);
    // Imported credentials of a user made before SRP verifiers existed lack them; NULL is what such a user has.
    store.users.setPassword(existing.id, credentials as PasswordCredentials, status, now);
    store.users.setEnabled(existing.id, seed.enabled ?? true, now);
    user = store.users.findById(existing.id)!;
  } else {
    user = store.users.insert(
      {
        userPoolId: pool.id,
        username: prepared.username,
        usernameKey: usernameKey(pool, prepared.username),
        sub: prepared.sub,
        status,
        enabled: seed.enabled ?? true,
        attributes,
        passwordHash: credentials.passwordHash,
        srpSalt: credentials.srpSalt,
        srpVerifier: credentials.srpVerifier,
        passwordChangedAt: now,
        tokensValidAfter: 0,
        createdAt: now,
        updatedAt: now,
      },
      prepared.nameAttribute ? [{ kind: prepared.nameAttribute, valueKey: usernameKey(pool, seed.username) }] : [],
    );
  }
  if (status !== 'UNCONFIRMED') {
    try {
      claimAliases(store, pool, user, attributes, false);
    } catch (error) {
      throw new SeedError(`pool ${pool.id}, user ${seed.username}: ${(error as Error).message}`);
    }
  }
  if (seed.groups) {
    const wanted = new Set(seed.groups);
    for (const name of wanted) {
      if (!store.groups.find(pool.id, name)) throw new SeedError(`pool ${pool.id}, user ${seed.username}: group ${name} does not exist (declare it in the pool's groups)`);
      store.groups.addMember(pool.id, name, user.id, now);
    }
    for (const group of store.groups.allForUser(user.id)) {
      if (!wanted.has(group.name)) store.groups.removeMember(pool.id, group.name, user.id);
    }
  }
}

const userEntry = (userPoolId: string, username: string): string => `user:${userPoolId}:${username}`;

/** HMAC of the entry's canonical JSON under the pool's server secret: no password is kept in readable form. */
function fingerprintOf(pool: UserPoolRecord, entry: unknown): string {
  return createHmac('sha256', pool.serverSecret).update(canonicalJson(entry)).digest('base64url');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

