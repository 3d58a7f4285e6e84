/**
 * USER_SRP_AUTH through (Admin)InitiateAuth, then PASSWORD_VERIFIER through (Admin)RespondToAuthChallenge
 * (shared/cognito-facts.md §3.3, §4.3). The maths is in srp/srp-server.ts; this file does the Cognito
 * rules around it.
 *
 * - The PASSWORD_VERIFIER challenge has no Session, as on the real service: the server's state (pool,
 *   client, user, b, B, A, issue time) is sealed into SECRET_BLOCK with the pool's server secret
 *   (AES-256-GCM, srp/secret-block.ts), so it is opaque and tamper-evident, and it expires after
 *   SRP_CHALLENGE_LIFETIME_MS on the emulator's clock. Each block answers once (used_srp_challenges), so a
 *   captured proof cannot be replayed.
 * - The signature is checked over the TIMESTAMP exactly as received. Its value is not compared with the
 *   emulator's clock: the client signs with its own clock, and a test that moved the emulator's clock
 *   (/_emulator/clock) must still be able to sign in. Real Cognito's tolerance is unknown (facts §9.8).
 * - PreventUserExistenceErrors=ENABLED: an unknown name gets a plausible challenge whose salt and
 *   USER_ID_FOR_SRP are derived from HMAC(pool server secret, name), so they are stable per name, and the
 *   verifier step then fails with "Incorrect username or password." after the same amount of work.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { hidesUserExistence } from '../domain/app-client-settings.js';
import { checkSecretHash } from '../domain/secret-hash.js';
import { findUserBySignInName, usernameKey } from '../domain/sign-in-names.js';
import { checkNotLockedOut, clearPasswordFailures, failPasswordAttempt } from '../domain/sign-in-lockout.js';
import { srpPoolName } from '../domain/ids.js';
import { fail } from '../errors.js';
import type { OperationContext } from '../protocol/operation.js';
import type { AppClientRecord } from '../store/app-clients.js';
import type { UserPoolRecord } from '../store/user-pools.js';
import type { UserRecord } from '../store/users.js';
import { requiredParameter } from './auth-parameters.js';
import { invalidSession } from './challenge-sessions.js';
import { checkUserMaySignIn } from './password-sign-in.js';
import { completeSignIn, type SignInOutcome } from './sign-in-outcome.js';
import { N } from './srp/constants.js';
import { openSecretBlock, sealSecretBlock } from './srp/secret-block.js';
import { createPasswordVerifier, startChallenge, verifyPasswordClaim } from './srp/srp-server.js';

/** How long a SECRET_BLOCK can be answered. Real clients answer within milliseconds; the docs say "a few seconds". */
export const SRP_CHALLENGE_LIFETIME_MS = 5 * 60_000;

const incorrect = (): never => fail('NotAuthorizedException', 'Incorrect username or password.');

/** What SECRET_BLOCK carries. Short keys keep the block small; it is padded to Cognito's size anyway. */
interface ChallengeState {
  /** Format version. */
  readonly v: 1;
  /** Random id: each block can be answered once. */
  readonly id: string;
  readonly pool: string;
  readonly client: string;
  /** The user's row id, or null for the decoy challenge of an unknown name. */
  readonly user: number | null;
  /** USER_ID_FOR_SRP as sent: what the client signs with. */
  readonly name: string;
  /** For a decoy: the name that was typed (its usernameKey), to rebuild the decoy verifier. */
  readonly decoy?: string;
  readonly A: string;
  readonly b: string;
  readonly B: string;
  /** Emulator clock, ms. */
  readonly iat: number;
}

export async function startSrpSignIn(
  ctx: OperationContext,
  pool: UserPoolRecord,
  client: AppClientRecord,
  parameters: Readonly<Record<string, string>> | undefined,
): Promise<SignInOutcome> {
  const typedName = requiredParameter(parameters, 'USERNAME');
  const srpA = requiredParameter(parameters, 'SRP_A');
  checkSecretHash(client, typedName, parameters?.SECRET_HASH);
  if (!isAcceptableA(srpA)) fail('InvalidParameterException', 'Invalid SRP_A value.'); // wording invented

  const hideExistence = hidesUserExistence(client.settings);
  const user = findUserBySignInName(ctx.store, pool, typedName);
  let name: string;
  let salt: string;
  let verifier: string;
  let decoy: string | undefined;
  if (user && user.srpVerifier !== undefined && user.srpSalt !== undefined) {
    checkUserMaySignIn(user, hideExistence);
    name = user.username;
    salt = user.srpSalt;
    verifier = user.srpVerifier;
  } else if (user) {
    // A user with no password (none set yet): nothing can prove one, so the verifier step will fail.
    checkUserMaySignIn(user, hideExistence);
    decoy = usernameKey(pool, typedName);
    name = user.username;
    ({ salt, verifier } = await decoyVerifier(pool, decoy));
  } else {
    if (!hideExistence) fail('UserNotFoundException', 'User does not exist.');
    decoy = usernameKey(pool, typedName);
    ({ name, salt, verifier } = await decoyVerifier(pool, decoy));
  }

  const challenge = await startChallenge(verifier);
  const state: ChallengeState = {
    v: 1,
    id: randomUUID(),
    pool: pool.id,
    client: client.id,
    user: user && decoy === undefined ? user.id : null,
    name,
    ...(decoy !== undefined && { decoy }),
    A: srpA,
    b: challenge.privateBHex,
    B: challenge.srpBHex,
    iat: ctx.clock.now(),
  };
  return {
    ChallengeName: 'PASSWORD_VERIFIER',
    ChallengeParameters: {
      SALT: salt,
      SECRET_BLOCK: sealSecretBlock(pool.serverSecret, state),
      SRP_B: challenge.srpBHex,
      USERNAME: name,
      USER_ID_FOR_SRP: name,
    },
  };
}

