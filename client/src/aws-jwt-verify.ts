/**
 * EMULATOR ONLY. Makes aws-jwt-verify's CognitoJwtVerifier work against cognito-emulator.
 *
 * CognitoJwtVerifier derives both the issuer and the JWKS URL from the pool id
 * (`https://cognito-idp.<region>.amazonaws.com/<poolId>`), and neither can be overridden
 * (shared/cognito-facts.md §6.9). So: run the emulator with `--issuer-style aws`, whose tokens carry
 * exactly that issuer, and hand the verifier the emulator's JWKS up front with `cacheJwks`; it then never
 * goes to the network. aws-jwt-verify is not a dependency of this package: any object with its
 * `cacheJwks(jwks, userPoolId?)` method works.
 */
import { EmulatorControlError } from './errors.js';

/** The part of CognitoJwtVerifier (and JwtRsaVerifier) this helper calls. */
export interface JwksCachingVerifier {
  // aws-jwt-verify types the arguments with a conditional tuple; `never` keeps any of its verifiers assignable.
  cacheJwks(...args: never[]): void;
}

export interface JsonWebKeySet {
  keys: Array<Record<string, unknown>>;
}

export interface PrimeCognitoJwtVerifierOptions {
  /** The emulator's URL, e.g. http://127.0.0.1:9329. */
  endpoint: string;
  userPoolId: string;
}

/** GET `<endpoint>/<userPoolId>/.well-known/jwks.json`: the pool's public keys (two kids: ID and access tokens). */
export async function fetchEmulatorJwks(endpoint: string, userPoolId: string): Promise<JsonWebKeySet> {
  const body = await getJson(`${endpoint.replace(/\/+$/, '')}/${encodeURIComponent(userPoolId)}/.well-known/jwks.json`);
  const keys = (body as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys)) throw new EmulatorControlError(`The JWKS of pool ${userPoolId} at ${endpoint} has no "keys" array`);
  return { keys: keys as JsonWebKeySet['keys'] };
}

/**
 * Loads the emulator's JWKS for `userPoolId` into an aws-jwt-verify CognitoJwtVerifier (cacheJwks), after
 * checking that the emulator issues AWS-form issuers (--issuer-style aws), which CognitoJwtVerifier insists
 * on. Returns the verifier, ready to `verify()` emulator tokens offline.
 */
export async function primeCognitoJwtVerifier<V extends JwksCachingVerifier>(verifier: V, options: PrimeCognitoJwtVerifierOptions): Promise<V> {
  const { endpoint, userPoolId } = options;
  const base = endpoint.replace(/\/+$/, '');
  const discovery = (await getJson(`${base}/${encodeURIComponent(userPoolId)}/.well-known/openid-configuration`)) as { issuer?: unknown };
  const region = userPoolId.slice(0, userPoolId.indexOf('_'));
  const expected = `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`;
  if (discovery.issuer !== expected) {
    throw new EmulatorControlError(
      `The emulator at ${endpoint} issues tokens for ${userPoolId} with iss ${JSON.stringify(discovery.issuer)}, ` +
        `but CognitoJwtVerifier only accepts ${expected}. Start the emulator with --issuer-style aws ` +
        '(COGNITO_EMULATOR_ISSUER_STYLE=aws), or verify with JwtRsaVerifier and the emulator issuer.',
    );
  }
  const jwks = await fetchEmulatorJwks(base, userPoolId);
  (verifier as unknown as { cacheJwks(jwks: JsonWebKeySet, userPoolId?: string): void }).cacheJwks(jwks, userPoolId);
  return verifier;
}

async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) {
    const body = await response.text().catch(() => '');
    throw new EmulatorControlError(`GET ${url} failed with HTTP ${response.status}${body ? `: ${body.slice(0, 300)}` : ''}`, response.status);
  }
  return response.json();
}
