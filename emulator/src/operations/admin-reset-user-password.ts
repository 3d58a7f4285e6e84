import { Type } from '@sinclair/typebox';
import { requireUserPool } from '../domain/lookups.js';
import { sendPasswordResetCode } from '../domain/password-reset.js';
import { requireUserBySignInName } from '../domain/sign-in-names.js';
import { fail } from '../errors.js';
import { defineOperation } from '../protocol/operation.js';
import { ClientMetadata, UserPoolId, Username } from '../protocol/shapes.js';

/**
 * Deactivates the user's password: status RESET_REQUIRED, so sign-in answers PasswordResetRequiredException,
 * and a FORGOT_PASSWORD code goes to their verified email or phone for ConfirmForgotPassword. Without a
 * verified address nothing changes and the answer is ForgotPassword's InvalidParameterException. Unconfirmed
 * users and those with a temporary password cannot be reset (NotAuthorizedException, ForgotPassword's wording).
 */
export const AdminResetUserPassword = defineOperation({
  name: 'AdminResetUserPassword',
  input: Type.Object({ UserPoolId, Username, ClientMetadata: Type.Optional(ClientMetadata) }),
  run(ctx, input) {
    const pool = requireUserPool(ctx.store, input.UserPoolId);
    const now = ctx.clock.now();
    ctx.store.transaction(() => {
      const user = requireUserBySignInName(ctx.store, pool, input.Username);
      if (user.status === 'UNCONFIRMED' || user.status === 'FORCE_CHANGE_PASSWORD') {
        fail('NotAuthorizedException', 'User password cannot be reset in the current state.');
      }
      sendPasswordResetCode(ctx, pool, user, now);
      ctx.store.users.setStatus(user.id, 'RESET_REQUIRED', user.attributes, now);
    });
    return {};
  },
});
