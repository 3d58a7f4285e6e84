import { Type } from '@sinclair/typebox';
import { requireUserPool } from '../domain/lookups.js';
import { claimAliases, requireUserBySignInName } from '../domain/sign-in-names.js';
import { fail } from '../errors.js';
import { defineOperation } from '../protocol/operation.js';
import { ClientMetadata, UserPoolId, Username } from '../protocol/shapes.js';

export const AdminConfirmSignUp = defineOperation({
  name: 'AdminConfirmSignUp',
  input: Type.Object({ UserPoolId, Username, ClientMetadata: Type.Optional(ClientMetadata) }),
  run(ctx, input) {
    const pool = requireUserPool(ctx.store, input.UserPoolId);
    ctx.store.transaction(() => {
      const user = requireUserBySignInName(ctx.store, pool, input.Username);
      if (user.status !== 'UNCONFIRMED') fail('NotAuthorizedException', `User cannot be confirmed. Current status is ${user.status}`);
      // An admin confirmation verifies no attribute: nobody proved they received anything.
      claimAliases(ctx.store, pool, user, user.attributes, false);
      ctx.store.users.setStatus(user.id, 'CONFIRMED', user.attributes, ctx.clock.now());
      ctx.store.codes.consumeAny(user.id, 'SIGN_UP');
    });
    return {};
  },
});
