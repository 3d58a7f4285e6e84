import { groupToWire } from '../domain/groups.js';
import { requireUserPool } from '../domain/lookups.js';
import { fail } from '../errors.js';
import { defineOperation } from '../protocol/operation.js';
import { GroupInput } from '../protocol/shapes.js';
import { isUniquenessViolation } from '../store/store.js';

export const CreateGroup = defineOperation({
  name: 'CreateGroup',
  input: GroupInput,
  run(ctx, input) {
    const pool = requireUserPool(ctx.store, input.UserPoolId);
    const now = ctx.clock.now();
    const group = {
      userPoolId: pool.id,
      name: input.GroupName,
      description: input.Description,
      roleArn: input.RoleArn,
      precedence: input.Precedence,
      createdAt: now,
      updatedAt: now,
    };
    try {
      ctx.store.transaction(() => ctx.store.groups.insert(group));
    } catch (error) {
      if (isUniquenessViolation(error)) fail('GroupExistsException', 'A group with the name already exists.');
      throw error;
    }
    return { Group: groupToWire(group) };
  },
});
