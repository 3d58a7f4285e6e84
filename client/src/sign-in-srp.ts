import { randomBytes } from 'node:crypto';
import { InitiateAuthCommand, RespondToAuthChallengeCommand } from '@aws-sdk/client-cognito-identity-provider';
import type {
  CognitoIdentityProviderClient,
  RespondToAuthChallengeCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import { UnhandledChallengeError } from './errors.js';
import { secretHash } from './secret-hash.js';
import { N, computeA, computeSignature, poolNameOf } from './srp-client-math.js';
import { formatSrpTimestamp } from './srp-timestamp.js';

export interface SignInWithSrpOptions {
  client: CognitoIdentityProviderClient;
  clientId: string;
  /** Needed for the pool name that SRP mixes into x and the signature. */
  userPoolId: string;
  /** Username or alias (email, phone, preferred_username) as the user typed it. */
  username: string;
  password: string;
  /** Only for app clients that have a secret. */
  clientSecret?: string;
  /** Source of the TIMESTAMP; defaults to the system clock. */
  clock?: () => Date;
}

/** 128 random bytes, as amazon-cognito-identity-js and Amplify use for a. */
function randomSecretExponent(): bigint {
  for (;;) {
    const a = BigInt(`0x${randomBytes(128).toString('hex')}`);
    if (a % N !== 0n) return a;
  }
}

/**
 * USER_SRP_AUTH: InitiateAuth with SRP_A, then RespondToAuthChallenge
 * PASSWORD_VERIFIER (cognito-facts.md §3.3, §4.2). Returns the second answer
 * as is: tokens, or the next challenge (e.g. NEW_PASSWORD_REQUIRED + Session).
 */
export async function signInWithSrp(options: SignInWithSrpOptions): Promise<RespondToAuthChallengeCommandOutput> {
  const { client, clientId, userPoolId, username, password, clientSecret } = options;
  const clock = options.clock ?? (() => new Date());
  const poolName = poolNameOf(userPoolId);

  const a = randomSecretExponent();
  const authParameters: Record<string, string> = {
    USERNAME: username,
    SRP_A: computeA(a).toString(16),
  };
  if (clientSecret !== undefined) authParameters.SECRET_HASH = secretHash(clientSecret, username, clientId);

  const init = await client.send(
    new InitiateAuthCommand({ AuthFlow: 'USER_SRP_AUTH', ClientId: clientId, AuthParameters: authParameters }),
  );
  const params = init.ChallengeParameters ?? {};
  if (init.ChallengeName !== 'PASSWORD_VERIFIER') {
    throw new UnhandledChallengeError(
      init.ChallengeName ?? '(none)',
      init.Session,
      params,
      'USER_SRP_AUTH must answer PASSWORD_VERIFIER first',
    );
  }
  const userIdForSrp = requireParam(params, 'USER_ID_FOR_SRP');
  const secretBlock = requireParam(params, 'SECRET_BLOCK');
  const timestamp = formatSrpTimestamp(clock());
  const signature = computeSignature({
    poolName,
    // The real username, never the alias typed at sign-in (facts §3.3).
    username: userIdForSrp,
    password,
    saltHex: requireParam(params, 'SALT'),
    srpBHex: requireParam(params, 'SRP_B'),
    secretBlockBase64: secretBlock,
    timestamp,
    a,
  });

  const responses: Record<string, string> = {
    USERNAME: userIdForSrp,
    PASSWORD_CLAIM_SECRET_BLOCK: secretBlock,
    TIMESTAMP: timestamp,
    PASSWORD_CLAIM_SIGNATURE: signature,
  };
  if (clientSecret !== undefined) responses.SECRET_HASH = secretHash(clientSecret, userIdForSrp, clientId);

  return client.send(
    new RespondToAuthChallengeCommand({
      ClientId: clientId,
      ChallengeName: 'PASSWORD_VERIFIER',
      // Real Cognito sends no Session with PASSWORD_VERIFIER; pass one on if it does.
      Session: init.Session,
      ChallengeResponses: responses,
    }),
  );
}

function requireParam(params: Record<string, string>, name: string): string {
  const value = params[name];
  if (value === undefined || value === '') {
    throw new Error(`PASSWORD_VERIFIER challenge is missing ChallengeParameters.${name}`);
  }
  return value;
}
