import { Type } from '@sinclair/typebox';
import { requireUserPool } from '../domain/lookups.js';
import { requireUserBySignInName } from '../domain/sign-in-names.js';
import { defineOperation } from '../protocol/operation.js';
import { UserPoolId, Username } from '../protocol/shapes.js';

export const AdminDeleteUser = defineOperation({
  name: 'AdminDeleteUser',
  input: Type.Object({ UserPoolId, Username }),
  run(ctx, input) {
    const pool = requireUserPool(ctx.store, input.UserPoolId);
    ctx.store.transaction(() => ctx.store.users.delete(requireUserBySignInName(ctx.store, pool, input.Username).id));
    return {};
  },
});
