import { Type } from '@sinclair/typebox';
import { requireGroup } from '../domain/groups.js';
import { requireUserPool } from '../domain/lookups.js';
import { decodeUserPosition, encodeUserPosition } from '../domain/user-pagination.js';
import { userToWire } from '../domain/wire.js';
import { defineOperation } from '../protocol/operation.js';
import { GroupName, PaginationToken, QueryLimit, UserPoolId } from '../protocol/shapes.js';
import type { UserRecord } from '../store/users.js';

export const ListUsersInGroup = defineOperation({
  name: 'ListUsersInGroup',
  input: Type.Object({ UserPoolId, GroupName, Limit: Type.Optional(QueryLimit), NextToken: Type.Optional(PaginationToken) }),
  run(ctx, input) {
    requireUserPool(ctx.store, input.UserPoolId);
    const group = requireGroup(ctx.store, input.UserPoolId, input.GroupName);
    const limit = input.Limit || 60;
    const ids = ctx.store.groups.pageMemberIds(group.userPoolId, group.name, decodeUserPosition(input.NextToken)?.id ?? 0, limit + 1);
    const users = ids.slice(0, limit).map((id) => ctx.store.users.findById(id)).filter((user): user is UserRecord => user !== undefined);
    const last = users.at(-1);
    return { Users: users.map(userToWire), ...(ids.length > limit && last && { NextToken: encodeUserPosition({ id: last.id }) }) };
  },
});
