import { Type } from '@sinclair/typebox';
import { checkPasswordPolicy } from '../domain/password-policy.js';
import { requireSignedInUser } from '../domain/signed-in-user.js';
import { checkNotLockedOut, clearPasswordFailures, failPasswordAttempt } from '../domain/sign-in-lockout.js';
import { passwordPolicyOf } from '../domain/user-pool-settings.js';
import { fail } from '../errors.js';
import { createCredentials } from '../passwords/credentials.js';
import { defineOperation } from '../protocol/operation.js';
import { Password, TokenModel } from '../protocol/shapes.js';

const attemptLimitExceeded = (): never => fail('LimitExceededException', 'Attempt limit exceeded, please try after some time.');

/**
 * Changes the signed-in user's password. A wrong PreviousPassword is "Incorrect username or password."
 * and counts toward the same back-off as sign-in; while it lasts the answer is LimitExceededException
 * (shared/cognito-facts.md, ChangePassword). Existing tokens keep working.
 */
export const ChangePassword = defineOperation({
  name: 'ChangePassword',
  input: Type.Object({
    AccessToken: TokenModel,
    PreviousPassword: Type.Optional(Password),
    ProposedPassword: Password,
  }),
  async run(ctx, input) {
    const { pool, user } = await requireSignedInUser(ctx, input.AccessToken);
    checkNotLockedOut(ctx, user, attemptLimitExceeded);
    if (user.passwordHash !== undefined) {
      if (input.PreviousPassword === undefined || input.PreviousPassword === '') {
        fail('InvalidParameterException', 'PreviousPassword is required to change the password of a user who has one.'); // wording invented
      }
      if (!(await ctx.passwords.verify(user.passwordHash, input.PreviousPassword))) {
        failPasswordAttempt(ctx, user, undefined, attemptLimitExceeded);
      }
      clearPasswordFailures(ctx, user);
    }
    checkPasswordPolicy(input.ProposedPassword, passwordPolicyOf(pool.settings));
    const credentials = await createCredentials(ctx.passwords, pool.id, user.username, input.ProposedPassword);
    const now = ctx.clock.now();
    ctx.store.transaction(() => {
      const current = ctx.store.users.findById(user.id) ?? fail('UserNotFoundException', 'User does not exist.');
      ctx.store.users.setPassword(current.id, credentials, current.status, now);
    });
    return {};
  },
});