export async function answerPasswordVerifier(
  ctx: OperationContext,
  pool: UserPoolRecord,
  client: AppClientRecord,
  responses: Readonly<Record<string, string>> | undefined,
): Promise<SignInOutcome> {
  const username = requiredParameter(responses, 'USERNAME');
  const secretBlock = requiredParameter(responses, 'PASSWORD_CLAIM_SECRET_BLOCK');
  const timestamp = requiredParameter(responses, 'TIMESTAMP');
  const signature = requiredParameter(responses, 'PASSWORD_CLAIM_SIGNATURE');
  checkSecretHash(client, username, responses?.SECRET_HASH);

  const state = readState(pool, client, secretBlock);
  const now = ctx.clock.now();
  if (state.iat + SRP_CHALLENGE_LIFETIME_MS <= now) invalidSession();
  const hideExistence = hidesUserExistence(client.settings);
  let user: UserRecord | undefined;
  if (state.user !== null) {
    user = ctx.store.users.findById(state.user);
    // Deleted since the challenge was issued.
    if (!user || user.userPoolId !== pool.id) return hideExistence ? incorrect() : fail('UserNotFoundException', 'User does not exist.');
  }
  // Clients answer with USER_ID_FOR_SRP; accept another sign-in name of the same user too.
  if (username !== state.name && (!user || findUserBySignInName(ctx.store, pool, username)?.id !== user.id)) incorrect();
  if (!ctx.store.authSessions.markSrpChallengeUsed(state.id, pool.id, state.iat + SRP_CHALLENGE_LIFETIME_MS)) invalidSession();

  const verifier = user?.srpVerifier ?? (await decoyVerifier(pool, state.decoy ?? state.name)).verifier;
  const valid = await verifyPasswordClaim({
    poolName: srpPoolName(pool.id),
    username: state.name,
    srpAHex: state.A,
    privateBHex: state.b,
    srpBHex: state.B,
    verifierHex: verifier,
    secretBlock: Buffer.from(secretBlock, 'base64'),
    timestamp,
    signatureBase64: signature,
  });
  if (!user || state.decoy !== undefined) incorrect();
  // The account may have changed while the client was computing its proof.
  checkUserMaySignIn(user!, hideExistence);
  checkNotLockedOut(ctx, user!);
  if (!valid || user!.srpVerifier !== verifier) failPasswordAttempt(ctx, user!);
  clearPasswordFailures(ctx, user!);
  return completeSignIn(ctx, pool, client, user!);
}

function readState(pool: UserPoolRecord, client: AppClientRecord, secretBlock: string): ChallengeState {
  const state = openSecretBlock(pool.serverSecret, secretBlock) as Partial<ChallengeState> | undefined;
  if (
    !state ||
    state.v !== 1 ||
    state.pool !== pool.id ||
    state.client !== client.id ||
    typeof state.id !== 'string' ||
    typeof state.name !== 'string' ||
    typeof state.A !== 'string' ||
    typeof state.b !== 'string' ||
    typeof state.B !== 'string' ||
    typeof state.iat !== 'number' ||
    (state.user !== null && typeof state.user !== 'number')
  ) {
    return invalidSession();
  }
  return state as ChallengeState;
}

/** SRP_A must be a hex number with A mod N != 0 (SRP-6a's abort condition), and not absurdly long. */
function isAcceptableA(srpA: string): boolean {
  if (srpA.length > 1536 || !/^[0-9a-fA-F]+$/.test(srpA)) return false;
  return BigInt(`0x${srpA}`) % N !== 0n;
}

/**
 * The stable stand-ins for a name with no verifier: salt and USER_ID_FOR_SRP (a UUID, as Cognito sends
 * for unknown users, facts §7.8) from HMAC(pool server secret, name), and a verifier for a password
 * nobody knows, so the challenge costs what a real one does.
 */
async function decoyVerifier(pool: UserPoolRecord, nameKey: string): Promise<{ name: string; salt: string; verifier: string }> {
  const derive = (purpose: string): Buffer => createHmac('sha256', pool.serverSecret).update(`srp-decoy:${purpose}:${nameKey}`, 'utf8').digest();
  const id = derive('user-id');
  id[6] = (id[6]! & 0x0f) | 0x40; // UUID version 4 layout
  id[8] = (id[8]! & 0x3f) | 0x80;
  const hex = id.subarray(0, 16).toString('hex');
  const name = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
  const { saltHex, verifierHex } = await createPasswordVerifier(srpPoolName(pool.id), name, derive('password').toString('base64'), derive('salt').subarray(0, 16));
  return { name, salt: saltHex, verifier: verifierHex };
}
