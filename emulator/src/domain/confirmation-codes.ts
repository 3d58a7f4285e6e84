/**
 * Confirmation codes: six digits, one live code per user and purpose (a new one replaces the old),
 * single use, and an expiry on the emulator's clock.
 */
import { fail } from '../errors.js';
import type { CodePurpose } from '../store/codes.js';
import type { Store } from '../store/store.js';
import type { UserPoolRecord } from '../store/user-pools.js';
import type { UserRecord } from '../store/users.js';
import { newConfirmationCode } from './ids.js';

/** Sign-up and attribute-verification codes last 24 hours; Cognito does not let this be changed. */
export const signUpCodeLifetimeMs = 24 * 60 * 60 * 1000;

export function issueCode(store: Store, user: UserRecord, purpose: CodePurpose, now: number, lifetimeMs: number): string {
  const code = newConfirmationCode();
  store.codes.put({ userId: user.id, purpose, code, expiresAt: now + lifetimeMs });
  return code;
}

/**
 * Uses up `code` or throws Cognito's answer: CodeMismatchException for a wrong code (or, by default, none
 * issued), ExpiredCodeException for one past its time. Call inside the transaction that acts on the code.
 */
export function consumeCode(
  store: Store,
  user: UserRecord,
  purpose: CodePurpose,
  code: string,
  now: number,
  whenNoneIssued: 'CodeMismatchException' | 'ExpiredCodeException' = 'CodeMismatchException',
): void {
  const live = store.codes.find(user.id, purpose);
  if (!live) fail(whenNoneIssued);
  if (live.code !== code) fail('CodeMismatchException');
  if (live.expiresAt <= now) fail('ExpiredCodeException');
  if (!store.codes.consume(user.id, purpose, code)) fail('ExpiredCodeException');
}

/** The attribute a sign-up code goes to: the pool's auto-verified email first, then phone, if the user has it. */
export function signUpCodeAttribute(pool: UserPoolRecord, user: Pick<UserRecord, 'attributes'>): 'email' | 'phone_number' | undefined {
  const autoVerified = pool.settings.AutoVerifiedAttributes ?? [];
  if (autoVerified.includes('email') && user.attributes.email) return 'email';
  if (autoVerified.includes('phone_number') && user.attributes.phone_number) return 'phone_number';
  return undefined;
}
