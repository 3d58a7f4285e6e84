import type { SqliteDatabase } from './database.js';

/** What a code proves: sign-up confirmation, a password reset, or ownership of an attribute ("VERIFY:email"). */
export type CodePurpose = 'SIGN_UP' | 'FORGOT_PASSWORD' | `VERIFY:${string}`;

export interface CodeRecord {
  readonly userId: number;
  readonly purpose: CodePurpose;
  readonly code: string;
  readonly expiresAt: number;
}

interface Row {
  user_id: number;
  purpose: CodePurpose;
  code: string;
  expires_at: number;
}

export class CodeTable {
  private readonly upsertStatement;
  private readonly findStatement;
  private readonly deleteStatement;
  private readonly deleteAnyStatement;

  constructor(db: SqliteDatabase) {
    this.upsertStatement = db.prepare<[number, string, string, number]>(
      `INSERT INTO codes (user_id, purpose, code, expires_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (user_id, purpose) DO UPDATE SET code = excluded.code, expires_at = excluded.expires_at`,
    );
    this.findStatement = db.prepare<[number, string], Row>('SELECT * FROM codes WHERE user_id = ? AND purpose = ?');
    this.deleteStatement = db.prepare<[number, string, string]>('DELETE FROM codes WHERE user_id = ? AND purpose = ? AND code = ?');
    this.deleteAnyStatement = db.prepare<[number, string]>('DELETE FROM codes WHERE user_id = ? AND purpose = ?');
  }

  /** Stores the code, replacing any earlier one for the same purpose. */
  put(code: CodeRecord): void {
    this.upsertStatement.run(code.userId, code.purpose, code.code, code.expiresAt);
  }

  find(userId: number, purpose: CodePurpose): CodeRecord | undefined {
    const row = this.findStatement.get(userId, purpose);
    return row && { userId: row.user_id, purpose: row.purpose, code: row.code, expiresAt: row.expires_at };
  }

  /** Uses the code up; false when it was already used (a concurrent confirm won). */
  consume(userId: number, purpose: CodePurpose, code: string): boolean {
    return this.deleteStatement.run(userId, purpose, code).changes > 0;
  }

  /** Drops whatever code is live for the purpose (it has been made pointless). */
  consumeAny(userId: number, purpose: CodePurpose): void {
    this.deleteAnyStatement.run(userId, purpose);
  }
}
