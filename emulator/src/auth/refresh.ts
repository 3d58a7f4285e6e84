/**
 * Refresh: REFRESH_TOKEN_AUTH / REFRESH_TOKEN through (Admin)InitiateAuth, and GetTokensFromRefreshToken.
 * New ID and access tokens keep the sign-in's auth_time and origin_jti. A refresh token is refused once
 * revoked, expired, used with another client, or when its user is gone, disabled or signed out globally.
 */
import { checkSecretHash } from '../domain/secret-hash.js';
import { fail } from '../errors.js';
import type { OperationContext } from '../protocol/operation.js';
import type { AppClientRecord } from '../store/app-clients.js';
import type { UserPoolRecord } from '../store/user-pools.js';
import type { UserRecord } from '../store/users.js';
import { hashRefreshToken, type AuthenticationResult } from '../tokens/token-issuer.js';
import { requireFlowEnabled } from './auth-flows.js';
import { requiredParameter } from './auth-parameters.js';

const invalidRefreshToken = (): never => fail('NotAuthorizedException', 'Invalid Refresh Token.');

export async function refreshSignIn(
  ctx: OperationContext,
  pool: UserPoolRecord,
  client: AppClientRecord,
  refreshToken: string,
  checkCaller: (user: UserRecord) => void,
  options: { rotate: boolean },
): Promise<AuthenticationResult> {
  const record = ctx.store.refreshTokens.find(hashRefreshToken(refreshToken));
  if (!record || record.clientId !== client.id) invalidRefreshToken();
  const user = ctx.store.users.findById(record!.userId);
  if (!user || user.userPoolId !== pool.id) invalidRefreshToken();
  // The secret hash of a refresh uses the Cognito username, which only the token tells us.
  checkCaller(user!);
  const now = ctx.clock.now();
  // A disabled user hears so first: AdminDisableUser also revokes their sign-ins (domain/revocation.ts).
  if (!user!.enabled) fail('NotAuthorizedException', 'User is disabled.');
  if (record!.issuedAt < user!.tokensValidAfter) fail('NotAuthorizedException', 'Refresh Token has been revoked');
  if (ctx.store.revokedOrigins.isRevoked(record!.originJti)) fail('NotAuthorizedException', 'Refresh Token has been revoked');
  // A token's own revokedAt is set only by rotation (below); revocations go by origin_jti. A token rotated out
  // past its grace period is RefreshTokenReuseException, as the model documents for GetTokensFromRefreshToken.
  if (record!.revokedAt !== undefined && record!.revokedAt <= now) fail('RefreshTokenReuseException');
  if (record!.expiresAt <= now) fail('NotAuthorizedException', 'Refresh Token has expired');

  const session = { authTime: record!.authTime, originJti: record!.originJti };
  const tokens = await ctx.tokens.idAndAccessTokens(pool, client, user!, session);
  if (!options.rotate) return tokens;
  // Rotation: a new refresh token; the old one keeps working only for the client's grace period.
  const graceMs = (client.settings.RefreshTokenRotation?.RetryGracePeriodSeconds ?? 0) * 1000;
  const rotated = await ctx.tokens.refreshToken(pool, client, user!, session);
  ctx.store.refreshTokens.revoke(record!.tokenHash, now + graceMs);
  return { ...tokens, RefreshToken: rotated };
}

/** REFRESH_TOKEN_AUTH / REFRESH_TOKEN, as InitiateAuth and AdminInitiateAuth both take it. */
export async function refreshTokenAuthFlow(
  ctx: OperationContext,
  pool: UserPoolRecord,
  client: AppClientRecord,
  parameters: Readonly<Record<string, string>> | undefined,
): Promise<{ ChallengeParameters: Record<string, never>; AuthenticationResult: AuthenticationResult }> {
  requireFlowEnabled(client, 'REFRESH_TOKEN_AUTH');
  const refreshToken = requiredParameter(parameters, 'REFRESH_TOKEN');
  const tokens = await refreshSignIn(ctx, pool, client, refreshToken, (user) => checkSecretHash(client, user.username, parameters?.SECRET_HASH), {
    rotate: false,
  });
  return { ChallengeParameters: {}, AuthenticationResult: tokens };
}
