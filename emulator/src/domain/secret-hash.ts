import { createHmac, timingSafeEqual } from 'node:crypto';
import { fail } from '../errors.js';
import type { AppClientRecord } from '../store/app-clients.js';

/** Base64(HMAC-SHA256(key = client secret, message = username + client id)). */
export const computeSecretHash = (clientSecret: string, username: string, clientId: string): string =>
  createHmac('sha256', clientSecret).update(username + clientId).digest('base64');

/**
 * For a client with a secret, the caller must prove it knows the secret with a hash over the username it
 * sent. Clients without a secret ignore any hash they are sent, as Cognito does.
 */
export function checkSecretHash(client: AppClientRecord, username: string, providedHash: string | undefined): void {
  if (client.secret === undefined) return;
  if (providedHash === undefined || providedHash === '') {
    fail('NotAuthorizedException', `Client ${client.id} is configured with secret but SECRET_HASH was not received`);
  }
  const expected = Buffer.from(computeSecretHash(client.secret, username, client.id));
  const provided = Buffer.from(providedHash);
  if (expected.length !== provided.length || !timingSafeEqual(expected, provided)) {
    fail('NotAuthorizedException', `Unable to verify secret hash for client ${client.id}`);
  }
}

/** For the operations that take the raw ClientSecret instead of a hash (GetTokensFromRefreshToken, RevokeToken). */
export function checkClientSecret(client: AppClientRecord, providedSecret: string | undefined): void {
  if (client.secret === undefined) return;
  if (providedSecret === undefined || providedSecret === '') {
    fail('NotAuthorizedException', `Client ${client.id} is configured with secret but SECRET_HASH was not received`); // closest observed wording
  }
  const expected = Buffer.from(client.secret);
  const provided = Buffer.from(providedSecret);
  if (expected.length !== provided.length || !timingSafeEqual(expected, provided)) {
    fail('NotAuthorizedException', `Unable to verify secret hash for client ${client.id}`); // closest observed wording
  }
}
