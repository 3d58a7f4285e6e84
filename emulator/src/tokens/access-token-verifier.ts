/**
 * Full verification of an access token presented to the API (GetUser and the other token-authorised
 * operations): RS256 only, signed by a pool key that exists now, not expired by the emulator's clock,
 * `token_use` access, and a user that still exists, is enabled, and has not signed out globally since.
 */
import { decodeProtectedHeader, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { epochSeconds, type Clock } from '../clock.js';
import { fail } from '../errors.js';
import type { Store } from '../store/store.js';
import type { UserPoolRecord } from '../store/user-pools.js';
import type { UserRecord } from '../store/users.js';
import type { KeyRing } from './key-ring.js';

export interface VerifiedAccessToken {
  readonly pool: UserPoolRecord;
  readonly user: UserRecord;
  readonly claims: JWTPayload & { client_id: string; origin_jti?: string; username: string };
}

const invalid = (): never => fail('NotAuthorizedException', 'Invalid Access Token');

export class AccessTokenVerifier {
  constructor(
    private readonly store: Store,
    private readonly keys: KeyRing,
    private readonly clock: Clock,
  ) {}

  async verify(token: string): Promise<VerifiedAccessToken> {
    let kid: unknown;
    try {
      const header = decodeProtectedHeader(token);
      if (header.alg !== 'RS256') invalid();
      kid = header.kid;
    } catch {
      invalid();
    }
    const key = typeof kid === 'string' ? await this.keys.findByKid(kid) : undefined;
    if (!key || key.tokenUse !== 'access') invalid();

    const nowMs = this.clock.now();
    let claims: VerifiedAccessToken['claims'];
    try {
      const verified = await jwtVerify(token, key!.publicKey, {
        algorithms: ['RS256'],
        currentDate: new Date(nowMs),
        requiredClaims: ['sub', 'exp', 'iat', 'token_use', 'client_id', 'username'],
      });
      claims = verified.payload as VerifiedAccessToken['claims'];
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) fail('NotAuthorizedException', 'Access Token has expired');
      return invalid();
    }
    // Beyond jose's checks: claims of the right types, and no token issued in the (emulator's) future.
    const now = epochSeconds(nowMs);
    for (const name of ['sub', 'token_use', 'client_id', 'username'] as const) if (typeof claims[name] !== 'string') invalid();
    const issuedAt = claims.iat;
    if (typeof issuedAt !== 'number' || issuedAt > now) return invalid();
    if (claims.token_use !== 'access' || typeof claims.iss !== 'string' || !claims.iss.endsWith(`/${key!.userPoolId}`)) invalid();

    const pool = this.store.userPools.find(key!.userPoolId) ?? invalid();
    const user = this.store.users.findBySub(pool.id, String(claims.sub)) ?? fail('UserNotFoundException', 'User does not exist.');
    if (!user.enabled) fail('NotAuthorizedException', 'User is disabled.');
    // Revoked by GlobalSignOut, AdminUserGlobalSignOut, AdminDisableUser or RevokeToken (domain/revocation.ts).
    if (issuedAt * 1000 < user.tokensValidAfter) fail('NotAuthorizedException', 'Access Token has been revoked');
    if (typeof claims.origin_jti === 'string' && this.store.revokedOrigins.isRevoked(claims.origin_jti)) {
      fail('NotAuthorizedException', 'Access Token has been revoked');
    }
    return { pool, user, claims };
  }
}
