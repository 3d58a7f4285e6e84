import { Type } from '@sinclair/typebox';
import { fail } from '../errors.js';
import { requireUserPool } from '../domain/lookups.js';
import { defineOperation } from '../protocol/operation.js';
import { UserPoolId } from '../protocol/shapes.js';

export const DeleteUserPool = defineOperation({
  name: 'DeleteUserPool',
  input: Type.Object({ UserPoolId }),
  run(ctx, input) {
    const pool = requireUserPool(ctx.store, input.UserPoolId);
    if (pool.settings.DeletionProtection === 'ACTIVE') {
      fail('InvalidParameterException', `The user pool ${pool.id} cannot be deleted because deletion protection is activated.`); // wording invented
    }
    // Clients, users, keys, codes, messages and refresh tokens go with it (foreign keys cascade).
    ctx.store.userPools.delete(pool.id);
    ctx.keys.forgetPool(pool.id);
    return {};
  },
});
