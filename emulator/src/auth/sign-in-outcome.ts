/**
 * What a successful password check leads to: tokens, or the next challenge the account owes
 * (NEW_PASSWORD_REQUIRED for a temporary password). Shared by password sign-in, SRP and challenge answers.
 */
import { passwordPolicyOf } from '../domain/user-pool-settings.js';
import { fail } from '../errors.js';
import type { OperationContext } from '../protocol/operation.js';
import type { AppClientRecord } from '../store/app-clients.js';
import type { UserPoolRecord } from '../store/user-pools.js';
import type { UserRecord } from '../store/users.js';
import type { AuthenticationResult } from '../tokens/token-issuer.js';
import { newPasswordChallenge } from './new-password-required.js';

export type SignInOutcome =
  | { ChallengeParameters: Record<string, never>; AuthenticationResult: AuthenticationResult }
  | { ChallengeName: string; Session?: string; ChallengeParameters: Record<string, string> };

const DAY_MS = 24 * 60 * 60 * 1000;

export async function completeSignIn(
  ctx: OperationContext,
  pool: UserPoolRecord,
  client: AppClientRecord,
  user: UserRecord,
): Promise<SignInOutcome> {
  if (user.status === 'FORCE_CHANGE_PASSWORD') {
    // Checked once the password is proven, so the answer tells nothing to someone who does not know it.
    checkTemporaryPasswordFresh(ctx, pool, user);
    return newPasswordChallenge(ctx, pool, client, user);
  }
  return { ChallengeParameters: {}, AuthenticationResult: await ctx.tokens.signIn(pool, client, user) };
}

/**
 * A temporary password (AdminCreateUser, AdminSetUserPassword Permanent=false) lasts the pool's
 * TemporaryPasswordValidityDays from when it was set (AdminCreateUser RESEND sets a new one).
 */
function checkTemporaryPasswordFresh(ctx: OperationContext, pool: UserPoolRecord, user: UserRecord): void {
  const days = passwordPolicyOf(pool.settings).TemporaryPasswordValidityDays ?? 7;
  const setAt = user.passwordChangedAt ?? user.createdAt;
  if (setAt + days * DAY_MS <= ctx.clock.now()) {
    fail('NotAuthorizedException', 'Temporary password has expired and must be reset by an administrator.');
  }
}
