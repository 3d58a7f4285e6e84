import { Type } from '@sinclair/typebox';
import { requireUserPool } from '../domain/lookups.js';
import { requireUserBySignInName } from '../domain/sign-in-names.js';
import { defineOperation } from '../protocol/operation.js';
import { UserPoolId, Username } from '../protocol/shapes.js';

export const AdminEnableUser = defineOperation({
  name: 'AdminEnableUser',
  input: Type.Object({ UserPoolId, Username }),
  run(ctx, input) {
    const pool = requireUserPool(ctx.store, input.UserPoolId);
    const now = ctx.clock.now();
    ctx.store.transaction(() => ctx.store.users.setEnabled(requireUserBySignInName(ctx.store, pool, input.Username).id, true, now));
    return {};
  },
});
