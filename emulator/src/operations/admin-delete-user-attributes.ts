import { Type } from '@sinclair/typebox';
import { deleteUserAttributes } from '../domain/attribute-changes.js';
import { requireUserPool } from '../domain/lookups.js';
import { requireUserBySignInName } from '../domain/sign-in-names.js';
import { defineOperation } from '../protocol/operation.js';
import { AttributeNameList, UserPoolId, Username } from '../protocol/shapes.js';

export const AdminDeleteUserAttributes = defineOperation({
  name: 'AdminDeleteUserAttributes',
  input: Type.Object({ UserPoolId, Username, UserAttributeNames: AttributeNameList }),
  run(ctx, input) {
    const pool = requireUserPool(ctx.store, input.UserPoolId);
    deleteUserAttributes(ctx, pool, requireUserBySignInName(ctx.store, pool, input.Username), input.UserAttributeNames);
    return {};
  },
});
