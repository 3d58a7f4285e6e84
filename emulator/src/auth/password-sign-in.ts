/**
 * Sign-in with a username and password in one request: USER_PASSWORD_AUTH (InitiateAuth) and
 * ADMIN_USER_PASSWORD_AUTH / ADMIN_NO_SRP_AUTH (AdminInitiateAuth). Checks run in Cognito's order: an
 * unconfirmed user hears "User is not confirmed." even with a wrong password.
 */
import { hidesUserExistence } from '../domain/app-client-settings.js';
import { checkSecretHash } from '../domain/secret-hash.js';
import { findUserBySignInName } from '../domain/sign-in-names.js';
import { checkNotLockedOut, clearPasswordFailures, failPasswordAttempt } from '../domain/sign-in-lockout.js';
import { fail } from '../errors.js';
import type { OperationContext } from '../protocol/operation.js';
import type { AppClientRecord } from '../store/app-clients.js';
import type { UserPoolRecord } from '../store/user-pools.js';
import type { UserRecord } from '../store/users.js';
import { requiredParameter } from './auth-parameters.js';
import { completeSignIn, type SignInOutcome } from './sign-in-outcome.js';

// Verified against when the user does not exist, so an unknown name costs as much time as a wrong password.
let decoyHash: Promise<string> | undefined;

export async function passwordSignIn(
  ctx: OperationContext,
  pool: UserPoolRecord,
  client: AppClientRecord,
  parameters: Readonly<Record<string, string>> | undefined,
): Promise<SignInOutcome> {
  const username = requiredParameter(parameters, 'USERNAME');
  const password = requiredParameter(parameters, 'PASSWORD');
  checkSecretHash(client, username, parameters?.SECRET_HASH);

  const user = findUserBySignInName(ctx.store, pool, username);
  if (!user) {
    decoyHash ??= ctx.passwords.hash('cognito-emulator decoy password');
    await ctx.passwords.verify(await decoyHash, password);
    if (hidesUserExistence(client.settings)) fail('NotAuthorizedException', 'Incorrect username or password.');
    fail('UserNotFoundException', 'User does not exist.');
  }
  checkUserMaySignIn(user, hidesUserExistence(client.settings));
  checkNotLockedOut(ctx, user);
  if (!user.passwordHash || !(await ctx.passwords.verify(user.passwordHash, password))) failPasswordAttempt(ctx, user);
  clearPasswordFailures(ctx, user);
  return completeSignIn(ctx, pool, client, user);
}

/** The account states that stop a sign-in before any password is looked at. */
export function checkUserMaySignIn(user: UserRecord, hideExistence: boolean): void {
  if (!user.enabled) fail('NotAuthorizedException', 'User is disabled.');
  if (user.status === 'UNCONFIRMED') fail('UserNotConfirmedException', 'User is not confirmed.');
  if (user.status === 'RESET_REQUIRED') {
    if (hideExistence) fail('NotAuthorizedException', 'Incorrect username or password.');
    fail('PasswordResetRequiredException', 'Password reset required for the user');
  }
}
