/**
 * Token revocation (shared/cognito-facts.md §6.7). Offline verifiers still accept revoked JWTs until they
 * expire; the emulator's own API refuses them ("Access Token has been revoked", "Refresh Token has been
 * revoked").
 *
 * Two marks, because JWT times only have one-second resolution:
 * - every sign-in of the user (origin_jti) is revoked, which refuses their refresh tokens and every
 *   access token descended from them, however close in time;
 * - `tokens_valid_after` moves to the start of the current second, which refuses tokens whose `iat` lies
 *   in an earlier second even if their origin is unknown. A token issued later in the same second as the
 *   sign-out (a new sign-in right after it) has a fresh origin and `iat` equal to that second, so it works.
 * Clients with EnableTokenRevocation off get tokens without origin_jti (as on AWS): for them only the second
 * mark applies, so an access token issued earlier in the very second of the sign-out keeps working until
 * it expires. Their refresh tokens are still revoked exactly (the store knows each one's origin).
 */
import type { Store } from '../store/store.js';
import type { UserRecord } from '../store/users.js';

/** GlobalSignOut / AdminUserGlobalSignOut / AdminDisableUser. Call inside the write's transaction. */
export function revokeAllSignIns(store: Store, user: UserRecord, now: number): void {
  store.revokedOrigins.revokeAllOfUser(user.id, now);
  store.users.setTokensValidAfter(user.id, Math.floor(now / 1000) * 1000);
}

/** RevokeToken: one sign-in, i.e. one refresh token (and its rotations) with its ID and access tokens. */
export function revokeSignIn(store: Store, user: Pick<UserRecord, 'id'>, originJti: string, now: number): void {
  store.revokedOrigins.revoke(originJti, user.id, now);
}
