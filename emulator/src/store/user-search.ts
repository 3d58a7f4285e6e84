/**
 * ListUsers queries over the users table. Each searchable field maps to an indexed column or expression
 * (see the issue-4 migration in database.ts) and every query is an index seek that reads only as far as
 * the page needs, however selective or broad the filter:
 * - no filter, or an exact match: the pool's (matching) users in id order, paged by id;
 * - a prefix match: in (value, id) order, the order of the index; a page continues with the rest of the
 *   last value's run (an exact seek) and then the values after it (a range seek).
 */
import type { SqliteDatabase } from './database.js';
import type { UserStatus } from './users.js';

/** A searchable field and the SQL it reads; attribute expressions must equal the indexed ones exactly. */
const columns = {
  username: 'username_key',
  email: "json_extract(attributes, '$.email')",
  phone_number: "json_extract(attributes, '$.phone_number')",
  name: "json_extract(attributes, '$.name')",
  given_name: "json_extract(attributes, '$.given_name')",
  family_name: "json_extract(attributes, '$.family_name')",
  preferred_username: "json_extract(attributes, '$.preferred_username')",
  status: 'status',
  enabled: 'enabled',
  sub: 'sub',
} as const;

export type UserSearchField = keyof typeof columns;

export const userSearchFields = Object.keys(columns) as UserSearchField[];

/** One condition of a ListUsers filter, already normalised (case folding, Enabled → 1) by the caller. */
export type UserSearchCondition =
  | { readonly field: Exclude<UserSearchField, 'enabled' | 'status'>; readonly match: 'exact' | 'prefix'; readonly value: string }
  | { readonly field: 'status'; readonly match: 'exact' | 'prefix'; readonly value: UserStatus | string }
  | { readonly field: 'enabled'; readonly match: 'exact'; readonly value: 0 | 1 };

/** Where a page ended: the last row's id and, for prefix matches, its value of the searched field. */
export interface UserSearchPosition {
  readonly id: number;
  readonly value?: string | number | null;
}

export interface UserSearchRow {
  readonly id: number;
  readonly value: string | number | null;
}

/** The shapes of query a search runs. */
export type UserSearchQuery = 'all' | 'exact' | 'prefix' | 'after-value';

// A prefix p matches exactly the strings s with p <= s < p + U+10FFFF (SQLite compares TEXT as UTF-8
// bytes, and no character sorts above U+10FFFF), which lets the index serve it as a range.
const highestCharacter = String.fromCodePoint(0x10ffff);

export class UserSearch {
  private readonly statements = new Map<string, ReturnType<SqliteDatabase['prepare']>>();

  constructor(private readonly db: SqliteDatabase) {}

  /** Up to `limit` matching users of the pool (all users when `condition` is undefined), after `after`. */
  page(userPoolId: string, condition: UserSearchCondition | undefined, after: UserSearchPosition | undefined, limit: number): UserSearchRow[] {
    if (!condition) return this.run('all', undefined, { pool: userPoolId, afterId: after?.id ?? 0, limit });
    if (condition.match === 'exact') return this.run('exact', condition.field, { pool: userPoolId, value: condition.value, afterId: after?.id ?? 0, limit });
    const upper = `${String(condition.value)}${highestCharacter}`;
    if (!after || after.value === undefined || after.value === null) {
      return this.run('prefix', condition.field, { pool: userPoolId, value: condition.value, upper, limit });
    }
    const sameValue = this.run('exact', condition.field, { pool: userPoolId, value: after.value, afterId: after.id, limit });
    if (sameValue.length >= limit) return sameValue;
    const later = this.run('after-value', condition.field, { pool: userPoolId, value: after.value, upper, limit: limit - sameValue.length });
    return [...sameValue, ...later];
  }

  /** The pool's users in id order, after id `afterId` (ListUsers without a filter, the console). */
  ids(userPoolId: string, condition: (UserSearchCondition & { match: 'exact' }) | undefined, afterId: number, limit: number): number[] {
    return this.page(userPoolId, condition, { id: afterId }, limit).map((row) => row.id);
  }

  private run(query: UserSearchQuery, field: UserSearchField | undefined, parameters: Record<string, unknown>): UserSearchRow[] {
    const key = `${query}:${field ?? ''}`;
    let statement = this.statements.get(key);
    if (!statement) {
      statement = this.db.prepare(userSearchSql(query, field));
      this.statements.set(key, statement);
    }
    return statement.all(parameters) as UserSearchRow[];
  }
}

/** The SQL of each query shape (exported so a test can check that every plan is an index search). */
export function userSearchSql(query: UserSearchQuery, field: UserSearchField | undefined): string {
  if (query === 'all' || field === undefined) {
    return 'SELECT id, NULL AS value FROM users WHERE user_pool_id = @pool AND id > @afterId ORDER BY id LIMIT @limit';
  }
  const column = columns[field];
  // `sub` is unique across pools and indexed alone: range over it, then keep this pool's rows (the unary +
  // stops SQLite from preferring the pool index and sorting the whole pool).
  const pool = field === 'sub' ? '+user_pool_id = @pool' : 'user_pool_id = @pool';
  switch (query) {
    case 'exact':
      return `SELECT id, ${column} AS value FROM users WHERE ${pool} AND ${column} = @value AND id > @afterId ORDER BY id LIMIT @limit`;
    case 'prefix':
      return `SELECT id, ${column} AS value FROM users WHERE ${pool} AND ${column} >= @value AND ${column} < @upper ORDER BY ${column}, id LIMIT @limit`;
    case 'after-value':
      return `SELECT id, ${column} AS value FROM users WHERE ${pool} AND ${column} > @value AND ${column} < @upper ORDER BY ${column}, id LIMIT @limit`;
  }
}
