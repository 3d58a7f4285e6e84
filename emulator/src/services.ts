import type { FastifyBaseLogger } from 'fastify';
import { AdjustableClock } from './clock.js';
import type { EmulatorConfig } from './config.js';
import { Outbox } from './outbox/outbox.js';
import { PasswordHasher } from './passwords/password-hasher.js';
import type { Services } from './protocol/operation.js';
import type { Store } from './store/store.js';
import { AccessTokenVerifier } from './tokens/access-token-verifier.js';
import { KeyRing } from './tokens/key-ring.js';
import { TokenIssuer } from './tokens/token-issuer.js';

export interface ServicesHandle extends Services {
  /** Sets the base URL of issuers once the listening address is known. */
  setBaseUrl(url: string): void;
}

export function createServices(config: EmulatorConfig, store: Store, log: FastifyBaseLogger, clock = new AdjustableClock()): ServicesHandle {
  let baseUrl = config.publicUrl ?? `http://${config.host}:${config.port}`;
  // With --issuer-style aws, iss is what real Cognito writes, so verifiers that derive the issuer from the
  // pool id (aws-jwt-verify's CognitoJwtVerifier) accept it; the region is the pool id's own prefix.
  const issuerFor = (userPoolId: string): string =>
    config.issuerStyle === 'aws'
      ? `https://cognito-idp.${userPoolId.slice(0, userPoolId.indexOf('_'))}.amazonaws.com/${userPoolId}`
      : `${baseUrl}/${userPoolId}`;
  const keys = new KeyRing(store);
  return {
    config,
    store,
    clock,
    log,
    passwords: new PasswordHasher(config.passwordHashing),
    keys,
    tokens: new TokenIssuer(store, keys, clock, issuerFor),
    accessTokens: new AccessTokenVerifier(store, keys, clock),
    outbox: new Outbox(store, clock, log),
    issuerFor,
    jwksUriFor: (userPoolId: string): string => `${baseUrl}/${userPoolId}/.well-known/jwks.json`,
    setBaseUrl(url: string) {
      if (config.publicUrl === undefined) baseUrl = url.replace(/\/+$/, '');
    },
  };
}
