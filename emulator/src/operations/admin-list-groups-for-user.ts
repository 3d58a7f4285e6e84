import { Type } from '@sinclair/typebox';
import { groupToWire } from '../domain/groups.js';
import { requireUserPool } from '../domain/lookups.js';
import { decodePosition, page } from '../domain/pagination.js';
import { requireUserBySignInName } from '../domain/sign-in-names.js';
import { defineOperation } from '../protocol/operation.js';
import { PaginationToken, QueryLimit, UserPoolId, Username } from '../protocol/shapes.js';

/** The user's groups, in the groups' creation order. */
export const AdminListGroupsForUser = defineOperation({
  name: 'AdminListGroupsForUser',
  input: Type.Object({ Username, UserPoolId, Limit: Type.Optional(QueryLimit), NextToken: Type.Optional(PaginationToken) }),
  run(ctx, input) {
    const pool = requireUserPool(ctx.store, input.UserPoolId);
    const user = requireUserBySignInName(ctx.store, pool, input.Username);
    const limit = input.Limit || 60;
    const rows = ctx.store.groups.pageForUser(user.id, decodePosition(input.NextToken), limit + 1);
    const { items, next } = page(rows.map((group) => ({ group, createdAt: group.createdAt, id: group.name })), limit);
    return { Groups: items.map((item) => groupToWire(item.group)), ...(next && { NextToken: next }) };
  },
});
