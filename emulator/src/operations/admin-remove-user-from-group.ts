import { Type } from '@sinclair/typebox';
import { requireGroup } from '../domain/groups.js';
import { requireUserPool } from '../domain/lookups.js';
import { requireUserBySignInName } from '../domain/sign-in-names.js';
import { defineOperation } from '../protocol/operation.js';
import { GroupName, UserPoolId, Username } from '../protocol/shapes.js';

export const AdminRemoveUserFromGroup = defineOperation({
  name: 'AdminRemoveUserFromGroup',
  input: Type.Object({ UserPoolId, Username, GroupName }),
  run(ctx, input) {
    const pool = requireUserPool(ctx.store, input.UserPoolId);
    ctx.store.transaction(() => {
      const user = requireUserBySignInName(ctx.store, pool, input.Username);
      const group = requireGroup(ctx.store, pool.id, input.GroupName);
      ctx.store.groups.removeMember(pool.id, group.name, user.id);
    });
    return {};
  },
});
