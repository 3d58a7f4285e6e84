import type { SqliteDatabase } from './database.js';

/**
 * Revoked sign-ins, by origin_jti. Every token of one sign-in (the refresh token, and each ID and access
 * token issued from it, refreshes included) carries the same origin_jti, so one row refuses them all.
 */
export class RevokedOriginTable {
  private readonly insertStatement;
  private readonly findStatement;
  private readonly revokeAllOfUserStatement;

  constructor(db: SqliteDatabase) {
    this.insertStatement = db.prepare<[string, number, number]>(
      'INSERT INTO revoked_origins (origin_jti, user_id, revoked_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    );
    this.findStatement = db.prepare<[string], { revoked_at: number }>('SELECT revoked_at FROM revoked_origins WHERE origin_jti = ?');
    this.revokeAllOfUserStatement = db.prepare<[{ user: number; at: number }]>(
      `INSERT INTO revoked_origins (origin_jti, user_id, revoked_at)
       SELECT DISTINCT origin_jti, user_id, @at FROM refresh_tokens WHERE user_id = @user
       ON CONFLICT DO NOTHING`,
    );
  }

  /** Revokes one sign-in: its refresh tokens and the access/ID tokens sharing its origin_jti. */
  revoke(originJti: string, userId: number, at: number): void {
    this.insertStatement.run(originJti, userId, at);
  }

  /** Revokes every sign-in the user has (global sign-out). */
  revokeAllOfUser(userId: number, at: number): void {
    this.revokeAllOfUserStatement.run({ user: userId, at });
  }

  isRevoked(originJti: string): boolean {
    return this.findStatement.get(originJti) !== undefined;
  }
}
