import type { SqliteDatabase } from './database.js';

/**
 * What a declarative seed last applied: one fingerprint per seed entry (`pool:<id>`, `client:<id>`,
 * `group:<pool>:<name>`, `user:<pool>:<username>`). Rows go with their pool.
 */
export class SeedEntryTable {
  private readonly findStatement;
  private readonly upsertStatement;

  constructor(db: SqliteDatabase) {
    this.findStatement = db.prepare<[string], { fingerprint: string }>('SELECT fingerprint FROM seed_entries WHERE entry = ?');
    this.upsertStatement = db.prepare<[string, string, string, number]>(
      `INSERT INTO seed_entries (entry, user_pool_id, fingerprint, applied_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (entry) DO UPDATE SET user_pool_id = excluded.user_pool_id, fingerprint = excluded.fingerprint, applied_at = excluded.applied_at`,
    );
  }

  fingerprint(entry: string): string | undefined {
    return this.findStatement.get(entry)?.fingerprint;
  }

  record(entry: string, userPoolId: string, fingerprint: string, now: number): void {
    this.upsertStatement.run(entry, userPoolId, fingerprint, now);
  }
}
