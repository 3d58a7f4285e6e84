import { Type } from '@sinclair/typebox';
import { updateUserAttributes } from '../domain/attribute-changes.js';
import { attributesFromWire } from '../domain/attributes.js';
import { requireUserPool } from '../domain/lookups.js';
import { requireUserBySignInName } from '../domain/sign-in-names.js';
import { defineOperation } from '../protocol/operation.js';
import { AttributeList, ClientMetadata, UserPoolId, Username } from '../protocol/shapes.js';

/**
 * An administrator edits a user's attributes; unlike the user, they may set `email_verified` and
 * `phone_number_verified` (a changed address marked verified in the same call gets no code).
 */
export const AdminUpdateUserAttributes = defineOperation({
  name: 'AdminUpdateUserAttributes',
  input: Type.Object({
    UserPoolId,
    Username,
    UserAttributes: AttributeList,
    ClientMetadata: Type.Optional(ClientMetadata),
  }),
  run(ctx, input) {
    const pool = requireUserPool(ctx.store, input.UserPoolId);
    const user = requireUserBySignInName(ctx.store, pool, input.Username);
    updateUserAttributes(ctx, pool, user, attributesFromWire(pool.settings, input.UserAttributes), { admin: true });
    return {};
  },
});
