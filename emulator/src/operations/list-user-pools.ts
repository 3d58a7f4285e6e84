import { Type } from '@sinclair/typebox';
import { decodePosition, page } from '../domain/pagination.js';
import { wireTime } from '../domain/wire.js';
import { defineOperation } from '../protocol/operation.js';
import { NextToken } from '../protocol/shapes.js';

export const ListUserPools = defineOperation({
  name: 'ListUserPools',
  input: Type.Object({ NextToken: Type.Optional(NextToken), MaxResults: Type.Integer({ minimum: 1, maximum: 60 }) }),
  run(ctx, input) {
    const rows = ctx.store.userPools.page(decodePosition(input.NextToken), input.MaxResults + 1);
    const { items, next } = page(rows, input.MaxResults);
    return {
      UserPools: items.map((pool) => ({
        Id: pool.id,
        Name: pool.name,
        LambdaConfig: pool.settings.LambdaConfig ?? {},
        LastModifiedDate: wireTime(pool.updatedAt),
        CreationDate: wireTime(pool.createdAt),
      })),
      ...(next && { NextToken: next }),
    };
  },
});
