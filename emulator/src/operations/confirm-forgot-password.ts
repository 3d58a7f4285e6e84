import { Type } from '@sinclair/typebox';
import { hidesUserExistence } from '../domain/app-client-settings.js';
import { consumeCode } from '../domain/confirmation-codes.js';
import { requireAppClient } from '../domain/lookups.js';
import { checkPasswordPolicy } from '../domain/password-policy.js';
import { checkSecretHash } from '../domain/secret-hash.js';
import { findUserBySignInName } from '../domain/sign-in-names.js';
import { passwordPolicyOf } from '../domain/user-pool-settings.js';
import { fail } from '../errors.js';
import { createCredentials } from '../passwords/credentials.js';
import { defineOperation } from '../protocol/operation.js';
import { ClientId, ClientMetadata, ConfirmationCode, Ignored, Password, SecretHash, Username } from '../protocol/shapes.js';

/**
 * Redeems a FORGOT_PASSWORD code (ForgotPassword, AdminResetUserPassword) and sets the new password; a
 * RESET_REQUIRED user becomes CONFIRMED. Wrong code: CodeMismatchException; expired, superseded or never
 * requested: ExpiredCodeException. Under PreventUserExistenceErrors an unknown or disabled user looks like a
 * wrong code (shared/cognito-facts.md §7.8).
 */
export const ConfirmForgotPassword = defineOperation({
  name: 'ConfirmForgotPassword',
  input: Type.Object({
    ClientId,
    Username,
    ConfirmationCode,
    Password,
    SecretHash: Type.Optional(SecretHash),
    ClientMetadata: Type.Optional(ClientMetadata),
    AnalyticsMetadata: Type.Optional(Ignored),
    UserContextData: Type.Optional(Ignored),
  }),
  async run(ctx, input) {
    const { client, pool } = requireAppClient(ctx.store, input.ClientId);
    checkSecretHash(client, input.Username, input.SecretHash);
    const hide = hidesUserExistence(client.settings);
    const user = findUserBySignInName(ctx.store, pool, input.Username);
    if (!user) return hide ? fail('CodeMismatchException') : fail('UserNotFoundException', 'Username/client id combination not found.');
    if (!user.enabled) return hide ? fail('CodeMismatchException') : fail('NotAuthorizedException', 'User is disabled.');
    checkPasswordPolicy(input.Password, passwordPolicyOf(pool.settings));
    // The slow derivations run before the transaction; the code is only used up if the password is stored.
    const credentials = await createCredentials(ctx.passwords, pool.id, user.username, input.Password);
    const now = ctx.clock.now();
    ctx.store.transaction(() => {
      const current = ctx.store.users.findById(user.id) ?? fail('UserNotFoundException', 'Username/client id combination not found.');
      consumeCode(ctx.store, current, 'FORGOT_PASSWORD', input.ConfirmationCode, now, 'ExpiredCodeException');
      const status = current.status === 'RESET_REQUIRED' ? 'CONFIRMED' : current.status;
      ctx.store.users.setPassword(current.id, credentials, status, now);
      ctx.store.signInFailures.clear(current.id);
    });
    return {};
  },
});
