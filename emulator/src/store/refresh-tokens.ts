import type { SqliteDatabase } from './database.js';

export interface RefreshTokenRecord {
  /** SHA-256 of the token: the token itself is never stored. */
  readonly tokenHash: string;
  readonly userId: number;
  readonly clientId: string;
  readonly originJti: string;
  readonly authTime: number;
  readonly issuedAt: number;
  readonly expiresAt: number;
  readonly revokedAt: number | undefined;
}

interface Row {
  token_hash: string;
  user_id: number;
  client_id: string;
  origin_jti: string;
  auth_time: number;
  issued_at: number;
  expires_at: number;
  revoked_at: number | null;
}

export class RefreshTokenTable {
  private readonly insertStatement;
  private readonly findStatement;
  private readonly revokeStatement;

  constructor(db: SqliteDatabase) {
    this.insertStatement = db.prepare<[string, number, string, string, number, number, number]>(
      `INSERT INTO refresh_tokens (token_hash, user_id, client_id, origin_jti, auth_time, issued_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.findStatement = db.prepare<[string], Row>('SELECT * FROM refresh_tokens WHERE token_hash = ?');
    this.revokeStatement = db.prepare<[{ at: number; hash: string }]>(
      'UPDATE refresh_tokens SET revoked_at = min(coalesce(revoked_at, @at), @at) WHERE token_hash = @hash',
    );
  }

  insert(token: Omit<RefreshTokenRecord, 'revokedAt'>): void {
    this.insertStatement.run(token.tokenHash, token.userId, token.clientId, token.originJti, token.authTime, token.issuedAt, token.expiresAt);
  }

  find(tokenHash: string): RefreshTokenRecord | undefined {
    const row = this.findStatement.get(tokenHash);
    return (
      row && {
        tokenHash: row.token_hash,
        userId: row.user_id,
        clientId: row.client_id,
        originJti: row.origin_jti,
        authTime: row.auth_time,
        issuedAt: row.issued_at,
        expiresAt: row.expires_at,
        revokedAt: row.revoked_at ?? undefined,
      }
    );
  }

  /** Marks the token revoked from `at` on (an earlier revocation stands). */
  revoke(tokenHash: string, at: number): void {
    this.revokeStatement.run({ at, hash: tokenHash });
  }
}
