/**
 * `Session` values of multi-step sign-ins (NEW_PASSWORD_REQUIRED today; MFA would use the same): opaque
 * random strings of which only a hash is stored, bound to the pool, app client, user and challenge they
 * were issued for, single use, and valid for the client's AuthSessionValidity minutes (3..15, default 3)
 * on the emulator's clock (shared/cognito-facts.md §3.6).
 *
 * PASSWORD_VERIFIER does not use these: real Cognito sends no Session there, the state travels in
 * SECRET_BLOCK (srp-sign-in.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import { fail } from '../errors.js';
import type { OperationContext } from '../protocol/operation.js';
import type { AppClientRecord } from '../store/app-clients.js';
import type { AuthSessionRecord } from '../store/auth-sessions.js';
import type { UserPoolRecord } from '../store/user-pools.js';
import type { UserRecord } from '../store/users.js';

/** Real Cognito's answer to a stale, reused or unknown Session (facts §7.7). */
export const invalidSession = (): never => fail('NotAuthorizedException', 'Invalid session for the user, session is expired.');

const hashSession = (session: string): string => createHash('sha256').update(session, 'utf8').digest('base64url');

const DEFAULT_VALIDITY_MINUTES = 3;

/** Issues a Session for `challengeName`. Call inside the write transaction that leads to the challenge, or alone. */
export function issueSession(ctx: OperationContext, pool: UserPoolRecord, client: AppClientRecord, user: UserRecord, challengeName: string): string {
  // Real sessions are long opaque strings; 96 random bytes keep ours opaque and well inside the model's 20..2048.
  const session = randomBytes(96).toString('base64url');
  const now = ctx.clock.now();
  const minutes = client.settings.AuthSessionValidity ?? DEFAULT_VALIDITY_MINUTES;
  ctx.store.transaction(() => {
    ctx.store.authSessions.deleteExpired(now);
    ctx.store.authSessions.insert({
      sessionHash: hashSession(session),
      userPoolId: pool.id,
      clientId: client.id,
      userId: user.id,
      challengeName,
      expiresAt: now + minutes * 60_000,
    });
  });
  return session;
}

/**
 * The live session `session` names, for this client and challenge, or NotAuthorizedException. Does not use
 * it up: an answer that fails validation (a weak new password, a missing attribute) may be corrected and
 * sent again with the same Session, as Amplify's and the hosted UI's retry screens do.
 */
export function findSession(ctx: OperationContext, client: AppClientRecord, session: string | undefined, challengeName: string): AuthSessionRecord {
  if (session === undefined || session === '') invalidSession();
  const record = ctx.store.authSessions.find(hashSession(session!));
  if (!record || record.clientId !== client.id || record.userPoolId !== client.userPoolId) invalidSession();
  if (record!.challengeName !== challengeName || record!.expiresAt <= ctx.clock.now()) invalidSession();
  return record!;
}

/** Uses the session up. Call inside the transaction that acts on the answer; a second use fails. */
export function consumeSession(ctx: OperationContext, record: AuthSessionRecord): void {
  if (!ctx.store.authSessions.consume(record.sessionHash)) invalidSession();
}
