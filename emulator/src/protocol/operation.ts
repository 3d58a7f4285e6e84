/**
 * What an operation is: its AWS name, a schema of its input (the model's constraints), and `run`, which
 * applies Cognito's rules and returns the wire output. Operations know nothing of HTTP.
 */
import type { Static, TSchema } from '@sinclair/typebox';
import type { FastifyBaseLogger } from 'fastify';
import type { AdjustableClock } from '../clock.js';
import type { EmulatorConfig } from '../config.js';
import type { Outbox } from '../outbox/outbox.js';
import type { PasswordHasher } from '../passwords/password-hasher.js';
import type { Store } from '../store/store.js';
import type { AccessTokenVerifier } from '../tokens/access-token-verifier.js';
import type { KeyRing } from '../tokens/key-ring.js';
import type { TokenIssuer } from '../tokens/token-issuer.js';

/** Long-lived parts every operation may use; built once per emulator. */
export interface Services {
  readonly config: EmulatorConfig;
  readonly store: Store;
  readonly clock: AdjustableClock;
  readonly log: FastifyBaseLogger;
  readonly passwords: PasswordHasher;
  readonly keys: KeyRing;
  readonly tokens: TokenIssuer;
  readonly accessTokens: AccessTokenVerifier;
  readonly outbox: Outbox;
  /** The issuer (`<base URL>/<poolId>`, or the AWS form with --issuer-style aws) of a pool's tokens. */
  issuerFor(userPoolId: string): string;
  /** Where this emulator serves the pool's JWKS (`<base URL>/<poolId>/.well-known/jwks.json`), whatever the issuer style. */
  jwksUriFor(userPoolId: string): string;
}

export interface OperationContext extends Services {
  readonly requestId: string;
  readonly log: FastifyBaseLogger;
}

export interface Operation<Schema extends TSchema = TSchema> {
  readonly name: string;
  readonly input: Schema;
  run(ctx: OperationContext, input: Static<Schema>): Promise<object> | object;
}

export const defineOperation = <Schema extends TSchema>(operation: Operation<Schema>): Operation<Schema> => operation;
