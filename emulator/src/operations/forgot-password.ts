import { hidesUserExistence } from '../domain/app-client-settings.js';
import { simulatedCodeDelivery } from '../domain/attributes.js';
import { requireAppClient } from '../domain/lookups.js';
import { recoveryAttribute, sendPasswordResetCode } from '../domain/password-reset.js';
import { checkSecretHash } from '../domain/secret-hash.js';
import { findUserBySignInName } from '../domain/sign-in-names.js';
import { fail } from '../errors.js';
import { defineOperation } from '../protocol/operation.js';
import { CodeRequest } from '../protocol/shapes.js';

/**
 * Sends a FORGOT_PASSWORD code (valid one hour) to the user's verified email or phone; ConfirmForgotPassword
 * redeems it. The user's status does not change. Under PreventUserExistenceErrors an unknown, disabled or
 * unreachable user gets a plausible CodeDeliveryDetails and no code (shared/cognito-facts.md §7.8).
 */
export const ForgotPassword = defineOperation({
  name: 'ForgotPassword',
  input: CodeRequest,
  run(ctx, input) {
    const { client, pool } = requireAppClient(ctx.store, input.ClientId);
    checkSecretHash(client, input.Username, input.SecretHash);
    const hide = hidesUserExistence(client.settings);
    const now = ctx.clock.now();
    return ctx.store.transaction(() => {
      const user = findUserBySignInName(ctx.store, pool, input.Username);
      if (!user) return hide ? simulatedCodeDelivery(input.Username) : fail('UserNotFoundException', 'Username/client id combination not found.');
      if (!user.enabled) return hide ? simulatedCodeDelivery(input.Username) : fail('NotAuthorizedException', 'User is disabled.');
      if (user.status === 'FORCE_CHANGE_PASSWORD') fail('NotAuthorizedException', 'User password cannot be reset in the current state.');
      if (hide && !recoveryAttribute(pool, user)) return simulatedCodeDelivery(input.Username);
      return { CodeDeliveryDetails: sendPasswordResetCode(ctx, pool, user, now) };
    });
  },
});
