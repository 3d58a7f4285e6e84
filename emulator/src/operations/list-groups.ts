import { Type } from '@sinclair/typebox';
import { groupToWire } from '../domain/groups.js';
import { requireUserPool } from '../domain/lookups.js';
import { decodePosition, page } from '../domain/pagination.js';
import { defineOperation } from '../protocol/operation.js';
import { PaginationToken, QueryLimit, UserPoolId } from '../protocol/shapes.js';

/** The pool's groups in creation order. */
export const ListGroups = defineOperation({
  name: 'ListGroups',
  input: Type.Object({ UserPoolId, Limit: Type.Optional(QueryLimit), NextToken: Type.Optional(PaginationToken) }),
  run(ctx, input) {
    requireUserPool(ctx.store, input.UserPoolId);
    const limit = input.Limit || 60;
    const rows = ctx.store.groups.page(input.UserPoolId, decodePosition(input.NextToken), limit + 1);
    const { items, next } = page(rows.map((group) => ({ group, createdAt: group.createdAt, id: group.name })), limit);
    return { Groups: items.map((item) => groupToWire(item.group)), ...(next && { NextToken: next }) };
  },
});
