import { Type } from '@sinclair/typebox';
import { groupToWire, requireGroup } from '../domain/groups.js';
import { requireUserPool } from '../domain/lookups.js';
import { defineOperation } from '../protocol/operation.js';
import { GroupName, UserPoolId } from '../protocol/shapes.js';

export const GetGroup = defineOperation({
  name: 'GetGroup',
  input: Type.Object({ GroupName, UserPoolId }),
  run(ctx, input) {
    requireUserPool(ctx.store, input.UserPoolId);
    return { Group: groupToWire(requireGroup(ctx.store, input.UserPoolId, input.GroupName)) };
  },
});
