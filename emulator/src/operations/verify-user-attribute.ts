import { Type } from '@sinclair/typebox';
import { consumeCode } from '../domain/confirmation-codes.js';
import { claimAliases } from '../domain/sign-in-names.js';
import { requireSignedInUser } from '../domain/signed-in-user.js';
import { fail } from '../errors.js';
import { defineOperation } from '../protocol/operation.js';
import { AttributeName, ConfirmationCode, TokenModel } from '../protocol/shapes.js';
import { isUniquenessViolation } from '../store/store.js';

/**
 * Redeems a VERIFY_ATTRIBUTE code: the email or phone number it went to becomes verified (and, in alias
 * pools, a sign-in name).
 */
export const VerifyUserAttribute = defineOperation({
  name: 'VerifyUserAttribute',
  input: Type.Object({ AccessToken: TokenModel, AttributeName, Code: ConfirmationCode }),
  async run(ctx, input) {
    const { pool, user } = await requireSignedInUser(ctx, input.AccessToken);
    const name = input.AttributeName;
    if (name !== 'email' && name !== 'phone_number') fail('InvalidParameterException', `Invalid attribute name: ${name} cannot be verified.`); // wording invented
    const now = ctx.clock.now();
    try {
      ctx.store.transaction(() => {
        const current = ctx.store.users.findById(user.id) ?? fail('UserNotFoundException', 'User does not exist.');
        consumeCode(ctx.store, current, `VERIFY:${name}`, input.Code, now);
        const attributes = { ...current.attributes, [`${name}_verified`]: 'true' };
        ctx.store.users.setAttributes(current.id, attributes, now);
        if (current.status !== 'UNCONFIRMED') claimAliases(ctx.store, pool, current, attributes, false);
      });
    } catch (error) {
      if (isUniquenessViolation(error)) fail('AliasExistsException', `An account with the given ${name} already exists.`);
      throw error;
    }
    return {};
  },
});
