/**
 * What a successful password check leads to: tokens, or the next challenge the account owes
 * (NEW_PASSWORD_REQUIRED for a temporary password).
 */
import type { OperationContext } from '../protocol/operation.js';
import type { AppClientRecord } from '../store/app-clients.js';
import type { UserPoolRecord } from '../store/user-pools.js';
import type { UserRecord } from '../store/users.js';
import type { AuthenticationResult } from '../tokens/token-issuer.js';

export type SignInOutcome =
  | { ChallengeParameters: Record<string, never>; AuthenticationResult: AuthenticationResult }
  | { ChallengeName: string; Session?: string; ChallengeParameters: Record<string, string> };

export async function completeSignIn(
  ctx: OperationContext,
  pool: UserPoolRecord,
  client: AppClientRecord,
  user: UserRecord,
): Promise<SignInOutcome> {
  return { ChallengeParameters: {}, AuthenticationResult: await ctx.tokens.signIn(pool, client, user) };
}
