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
  `
  -- Sessions of multi-step sign-ins (NEW_PASSWORD_REQUIRED, ...): found by the SHA-256 of the opaque
  -- Session value, deleted when answered (single use), refused after expires_at.
  CREATE TABLE auth_sessions (
    session_hash TEXT PRIMARY KEY,
    user_pool_id TEXT NOT NULL REFERENCES user_pools(id) ON DELETE CASCADE,
    client_id TEXT NOT NULL REFERENCES app_clients(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    challenge_name TEXT NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX auth_sessions_by_expiry ON auth_sessions(expires_at);

  -- PASSWORD_VERIFIER SECRET_BLOCKs carry their own state; each one is recorded here once answered, so
  -- a proof cannot be replayed while the block is still fresh.
  CREATE TABLE used_srp_challenges (
    challenge_id TEXT PRIMARY KEY,
    user_pool_id TEXT NOT NULL REFERENCES user_pools(id) ON DELETE CASCADE,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX used_srp_challenges_by_expiry ON used_srp_challenges(expires_at);
  `,
  `
  -- Account lifecycle, groups, revocation and lockout (issue 4).

  -- ListUsers: every searchable attribute has an index, so filters never scan a pool (store/user-search.ts
  -- must use these exact expressions). Rowids ride along in each index, so ORDER BY id stays cheap.
  CREATE INDEX users_by_pool ON users(user_pool_id);
  CREATE INDEX users_by_pool_status ON users(user_pool_id, status);
  CREATE INDEX users_by_pool_enabled ON users(user_pool_id, enabled);
  CREATE INDEX users_by_email ON users(user_pool_id, json_extract(attributes, '$.email'));
  CREATE INDEX users_by_phone_number ON users(user_pool_id, json_extract(attributes, '$.phone_number'));
  CREATE INDEX users_by_name ON users(user_pool_id, json_extract(attributes, '$.name'));
  CREATE INDEX users_by_given_name ON users(user_pool_id, json_extract(attributes, '$.given_name'));
  CREATE INDEX users_by_family_name ON users(user_pool_id, json_extract(attributes, '$.family_name'));
  CREATE INDEX users_by_preferred_username ON users(user_pool_id, json_extract(attributes, '$.preferred_username'));

  CREATE TABLE groups (
    user_pool_id TEXT NOT NULL REFERENCES user_pools(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    description TEXT,
    role_arn TEXT,
    precedence INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (user_pool_id, name)
  );
  CREATE INDEX groups_by_creation ON groups(user_pool_id, created_at, name);

  CREATE TABLE group_members (
    user_pool_id TEXT NOT NULL,
    group_name TEXT NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    added_at INTEGER NOT NULL,
    PRIMARY KEY (user_pool_id, group_name, user_id),
    FOREIGN KEY (user_pool_id, group_name) REFERENCES groups(user_pool_id, name) ON DELETE CASCADE
  );
  CREATE INDEX group_members_by_user ON group_members(user_id);

  -- Sign-ins (origin_jti) revoked by RevokeToken, GlobalSignOut, AdminUserGlobalSignOut or AdminDisableUser:
  -- their refresh tokens and the access tokens sharing the origin_jti are refused from then on.
  CREATE TABLE revoked_origins (
    origin_jti TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    revoked_at INTEGER NOT NULL
  );
  CREATE INDEX revoked_origins_by_user ON revoked_origins(user_id);
  CREATE INDEX refresh_tokens_by_origin ON refresh_tokens(origin_jti);

  -- Consecutive wrong passwords and the temporary lockout they earn (domain/sign-in-lockout.ts).
  CREATE TABLE sign_in_failures (
    user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    failures INTEGER NOT NULL,
    last_failure_at INTEGER NOT NULL,
    locked_until INTEGER NOT NULL
  );
  `,
  `
  -- Declarative seeds (issue 6): the fingerprint of each seed entry as last applied, so a restart with the
  -- same seed changes nothing and an edited entry is applied again (seed/apply-seed.ts).
  CREATE TABLE seed_entries (
    entry TEXT PRIMARY KEY,
    user_pool_id TEXT NOT NULL REFERENCES user_pools(id) ON DELETE CASCADE,
    fingerprint TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  );
  CREATE INDEX seed_entries_by_pool ON seed_entries(user_pool_id);
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
