import { Type } from '@sinclair/typebox';
import { requireUserPool } from '../domain/lookups.js';
import { decodePosition, page } from '../domain/pagination.js';
import { defineOperation } from '../protocol/operation.js';
import { NextToken, UserPoolId } from '../protocol/shapes.js';

export const ListUserPoolClients = defineOperation({
  name: 'ListUserPoolClients',
  input: Type.Object({ UserPoolId, MaxResults: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })), NextToken: Type.Optional(NextToken) }),
  run(ctx, input) {
    requireUserPool(ctx.store, input.UserPoolId);
    const limit = input.MaxResults ?? 60;
    const { items, next } = page(ctx.store.appClients.page(input.UserPoolId, decodePosition(input.NextToken), limit + 1), limit);
    return {
      UserPoolClients: items.map((client) => ({ ClientId: client.id, UserPoolId: client.userPoolId, ClientName: client.name })),
      ...(next && { NextToken: next }),
    };
  },
});
