/**
 * Opens the SQLite database (a file, or ':memory:'), applies pragmas and migrations.
 * Every write in the emulator is one synchronous better-sqlite3 transaction, so a crash never leaves
 * half a user behind, and uniqueness is enforced by constraints rather than read-then-write checks.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type SqliteDatabase = Database.Database;

const migrations: readonly string[] = [
  `
  CREATE TABLE user_pools (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    settings TEXT NOT NULL,
    server_secret BLOB NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX user_pools_by_creation ON user_pools(created_at, id);

  CREATE TABLE signing_keys (
    kid TEXT PRIMARY KEY,
    user_pool_id TEXT NOT NULL REFERENCES user_pools(id) ON DELETE CASCADE,
    token_use TEXT NOT NULL CHECK (token_use IN ('id', 'access')),
    private_jwk TEXT NOT NULL,
    public_jwk TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX signing_keys_by_pool ON signing_keys(user_pool_id);

  CREATE TABLE app_clients (
    id TEXT PRIMARY KEY,
    user_pool_id TEXT NOT NULL REFERENCES user_pools(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    secret TEXT,
    settings TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX app_clients_by_pool ON app_clients(user_pool_id, created_at, id);

  CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    user_pool_id TEXT NOT NULL REFERENCES user_pools(id) ON DELETE CASCADE,
    username TEXT NOT NULL,
    username_key TEXT NOT NULL,
    sub TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL,
    enabled INTEGER NOT NULL DEFAULT 1,
    attributes TEXT NOT NULL,
    password_hash TEXT,
    srp_salt TEXT,
    srp_verifier TEXT,
    password_changed_at INTEGER,
    tokens_valid_after INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (user_pool_id, username_key)
  );

  -- Sign-in names other than the username (email in email-as-username pools, verified aliases).
  CREATE TABLE user_aliases (
    user_pool_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    value_key TEXT NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    PRIMARY KEY (user_pool_id, kind, value_key)
  );
  CREATE INDEX user_aliases_by_user ON user_aliases(user_id);

  -- The one live code per user and purpose; a new code replaces the old one.
  CREATE TABLE codes (
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    purpose TEXT NOT NULL,
    code TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, purpose)
  );

  -- The outbox: what Cognito would have emailed or texted.
  CREATE TABLE messages (
    id INTEGER PRIMARY KEY,
    user_pool_id TEXT NOT NULL REFERENCES user_pools(id) ON DELETE CASCADE,
    username TEXT NOT NULL,
    destination TEXT NOT NULL,
    delivery_medium TEXT NOT NULL,
    kind TEXT NOT NULL,
    code TEXT,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX messages_by_pool ON messages(user_pool_id, id);

  CREATE TABLE refresh_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    client_id TEXT NOT NULL REFERENCES app_clients(id) ON DELETE CASCADE,
    origin_jti TEXT NOT NULL,
    auth_time INTEGER NOT NULL,
    issued_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    revoked_at INTEGER
  );
  CREATE INDEX refresh_tokens_by_user ON refresh_tokens(user_id);
  CREATE INDEX refresh_tokens_by_client ON refresh_tokens(client_id);
  `,
];

export function openDatabase(path: string): SqliteDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  if (path !== ':memory:') {
    db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode keeps the database consistent after a crash; a power loss may drop the last
    // transactions. FULL makes every acknowledged write survive power loss too, which is what we promise.
    db.pragma('synchronous = FULL');
  }
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

function migrate(db: SqliteDatabase): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(`The data file was written by a newer cognito-emulator (schema ${current}); this one knows ${migrations.length}.`);
  }
  for (let version = current; version < migrations.length; version++) {
    db.transaction(() => {
      db.exec(migrations[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
