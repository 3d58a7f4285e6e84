import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from './database.js';
import type { AppClientSettings } from '../domain/app-client-settings.js';

export interface AppClientRecord {
  readonly id: string;
  readonly userPoolId: string;
  readonly name: string;
  readonly secret: string | undefined;
  readonly settings: AppClientSettings;
  readonly createdAt: number;
  readonly updatedAt: number;
}

interface Row {
  id: string;
  user_pool_id: string;
  name: string;
  secret: string | null;
  settings: string;
  created_at: number;
  updated_at: number;
}

const fromRow = (row: Row): AppClientRecord => ({
  id: row.id,
  userPoolId: row.user_pool_id,
  name: row.name,
  secret: row.secret ?? undefined,
  settings: JSON.parse(row.settings) as AppClientSettings,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export class AppClientTable {
  private readonly insertStatement;
  private readonly findStatement;
  private readonly pageStatement;
  private readonly updateStatement;
  private readonly deleteStatement;

  constructor(private readonly db: SqliteDatabase) {
    this.insertStatement = db.prepare<[string, string, string, string | null, string, number, number]>(
      'INSERT INTO app_clients (id, user_pool_id, name, secret, settings, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.findStatement = db.prepare<[string], Row>('SELECT * FROM app_clients WHERE id = ?');
    this.pageStatement = db.prepare<[{ pool: string; after: number; createdAt: number; id: string; limit: number }], Row>(
      `SELECT * FROM app_clients WHERE user_pool_id = @pool AND (@after = 0 OR (created_at, id) > (@createdAt, @id))
       ORDER BY created_at, id LIMIT @limit`,
    );
    this.updateStatement = db.prepare<[string, string, number, string]>('UPDATE app_clients SET name = ?, settings = ?, updated_at = ? WHERE id = ?');
    this.deleteStatement = db.prepare<[string]>('DELETE FROM app_clients WHERE id = ?');
  }

  insert(client: AppClientRecord): void {
    this.insertStatement.run(
      client.id,
      client.userPoolId,
      client.name,
      client.secret ?? null,
      JSON.stringify(client.settings),
      client.createdAt,
      client.updatedAt,
    );
  }

  find(id: string): AppClientRecord | undefined {
    const row = this.findStatement.get(id);
    return row && fromRow(row);
  }

  /** Stores new settings (UpdateUserPoolClient); the id and secret never change. */
  update(client: Pick<AppClientRecord, 'id' | 'name' | 'settings' | 'updatedAt'>): void {
    this.updateStatement.run(client.name, JSON.stringify(client.settings), client.updatedAt, client.id);
  }

  /** Replaces (or removes, with undefined) the client secret; only seeds do this (seed/apply-seed.ts), never an AWS operation. */
  setSecret(id: string, secret: string | undefined, now: number): void {
    (this.setSecretStatement ??= this.db.prepare<[string | null, number, string]>('UPDATE app_clients SET secret = ?, updated_at = ? WHERE id = ?')).run(
      secret ?? null,
      now,
      id,
    );
  }
  private setSecretStatement?: Statement<[string | null, number, string]>;

  /** Deletes the client; its refresh tokens and sessions go with it. */
  delete(id: string): boolean {
    return this.deleteStatement.run(id).changes > 0;
  }

  page(userPoolId: string, after: { createdAt: number; id: string } | undefined, limit: number): AppClientRecord[] {
    return this.pageStatement.all({ pool: userPoolId, after: after ? 1 : 0, createdAt: after?.createdAt ?? 0, id: after?.id ?? '', limit }).map(fromRow);
  }
}
