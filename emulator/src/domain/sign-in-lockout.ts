/**
 * Brute-force protection as Cognito documents it: after five consecutive wrong passwords the account is
 * locked for 1 second, and each further failure after a lockout doubles it, up to about 15 minutes.
 * Attempts during a lockout are refused without looking at the password and do not count. About 15
 * minutes without attempts, or a correct password, starts the count over. Every time is the emulator's
 * clock, so tests can step through the back-off.
 * https://docs.aws.amazon.com/cognito/latest/developerguide/authentication.html (quoted in aws/aws-sdk-js#4642)
 *
 * Answers: failures 1-5 say "Incorrect username or password."; later failures and any attempt during a
 * lockout say "Password attempts exceeded" (shared/cognito-facts.md §7.7).
 */
import { fail } from '../errors.js';
import type { OperationContext } from '../protocol/operation.js';
import type { UserRecord } from '../store/users.js';

export const failuresBeforeLockout = 5;
const firstLockoutMs = 1000;
const longestLockoutMs = 15 * 60 * 1000;
const forgetFailuresAfterMs = 15 * 60 * 1000;

const passwordAttemptsExceeded = (): never => fail('NotAuthorizedException', 'Password attempts exceeded');

/** Refuses the attempt while the account is locked out. Call before checking the password. */
export function checkNotLockedOut(ctx: OperationContext, user: UserRecord, lockedOut: () => never = passwordAttemptsExceeded): void {
  const record = ctx.store.signInFailures.find(user.id);
  if (record && ctx.clock.now() < record.lockedUntil) lockedOut();
}

/** Counts a wrong password (one write) and throws the answer Cognito gives for it. */
export function failPasswordAttempt(
  ctx: OperationContext,
  user: UserRecord,
  incorrect: () => never = () => fail('NotAuthorizedException', 'Incorrect username or password.'),
  lockedOut: () => never = passwordAttemptsExceeded,
): never {
  const now = ctx.clock.now();
  const failures = ctx.store.transaction(() => {
    const record = ctx.store.signInFailures.find(user.id);
    const previous = record && now - record.lastFailureAt < forgetFailuresAfterMs ? record.failures : 0;
    const count = previous + 1;
    const lockMs = count >= failuresBeforeLockout ? Math.min(firstLockoutMs * 2 ** (count - failuresBeforeLockout), longestLockoutMs) : 0;
    ctx.store.signInFailures.put({ userId: user.id, failures: count, lastFailureAt: now, lockedUntil: now + lockMs });
    return count;
  });
  return failures > failuresBeforeLockout ? lockedOut() : incorrect();
}

/** A correct password starts the count over. */
export function clearPasswordFailures(ctx: OperationContext, user: UserRecord): void {
  ctx.store.signInFailures.clear(user.id);
}
