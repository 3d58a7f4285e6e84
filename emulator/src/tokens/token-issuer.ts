/**
 * Issues the tokens of a successful sign-in or refresh: RS256 ID and access tokens with Cognito's claims,
 * and an opaque refresh token (a JWE, as Cognito's are) of which only a hash is stored.
 */
import { createHash, randomBytes } from 'node:crypto';
import { CompactEncrypt, SignJWT } from 'jose';
import type { AuthenticationResultType } from '@aws-sdk/client-cognito-identity-provider';
import { epochSeconds, type Clock } from '../clock.js';
import { tokenLifetimesInSeconds } from '../domain/app-client-settings.js';
import { attributesAsClaims } from '../domain/attributes.js';
import { groupClaims } from '../domain/group-claims.js';
import { newJti } from '../domain/ids.js';
import type { AppClientRecord } from '../store/app-clients.js';
import type { Store } from '../store/store.js';
import type { UserPoolRecord } from '../store/user-pools.js';
import type { UserRecord } from '../store/users.js';
import type { KeyRing } from './key-ring.js';

export interface SignInSession {
  /** Epoch ms of the sign-in the tokens descend from; refreshes keep it. */
  readonly authTime: number;
  /** Shared by every token of one sign-in; links access and ID tokens to their refresh token. */
  readonly originJti: string;
}

/** The `AuthenticationResult` member as it goes on the wire. */
export type AuthenticationResult = Required<Pick<AuthenticationResultType, 'AccessToken' | 'ExpiresIn' | 'TokenType' | 'IdToken'>> &
  Pick<AuthenticationResultType, 'RefreshToken'>;

export const hashRefreshToken = (token: string): string => createHash('sha256').update(token).digest('base64url');

export class TokenIssuer {
  constructor(
    private readonly store: Store,
    private readonly keys: KeyRing,
    private readonly clock: Clock,
    private readonly issuerFor: (userPoolId: string) => string,
  ) {}

  /** Tokens for a fresh sign-in: a new origin, and a refresh token. */
  async signIn(pool: UserPoolRecord, client: AppClientRecord, user: UserRecord): Promise<AuthenticationResult> {
    const session: SignInSession = { authTime: this.clock.now(), originJti: newJti() };
    const [tokens, refreshToken] = await Promise.all([
      this.idAndAccessTokens(pool, client, user, session),
      this.refreshToken(pool, client, user, session),
    ]);
    return { ...tokens, RefreshToken: refreshToken };
  }

  /** New ID and access tokens for an existing sign-in (refresh): same auth_time and origin_jti. */
  async idAndAccessTokens(pool: UserPoolRecord, client: AppClientRecord, user: UserRecord, session: SignInSession): Promise<AuthenticationResult> {
    const now = this.clock.now();
    const iat = epochSeconds(now);
    const lifetimes = tokenLifetimesInSeconds(client.settings);
    const issuer = this.issuerFor(pool.id);
    const eventId = newJti();
    const readable = client.settings.ReadAttributes?.length ? new Set(client.settings.ReadAttributes) : undefined;
    const groups = groupClaims(this.store.groups.allForUser(user.id));
    // Token revocation (on unless the client turns it off) is what adds jti and origin_jti to the tokens.
    // https://docs.aws.amazon.com/cognito/latest/developerguide/token-revocation.html
    const revocable = client.settings.EnableTokenRevocation !== false;
    const [idKey, accessKey] = await Promise.all([this.keys.signingKey(pool.id, 'id'), this.keys.signingKey(pool.id, 'access')]);

    const idClaims = {
      sub: user.sub,
      ...groups.id,
      ...attributesAsClaims(user.attributes, readable),
      iss: issuer,
      'cognito:username': user.username,
      ...(revocable && { origin_jti: session.originJti }),
      aud: client.id,
      event_id: eventId,
      token_use: 'id',
      auth_time: epochSeconds(session.authTime),
      exp: iat + lifetimes.id,
      iat,
      ...(revocable && { jti: newJti() }),
    };
    const accessClaims = {
      sub: user.sub,
      ...groups.access,
      iss: issuer,
      client_id: client.id,
      ...(revocable && { origin_jti: session.originJti }),
      event_id: eventId,
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      auth_time: epochSeconds(session.authTime),
      exp: iat + lifetimes.access,
      iat,
      ...(revocable && { jti: newJti() }),
      username: user.username,
    };
    const [idToken, accessToken] = await Promise.all([
      new SignJWT(idClaims).setProtectedHeader({ kid: idKey.kid, alg: 'RS256' }).sign(idKey.privateKey),
      new SignJWT(accessClaims).setProtectedHeader({ kid: accessKey.kid, alg: 'RS256' }).sign(accessKey.privateKey),
    ]);
    return { AccessToken: accessToken, ExpiresIn: lifetimes.access, TokenType: 'Bearer', IdToken: idToken };
  }

  /** A new refresh token for the sign-in; only its hash is stored. */
  async refreshToken(pool: UserPoolRecord, client: AppClientRecord, user: UserRecord, session: SignInSession): Promise<string> {
    const now = this.clock.now();
    const payload = new TextEncoder().encode(JSON.stringify({ jti: newJti(), nonce: randomBytes(16).toString('base64url') }));
    // Shaped like Cognito's (a compact JWE with cty JWT and A256GCM); sealed with the pool's server secret.
    const token = await new CompactEncrypt(payload).setProtectedHeader({ cty: 'JWT', enc: 'A256GCM', alg: 'dir' }).encrypt(pool.serverSecret);
    this.store.refreshTokens.insert({
      tokenHash: hashRefreshToken(token),
      userId: user.id,
      clientId: client.id,
      originJti: session.originJti,
      authTime: session.authTime,
      issuedAt: now,
      expiresAt: now + tokenLifetimesInSeconds(client.settings).refresh * 1000,
    });
    return token;
  }
}
