import { createRemoteJWKSet, errors as joseErrors, jwtVerify } from 'jose';
import { TokenVerificationError } from './errors.js';
import type { CognitoTokenPayload, CognitoTokenUse, PayloadFor } from './token-types.js';

export interface VerifyTokenOptions<U extends CognitoTokenUse | undefined = CognitoTokenUse | undefined> {
  /** Exact `iss`: `<emulator url>/<poolId>` or `https://cognito-idp.<region>.amazonaws.com/<poolId>`. */
  issuer: string;
  /** App client id: compared with `aud` (id tokens) or `client_id` (access tokens). Omit to skip. */
  clientId?: string;
  /** Required `token_use`. Omit to accept either (the token must still be an id or access token). */
  tokenUse?: U;
  /** Defaults to `${issuer}/.well-known/jwks.json`. */
  jwksUri?: string;
  /** Seconds of leeway for `exp`/`nbf`/`iat` (jose `clockTolerance`). */
  clockToleranceSeconds?: number;
  /** "Now" for the expiry check, e.g. the emulator's settable clock. */
  currentDate?: Date;
}

type RemoteJwks = ReturnType<typeof createRemoteJWKSet>;

/** One remote key set per JWKS URI, so jose's key cache and cooldown are shared across calls. */
const jwksByUri = new Map<string, RemoteJwks>();

function jwksFor(uri: string): RemoteJwks {
  let jwks = jwksByUri.get(uri);
  if (jwks === undefined) {
    jwks = createRemoteJWKSet(new URL(uri));
    jwksByUri.set(uri, jwks);
  }
  return jwks;
}

/** Forgets cached key sets (e.g. after an emulator reset regenerated keys). */
export function clearJwksCache(): void {
  jwksByUri.clear();
}

/**
 * Verifies a Cognito ID or access token offline, with the checks aws-jwt-verify
 * makes (cognito-facts.md §6.9): RS256 signature against the pool's JWKS,
 * `exp`, exact `iss`, then `token_use` and the client (`aud` for id tokens,
 * `client_id` for access tokens). Throws TokenVerificationError on any failure.
 */
export async function verifyToken<U extends CognitoTokenUse | undefined = undefined>(
  token: string,
  options: VerifyTokenOptions<U>,
): Promise<PayloadFor<U>> {
  // The issuer is compared exactly, as aws-jwt-verify does; only the derived JWKS URI tolerates a trailing '/'.
  const { issuer } = options;
  const jwksUri = options.jwksUri ?? `${issuer.replace(/\/+$/, '')}/.well-known/jwks.json`;

  let payload: Record<string, unknown>;
  try {
    const result = await jwtVerify(token, jwksFor(jwksUri), {
      issuer,
      algorithms: ['RS256'],
      ...(options.clockToleranceSeconds !== undefined && { clockTolerance: options.clockToleranceSeconds }),
      ...(options.currentDate !== undefined && { currentDate: options.currentDate }),
    });
    payload = result.payload;
  } catch (err) {
    if (err instanceof joseErrors.JOSEError) {
      throw new TokenVerificationError(err.code, `Token verification failed: ${err.message}`, { cause: err });
    }
    throw err;
  }

  const tokenUse = payload.token_use;
  if (tokenUse !== 'id' && tokenUse !== 'access') {
    throw new TokenVerificationError(
      'NOT_A_COGNITO_TOKEN',
      `Token verification failed: token_use is ${JSON.stringify(tokenUse)}, expected "id" or "access"`,
    );
  }
  if (options.tokenUse !== undefined && tokenUse !== options.tokenUse) {
    throw new TokenVerificationError(
      'TOKEN_USE_MISMATCH',
      `Token verification failed: token_use is "${tokenUse}", expected "${options.tokenUse}"`,
    );
  }
  if (options.clientId !== undefined) {
    const claim = tokenUse === 'id' ? 'aud' : 'client_id';
    const value = payload[claim];
    const matches = Array.isArray(value) ? value.includes(options.clientId) : value === options.clientId;
    if (!matches) {
      throw new TokenVerificationError(
        'CLIENT_ID_MISMATCH',
        `Token verification failed: ${claim} is ${JSON.stringify(value)}, expected "${options.clientId}"`,
      );
    }
  }
  return payload as CognitoTokenPayload as PayloadFor<U>;
}
