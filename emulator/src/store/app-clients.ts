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

  constructor(db: SqliteDatabase) {
    this.insertStatement = db.prepare<[string, string, string, string | null, string, number, number]>(
      'INSERT INTO app_clients (id, user_pool_id, name, secret, settings, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.findStatement = db.prepare<[string], Row>('SELECT * FROM app_clients WHERE id = ?');
    this.pageStatement = db.prepare<[{ pool: string; after: number; createdAt: number; id: string; limit: number }], Row>(
      `SELECT * FROM app_clients WHERE user_pool_id = @pool AND (@after = 0 OR (created_at, id) > (@createdAt, @id))
       ORDER BY created_at, id LIMIT @limit`,
    );
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

  page(userPoolId: string, after: { createdAt: number; id: string } | undefined, limit: number): AppClientRecord[] {
    return this.pageStatement.all({ pool: userPoolId, after: after ? 1 : 0, createdAt: after?.createdAt ?? 0, id: after?.id ?? '', limit }).map(fromRow);
  }
}
