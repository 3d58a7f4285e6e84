import { openDatabase, type SqliteDatabase } from './database.js';
import { UserPoolTable } from './user-pools.js';
import { SigningKeyTable } from './signing-keys.js';
import { AppClientTable } from './app-clients.js';
import { UserTable } from './users.js';
import { CodeTable } from './codes.js';
import { MessageTable } from './messages.js';
import { RefreshTokenTable } from './refresh-tokens.js';
import { AuthSessionTable } from './auth-sessions.js';
import { GroupTable } from './groups.js';
import { RevokedOriginTable } from './revoked-origins.js';
import { SignInFailureTable } from './sign-in-failures.js';
import { UserSearch } from './user-search.js';
import { SeedEntryTable } from './seed-entries.js';

/** All persistent state, one table object per SQL table; `transaction` groups writes atomically. */
export class Store {
  readonly userPools: UserPoolTable;
  readonly signingKeys: SigningKeyTable;
  readonly appClients: AppClientTable;
  readonly users: UserTable;
  readonly codes: CodeTable;
  readonly messages: MessageTable;
  readonly refreshTokens: RefreshTokenTable;
  readonly authSessions: AuthSessionTable;
  readonly groups: GroupTable;
  readonly revokedOrigins: RevokedOriginTable;
  readonly signInFailures: SignInFailureTable;
  readonly userSearch: UserSearch;
  readonly seedEntries: SeedEntryTable;

  private constructor(private readonly db: SqliteDatabase) {
    this.userPools = new UserPoolTable(db);
    this.signingKeys = new SigningKeyTable(db);
    this.appClients = new AppClientTable(db);
    this.users = new UserTable(db);
    this.codes = new CodeTable(db);
    this.messages = new MessageTable(db);
    this.refreshTokens = new RefreshTokenTable(db);
    this.authSessions = new AuthSessionTable(db);
    this.groups = new GroupTable(db);
    this.revokedOrigins = new RevokedOriginTable(db);
    this.signInFailures = new SignInFailureTable(db);
    this.userSearch = new UserSearch(db);
    this.seedEntries = new SeedEntryTable(db);
  }

  static open(path: string): Store {
    return new Store(openDatabase(path));
  }

  /** Runs `work` as one SQLite transaction: all of its writes land, or none do. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/** True when `error` is SQLite refusing a write because a UNIQUE or PRIMARY KEY constraint already holds the value. */
export function isUniquenessViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
