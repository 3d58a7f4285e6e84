/** The caller of a token-authorised operation (GetUser, UpdateUserAttributes, ...): who they are and through which client. */
import type { OperationContext } from '../protocol/operation.js';
import type { AppClientRecord } from '../store/app-clients.js';
import type { UserPoolRecord } from '../store/user-pools.js';
import type { UserRecord } from '../store/users.js';

export interface SignedInUser {
  readonly pool: UserPoolRecord;
  readonly user: UserRecord;
  /** The app client the token was issued to; undefined once that client is deleted. */
  readonly client: AppClientRecord | undefined;
  readonly originJti: string | undefined;
}

/** Verifies the access token (expiry, revocation, disabled user) with Cognito's answers. */
export async function requireSignedInUser(ctx: OperationContext, accessToken: string): Promise<SignedInUser> {
  const { pool, user, claims } = await ctx.accessTokens.verify(accessToken);
  const client = ctx.store.appClients.find(claims.client_id);
  return { pool, user, client: client?.userPoolId === pool.id ? client : undefined, originJti: claims.origin_jti };
}
