/**
 * NEW_PASSWORD_REQUIRED (shared/cognito-facts.md §3.4): a user with a temporary password (status
 * FORCE_CHANGE_PASSWORD) who proves it, by password or SRP sign-in, gets this challenge and a Session
 * instead of tokens; the answer sets a permanent password (and any required attributes) and signs in.
 */
import { attributesFromWire, type AttributeMap } from '../domain/attributes.js';
import { checkPasswordPolicy } from '../domain/password-policy.js';
import { checkSecretHash } from '../domain/secret-hash.js';
import { claimAliases, findUserBySignInName } from '../domain/sign-in-names.js';
import { passwordPolicyOf } from '../domain/user-pool-settings.js';
import { fail } from '../errors.js';
import { createCredentials } from '../passwords/credentials.js';
import type { OperationContext } from '../protocol/operation.js';
import type { AppClientRecord } from '../store/app-clients.js';
import type { UserPoolRecord } from '../store/user-pools.js';
import type { UserRecord } from '../store/users.js';
import { requiredParameter } from './auth-parameters.js';
import { consumeSession, findSession, invalidSession, issueSession } from './challenge-sessions.js';
import { completeSignIn, type SignInOutcome } from './sign-in-outcome.js';

const CHALLENGE = 'NEW_PASSWORD_REQUIRED';
const ATTRIBUTE_PREFIX = 'userAttributes.';
/** Cognito sets these itself; the challenge answer may not (amazon-cognito-identity-js tells apps to drop them). */
const notAnswerable = new Set(['email_verified', 'phone_number_verified']);

/**
 * The challenge. `userAttributes` and `requiredAttributes` are JSON *strings*: amazon-cognito-identity-js
 * JSON.parses both without a guard. userAttributes holds the current attributes without `sub` (as in the
 * real samples) and without developer-only ones; requiredAttributes names the schema-required attributes
 * the user still lacks, prefixed `userAttributes.`.
 */
export function newPasswordChallenge(ctx: OperationContext, pool: UserPoolRecord, client: AppClientRecord, user: UserRecord): SignInOutcome {
  const shown = Object.fromEntries(Object.entries(user.attributes).filter(([name]) => !name.startsWith('dev:')));
  return {
    ChallengeName: CHALLENGE,
    Session: issueSession(ctx, pool, client, user, CHALLENGE),
    ChallengeParameters: {
      USER_ID_FOR_SRP: user.username,
      requiredAttributes: JSON.stringify(missingRequiredAttributes(pool, user.attributes).map((name) => `${ATTRIBUTE_PREFIX}${name}`)),
      userAttributes: JSON.stringify(shown),
    },
  };
}

/** RespondToAuthChallenge NEW_PASSWORD_REQUIRED: {USERNAME, NEW_PASSWORD, userAttributes.<name>..., SECRET_HASH}. */
export async function answerNewPasswordRequired(
  ctx: OperationContext,
  pool: UserPoolRecord,
  client: AppClientRecord,
  session: string | undefined,
  responses: Readonly<Record<string, string>> | undefined,
): Promise<SignInOutcome> {
  const username = requiredParameter(responses, 'USERNAME');
  const newPassword = requiredParameter(responses, 'NEW_PASSWORD');
  checkSecretHash(client, username, responses?.SECRET_HASH);
  const record = findSession(ctx, client, session, CHALLENGE);
  const user = ctx.store.users.findById(record.userId);
  if (!user || user.status !== 'FORCE_CHANGE_PASSWORD' || !user.enabled) invalidSession();
  if (findUserBySignInName(ctx.store, pool, username)?.id !== user!.id) invalidSession();

  const attributes = answeredAttributes(pool, user!, responses ?? {});
  const missing = missingRequiredAttributes(pool, attributes);
  if (missing.length > 0) fail('InvalidParameterException', `Invalid attributes given, ${missing.join(' and ')} is missing`);
  checkPasswordPolicy(newPassword, passwordPolicyOf(pool.settings));

  const credentials = await createCredentials(ctx.passwords, pool.id, user!.username, newPassword);
  const now = ctx.clock.now();
  const updated = ctx.store.transaction(() => {
    consumeSession(ctx, record);
    ctx.store.users.setPassword(user!.id, credentials, 'CONFIRMED', now);
    ctx.store.users.setAttributes(user!.id, attributes, now);
    // AliasAttributes pools: a preferred_username given here becomes a sign-in name.
    claimAliases(ctx.store, pool, user!, attributes, false);
    return ctx.store.users.findById(user!.id);
  });
  if (!updated) invalidSession();
  return completeSignIn(ctx, pool, client, updated!);
}

/** The user's attributes with the `userAttributes.<name>` answers applied, checked against the schema. */
function answeredAttributes(pool: UserPoolRecord, user: UserRecord, responses: Readonly<Record<string, string>>): AttributeMap {
  const given = Object.entries(responses)
    .filter(([key]) => key.startsWith(ATTRIBUTE_PREFIX))
    .map(([key, value]) => ({ Name: key.slice(ATTRIBUTE_PREFIX.length), Value: value }));
  for (const { Name } of given) {
    if (notAnswerable.has(Name)) fail('InvalidParameterException', `Cannot modify the non-mutable attribute ${Name}`); // wording invented
  }
  const changes = attributesFromWire(pool.settings, given);
  const attributes: AttributeMap = { ...user.attributes, ...changes };
  // A changed address is no longer the verified one.
  for (const name of ['email', 'phone_number'] as const) {
    if (changes[name] !== undefined && changes[name] !== user.attributes[name] && attributes[`${name}_verified`] === 'true') {
      attributes[`${name}_verified`] = 'false';
    }
  }
  return attributes;
}

function missingRequiredAttributes(pool: UserPoolRecord, attributes: Readonly<AttributeMap>): string[] {
  return (pool.settings.SchemaAttributes ?? [])
    .filter((definition) => definition.Required && definition.Name !== 'sub' && !attributes[definition.Name ?? ''])
    .map((definition) => definition.Name ?? '');
}
