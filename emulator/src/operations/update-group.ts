import { groupToWire, requireGroup } from '../domain/groups.js';
import { requireUserPool } from '../domain/lookups.js';
import { defineOperation } from '../protocol/operation.js';
import { GroupInput } from '../protocol/shapes.js';

/**
 * Sets the group's description, role and precedence. Like UpdateUserPool, a member left out goes back to
 * its default (absent): the API reference says "If you don't provide a value for an attribute, it will be
 * set to the default value."
 */
export const UpdateGroup = defineOperation({
  name: 'UpdateGroup',
  input: GroupInput,
  run(ctx, input) {
    requireUserPool(ctx.store, input.UserPoolId);
    const now = ctx.clock.now();
    const updated = ctx.store.transaction(() => {
      const group = requireGroup(ctx.store, input.UserPoolId, input.GroupName);
      const next = {
        ...group,
        description: input.Description,
        roleArn: input.RoleArn,
        precedence: input.Precedence,
        updatedAt: now,
      };
      ctx.store.groups.update(next);
      return next;
    });
    return { Group: groupToWire(updated) };
  },
});
