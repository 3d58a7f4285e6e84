import type { SqliteDatabase } from './database.js';

export interface SignInFailureRecord {
  readonly userId: number;
  /** Consecutive wrong passwords. */
  readonly failures: number;
  readonly lastFailureAt: number;
  /** Epoch ms until which sign-in attempts are refused without looking at the password. */
  readonly lockedUntil: number;
}

interface Row {
  user_id: number;
  failures: number;
  last_failure_at: number;
  locked_until: number;
}

export class SignInFailureTable {
  private readonly findStatement;
  private readonly putStatement;
  private readonly clearStatement;

  constructor(db: SqliteDatabase) {
    this.findStatement = db.prepare<[number], Row>('SELECT * FROM sign_in_failures WHERE user_id = ?');
    this.putStatement = db.prepare<[number, number, number, number]>(
      `INSERT INTO sign_in_failures (user_id, failures, last_failure_at, locked_until) VALUES (?, ?, ?, ?)
       ON CONFLICT (user_id) DO UPDATE SET failures = excluded.failures, last_failure_at = excluded.last_failure_at,
         locked_until = excluded.locked_until`,
    );
    this.clearStatement = db.prepare<[number]>('DELETE FROM sign_in_failures WHERE user_id = ?');
  }

  find(userId: number): SignInFailureRecord | undefined {
    const row = this.findStatement.get(userId);
    return row && { userId: row.user_id, failures: row.failures, lastFailureAt: row.last_failure_at, lockedUntil: row.locked_until };
  }

  put(record: SignInFailureRecord): void {
    this.putStatement.run(record.userId, record.failures, record.lastFailureAt, record.lockedUntil);
  }

  clear(userId: number): void {
    this.clearStatement.run(userId);
  }
}
