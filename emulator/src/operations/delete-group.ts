import { Type } from '@sinclair/typebox';
import { requireUserPool } from '../domain/lookups.js';
import { fail } from '../errors.js';
import { defineOperation } from '../protocol/operation.js';
import { GroupName, UserPoolId } from '../protocol/shapes.js';

/** Deletes the group; its members lose it (tokens issued from now on no longer name it). */
export const DeleteGroup = defineOperation({
  name: 'DeleteGroup',
  input: Type.Object({ GroupName, UserPoolId }),
  run(ctx, input) {
    requireUserPool(ctx.store, input.UserPoolId);
    const deleted = ctx.store.transaction(() => ctx.store.groups.delete(input.UserPoolId, input.GroupName));
    if (!deleted) fail('ResourceNotFoundException', 'Group not found.');
    return {};
  },
});
