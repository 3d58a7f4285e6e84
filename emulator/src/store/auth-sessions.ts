import type { SqliteDatabase } from './database.js';

export interface AuthSessionRecord {
  /** SHA-256 of the Session value: the value itself is never stored. */
  readonly sessionHash: string;
  readonly userPoolId: string;
  readonly clientId: string;
  readonly userId: number;
  /** The challenge the session was issued with; only that challenge may answer it. */
  readonly challengeName: string;
  readonly expiresAt: number;
}

interface Row {
  session_hash: string;
  user_pool_id: string;
  client_id: string;
  user_id: number;
  challenge_name: string;
  expires_at: number;
}

/** Sessions of multi-step sign-ins, and the SRP challenges already answered (auth_sessions, used_srp_challenges). */
export class AuthSessionTable {
  private readonly insertStatement;
  private readonly findStatement;
  private readonly deleteStatement;
  private readonly deleteExpiredStatement;
  private readonly markUsedStatement;
  private readonly deleteExpiredUsedStatement;

  constructor(db: SqliteDatabase) {
    this.insertStatement = db.prepare<[string, string, string, number, string, number]>(
      'INSERT INTO auth_sessions (session_hash, user_pool_id, client_id, user_id, challenge_name, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.findStatement = db.prepare<[string], Row>('SELECT * FROM auth_sessions WHERE session_hash = ?');
    this.deleteStatement = db.prepare<[string]>('DELETE FROM auth_sessions WHERE session_hash = ?');
    this.deleteExpiredStatement = db.prepare<[number]>('DELETE FROM auth_sessions WHERE expires_at < ?');
    this.markUsedStatement = db.prepare<[string, string, number]>(
      'INSERT INTO used_srp_challenges (challenge_id, user_pool_id, expires_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    );
    this.deleteExpiredUsedStatement = db.prepare<[number]>('DELETE FROM used_srp_challenges WHERE expires_at < ?');
  }

  insert(session: AuthSessionRecord): void {
    this.insertStatement.run(session.sessionHash, session.userPoolId, session.clientId, session.userId, session.challengeName, session.expiresAt);
  }

  find(sessionHash: string): AuthSessionRecord | undefined {
    const row = this.findStatement.get(sessionHash);
    return (
      row && {
        sessionHash: row.session_hash,
        userPoolId: row.user_pool_id,
        clientId: row.client_id,
        userId: row.user_id,
        challengeName: row.challenge_name,
        expiresAt: row.expires_at,
      }
    );
  }

  /** Uses the session up; false when it was already used (a concurrent answer won). */
  consume(sessionHash: string): boolean {
    return this.deleteStatement.run(sessionHash).changes > 0;
  }

  /** Records an SRP challenge as answered; false when it already was (a replay). */
  markSrpChallengeUsed(challengeId: string, userPoolId: string, expiresAt: number): boolean {
    return this.markUsedStatement.run(challengeId, userPoolId, expiresAt).changes > 0;
  }

  /** Forgets sessions and used-challenge records that can no longer be presented. */
  deleteExpired(now: number): void {
    this.deleteExpiredStatement.run(now);
    this.deleteExpiredUsedStatement.run(now);
  }
}
