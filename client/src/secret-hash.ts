import { createHmac } from 'node:crypto';

/**
 * Cognito SecretHash (cognito-facts.md §5):
 * base64(HMAC-SHA256(key = clientSecret, message = username ‖ clientId)).
 *
 * `username` is the one sent in the same request: the alias typed at sign-in,
 * USER_ID_FOR_SRP in SRP challenge responses, and the internal username for
 * REFRESH_TOKEN_AUTH.
 */
export function secretHash(clientSecret: string, username: string, clientId: string): string {
  return createHmac('sha256', Buffer.from(clientSecret, 'utf8'))
    .update(Buffer.from(`${username}${clientId}`, 'utf8'))
    .digest('base64');
}
