import type { SqliteDatabase } from './database.js';
import type { UserPoolSettings } from '../domain/user-pool-settings.js';

export interface UserPoolRecord {
  readonly id: string;
  readonly name: string;
  readonly settings: UserPoolSettings;
  /** 32 random bytes that seal this pool's opaque server state (refresh tokens, SRP secret blocks, sessions). */
  readonly serverSecret: Buffer;
  readonly createdAt: number;
  readonly updatedAt: number;
}

interface Row {
  id: string;
  name: string;
  settings: string;
  server_secret: Buffer;
  created_at: number;
  updated_at: number;
}

/**
 * Parsed settings by their JSON text. Nearly every request reads its pool, and parsing ~4 KB of settings
 * each time was a tenth of GetUser's cost. Keyed by the text itself, so an update can never serve stale
 * settings; frozen, because the object is shared (build new settings with a spread, never mutate them).
 */
const parsedSettings = new Map<string, UserPoolSettings>();

function settingsFrom(json: string): UserPoolSettings {
  let settings = parsedSettings.get(json);
  if (!settings) {
    settings = deepFreeze(JSON.parse(json) as UserPoolSettings);
    if (parsedSettings.size >= 256) parsedSettings.clear();
    parsedSettings.set(json, settings);
  }
  return settings;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const fromRow = (row: Row): UserPoolRecord => ({
  id: row.id,
  name: row.name,
  settings: settingsFrom(row.settings),
  serverSecret: row.server_secret,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export class UserPoolTable {
  private readonly insertStatement;
  private readonly findStatement;
  private readonly pageStatement;
  private readonly deleteStatement;
  private readonly countUsersStatement;
  private readonly updateStatement;
  private readonly allIdsStatement;

  constructor(db: SqliteDatabase) {
    this.insertStatement = db.prepare<[string, string, string, Buffer, number, number]>(
      'INSERT INTO user_pools (id, name, settings, server_secret, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.findStatement = db.prepare<[string], Row>('SELECT * FROM user_pools WHERE id = ?');
    this.pageStatement = db.prepare<[{ after: number; createdAt: number; id: string; limit: number }], Row>(
      'SELECT * FROM user_pools WHERE @after = 0 OR (created_at, id) > (@createdAt, @id) ORDER BY created_at, id LIMIT @limit',
    );
    this.deleteStatement = db.prepare<[string]>('DELETE FROM user_pools WHERE id = ?');
    this.countUsersStatement = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM users WHERE user_pool_id = ?');
    this.updateStatement = db.prepare<[string, string, number, string]>('UPDATE user_pools SET name = ?, settings = ?, updated_at = ? WHERE id = ?');
    this.allIdsStatement = db.prepare<[], { id: string }>('SELECT id FROM user_pools');
  }

  insert(pool: UserPoolRecord): void {
    this.insertStatement.run(pool.id, pool.name, JSON.stringify(pool.settings), pool.serverSecret, pool.createdAt, pool.updatedAt);
  }

  find(id: string): UserPoolRecord | undefined {
    const row = this.findStatement.get(id);
    return row && fromRow(row);
  }

  /** Pools in creation order, after the (createdAt, id) position `after` when given. */
  page(after: { createdAt: number; id: string } | undefined, limit: number): UserPoolRecord[] {
    return this.pageStatement.all({ after: after ? 1 : 0, createdAt: after?.createdAt ?? 0, id: after?.id ?? '', limit }).map(fromRow);
  }

  delete(id: string): boolean {
    return this.deleteStatement.run(id).changes > 0;
  }

  /** Stores new settings (UpdateUserPool, AddCustomAttributes). */
  update(pool: Pick<UserPoolRecord, 'id' | 'name' | 'settings' | 'updatedAt'>): void {
    this.updateStatement.run(pool.name, JSON.stringify(pool.settings), pool.updatedAt, pool.id);
  }

  allIds(): string[] {
    return this.allIdsStatement.all().map((row) => row.id);
  }

  countUsers(id: string): number {
    return this.countUsersStatement.get(id)?.n ?? 0;
  }
}
