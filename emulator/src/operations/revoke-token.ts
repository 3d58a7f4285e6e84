import { Type } from '@sinclair/typebox';
import { timingSafeEqual } from 'node:crypto';
import { revokeSignIn } from '../domain/revocation.js';
import { fail } from '../errors.js';
import { defineOperation } from '../protocol/operation.js';
import { ClientId, ClientMetadata, ClientSecret, TokenModel } from '../protocol/shapes.js';
import type { AppClientRecord } from '../store/app-clients.js';
import { hashRefreshToken } from '../tokens/token-issuer.js';

/**
 * Revokes a refresh token and, with it, every access and ID token of the same sign-in (same origin_jti);
 * the user's other sign-ins are untouched. amazon-cognito-identity-js and Amplify call this on sign-out
 * when the access token carries origin_jti. https://docs.aws.amazon.com/cognito/latest/developerguide/token-revocation.html
 *
 * Exact messages are not known (shared/cognito-facts.md §9.15); the error types follow the model. Revoking
 * an unknown or already revoked refresh token succeeds, as RFC 7009 has it, so sign-out can be retried.
 */
export const RevokeToken = defineOperation({
  name: 'RevokeToken',
  input: Type.Object({
    Token: TokenModel,
    ClientId,
    ClientSecret: Type.Optional(ClientSecret),
    ClientMetadata: Type.Optional(ClientMetadata),
  }),
  run(ctx, input) {
    const client = ctx.store.appClients.find(input.ClientId) ?? fail('UnauthorizedException', `Client ${input.ClientId} is not authorized.`); // wording invented
    authenticateClient(client, input.ClientSecret);
    if (client.settings.EnableTokenRevocation === false) {
      fail('UnsupportedOperationException', 'Token revocation is not enabled for this app client.'); // wording invented
    }
    if (looksLikeJwt(input.Token)) fail('UnsupportedTokenTypeException', 'Only refresh tokens can be revoked.'); // wording invented
    const record = ctx.store.refreshTokens.find(hashRefreshToken(input.Token));
    if (!record) return {};
    if (record.clientId !== client.id) fail('UnauthorizedException', 'The refresh token was not issued to this client.'); // wording invented
    const now = ctx.clock.now();
    ctx.store.transaction(() => revokeSignIn(ctx.store, { id: record.userId }, record.originJti, now));
    return {};
  },
});

/** A client with a secret must send it (RevokeToken takes the raw ClientSecret, not a SecretHash). */
function authenticateClient(client: AppClientRecord, provided: string | undefined): void {
  if (client.secret === undefined) return;
  const expected = Buffer.from(client.secret);
  const given = Buffer.from(provided ?? '');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    fail('UnauthorizedException', `Client ${client.id} is configured with a secret; the ClientSecret sent does not match it.`); // wording invented
  }
}

/** ID and access tokens are signed JWTs (three parts, a JSON header with `alg`); refresh tokens are JWEs (five parts). */
function looksLikeJwt(token: string): boolean {
  const parts = token.split('.');
  if (parts.length !== 3) return false;
  try {
    return typeof (JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8')) as { alg?: unknown }).alg === 'string';
  } catch {
    return false;
  }
}
