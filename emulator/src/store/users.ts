import type { SqliteDatabase } from './database.js';

export type UserStatus = 'UNCONFIRMED' | 'CONFIRMED' | 'FORCE_CHANGE_PASSWORD' | 'RESET_REQUIRED' | 'EXTERNAL_PROVIDER';

export interface UserRecord {
  readonly id: number;
  readonly userPoolId: string;
  /** The Cognito username as stored (original case). */
  readonly username: string;
  readonly sub: string;
  readonly status: UserStatus;
  readonly enabled: boolean;
  /** Every attribute but `sub`, values as Cognito sends them (strings). */
  readonly attributes: Readonly<Record<string, string>>;
  readonly passwordHash: string | undefined;
  readonly srpSalt: string | undefined;
  readonly srpVerifier: string | undefined;
  readonly passwordChangedAt: number | undefined;
  /** Access tokens issued before this instant (ms) are refused: global sign-out. */
  readonly tokensValidAfter: number;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export type NewUser = Omit<UserRecord, 'id'> & { readonly usernameKey: string };

interface Row {
  id: number;
  user_pool_id: string;
  username: string;
  sub: string;
  status: UserStatus;
  enabled: number;
  attributes: string;
  password_hash: string | null;
  srp_salt: string | null;
  srp_verifier: string | null;
  password_changed_at: number | null;
  tokens_valid_after: number;
  created_at: number;
  updated_at: number;
}

const fromRow = (row: Row): UserRecord => ({
  id: row.id,
  userPoolId: row.user_pool_id,
  username: row.username,
  sub: row.sub,
  status: row.status,
  enabled: row.enabled === 1,
  attributes: JSON.parse(row.attributes) as Record<string, string>,
  passwordHash: row.password_hash ?? undefined,
  srpSalt: row.srp_salt ?? undefined,
  srpVerifier: row.srp_verifier ?? undefined,
  passwordChangedAt: row.password_changed_at ?? undefined,
  tokensValidAfter: row.tokens_valid_after,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export class UserTable {
  private readonly insertStatement;
  private readonly byUsernameKeyStatement;
  private readonly byAliasStatement;
  private readonly bySubStatement;
  private readonly byIdStatement;
  private readonly updateStatusStatement;
  private readonly updateAttributesStatement;
  private readonly insertAliasStatement;
  private readonly setPasswordStatement;
  private readonly deleteAliasStatement;

  constructor(private readonly db: SqliteDatabase) {
    this.insertStatement = db.prepare(
      `INSERT INTO users (user_pool_id, username, username_key, sub, status, enabled, attributes, password_hash, srp_salt,
         srp_verifier, password_changed_at, tokens_valid_after, created_at, updated_at)
       VALUES (@userPoolId, @username, @usernameKey, @sub, @status, @enabled, @attributes, @passwordHash, @srpSalt,
         @srpVerifier, @passwordChangedAt, @tokensValidAfter, @createdAt, @updatedAt)`,
    );
    this.byUsernameKeyStatement = db.prepare<[string, string], Row>('SELECT * FROM users WHERE user_pool_id = ? AND username_key = ?');
    this.byAliasStatement = db.prepare<[string, string, string], Row>(
      `SELECT users.* FROM user_aliases JOIN users ON users.id = user_aliases.user_id
       WHERE user_aliases.user_pool_id = ? AND user_aliases.kind = ? AND user_aliases.value_key = ?`,
    );
    this.bySubStatement = db.prepare<[string, string], Row>('SELECT * FROM users WHERE user_pool_id = ? AND sub = ?');
    this.byIdStatement = db.prepare<[number], Row>('SELECT * FROM users WHERE id = ?');
    this.updateStatusStatement = db.prepare<[string, string, number, number]>(
      'UPDATE users SET status = ?, attributes = ?, updated_at = ? WHERE id = ?',
    );
    this.updateAttributesStatement = db.prepare<[string, number, number]>('UPDATE users SET attributes = ?, updated_at = ? WHERE id = ?');
    this.setPasswordStatement = db.prepare(
      `UPDATE users SET password_hash = @passwordHash, srp_salt = @srpSalt, srp_verifier = @srpVerifier, status = @status,
         password_changed_at = @now, updated_at = @now WHERE id = @id`,
    );
    this.insertAliasStatement = db.prepare<[string, string, string, number]>(
      'INSERT INTO user_aliases (user_pool_id, kind, value_key, user_id) VALUES (?, ?, ?, ?)',
    );
    this.deleteAliasStatement = db.prepare<[string, string, string]>(
      'DELETE FROM user_aliases WHERE user_pool_id = ? AND kind = ? AND value_key = ?',
    );
  }

  /** Inserts the user; throws SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY when the username or an alias is taken. */
  insert(user: NewUser, aliases: ReadonlyArray<{ kind: string; valueKey: string }>): UserRecord {
    const result = this.insertStatement.run({
      ...user,
      enabled: user.enabled ? 1 : 0,
      attributes: JSON.stringify(user.attributes),
      passwordHash: user.passwordHash ?? null,
      srpSalt: user.srpSalt ?? null,
      srpVerifier: user.srpVerifier ?? null,
      passwordChangedAt: user.passwordChangedAt ?? null,
    });
    const id = Number(result.lastInsertRowid);
    for (const alias of aliases) this.insertAliasStatement.run(user.userPoolId, alias.kind, alias.valueKey, id);
    const { usernameKey: _usernameKey, ...record } = user;
    return { ...record, id };
  }

  findByUsernameKey(userPoolId: string, usernameKey: string): UserRecord | undefined {
    const row = this.byUsernameKeyStatement.get(userPoolId, usernameKey);
    return row && fromRow(row);
  }

  findByAlias(userPoolId: string, kind: string, valueKey: string): UserRecord | undefined {
    const row = this.byAliasStatement.get(userPoolId, kind, valueKey);
    return row && fromRow(row);
  }

  /** Makes `valueKey` a sign-in name of the user; throws a uniqueness violation when another user holds it. */
  addAlias(user: UserRecord, kind: string, valueKey: string): void {
    this.insertAliasStatement.run(user.userPoolId, kind, valueKey, user.id);
  }

  removeAlias(userPoolId: string, kind: string, valueKey: string): void {
    this.deleteAliasStatement.run(userPoolId, kind, valueKey);
  }

  findBySub(userPoolId: string, sub: string): UserRecord | undefined {
    const row = this.bySubStatement.get(userPoolId, sub);
    return row && fromRow(row);
  }

  findById(id: number): UserRecord | undefined {
    const row = this.byIdStatement.get(id);
    return row && fromRow(row);
  }

  setStatus(id: number, status: UserStatus, attributes: Readonly<Record<string, string>>, now: number): void {
    this.updateStatusStatement.run(status, JSON.stringify(attributes), now, id);
  }

  /** Stores a new password (argon2 hash and SRP salt + verifier, see passwords/credentials.ts) and the status it leads to. */
  setPassword(
    id: number,
    credentials: { readonly passwordHash: string; readonly srpSalt: string; readonly srpVerifier: string },
    status: UserStatus,
    now: number,
  ): void {
    this.setPasswordStatement.run({ id, now, status, passwordHash: credentials.passwordHash, srpSalt: credentials.srpSalt, srpVerifier: credentials.srpVerifier });
  }

  setAttributes(id: number, attributes: Readonly<Record<string, string>>, now: number): void {
    this.updateAttributesStatement.run(JSON.stringify(attributes), now, id);
  }

  // Account lifecycle (issue 4): deleting, enabling and disabling, global sign-out.
  private lifecycleStatements?: ReturnType<typeof prepareLifecycleStatements>;
  private get lifecycle() {
    return (this.lifecycleStatements ??= prepareLifecycleStatements(this.db));
  }

  /** Deletes the user with everything hanging off them (aliases, codes, tokens, memberships cascade). */
  delete(id: number): boolean {
    return this.lifecycle.delete.run(id).changes > 0;
  }

  /** Deletes every user of the pool (the pool, its clients and groups stay). */
  deleteAllInPool(userPoolId: string): number {
    return this.lifecycle.deleteAllInPool.run(userPoolId).changes;
  }

  setEnabled(id: number, enabled: boolean, now: number): void {
    this.lifecycle.setEnabled.run(enabled ? 1 : 0, now, id);
  }

  /** Tokens issued before `at` (epoch ms) are refused from now on; an earlier cut-off never moves back. */
  setTokensValidAfter(id: number, at: number): void {
    this.lifecycle.setTokensValidAfter.run({ at, id });
  }
}

function prepareLifecycleStatements(db: SqliteDatabase) {
  return {
    delete: db.prepare<[number]>('DELETE FROM users WHERE id = ?'),
    deleteAllInPool: db.prepare<[string]>('DELETE FROM users WHERE user_pool_id = ?'),
    setEnabled: db.prepare<[number, number, number]>('UPDATE users SET enabled = ?, updated_at = ? WHERE id = ?'),
    setTokensValidAfter: db.prepare<[{ at: number; id: number }]>(
      'UPDATE users SET tokens_valid_after = max(tokens_valid_after, @at) WHERE id = @id',
    ),
  };
}
