import { Type } from '@sinclair/typebox';
import { requireUserPool } from '../domain/lookups.js';
import { userPoolToWire } from '../domain/wire.js';
import { defineOperation } from '../protocol/operation.js';
import { UserPoolId } from '../protocol/shapes.js';

export const DescribeUserPool = defineOperation({
  name: 'DescribeUserPool',
  input: Type.Object({ UserPoolId }),
  run(ctx, input) {
    const pool = requireUserPool(ctx.store, input.UserPoolId);
    return { UserPool: userPoolToWire(pool, ctx.config.region, ctx.config.accountId, ctx.store.userPools.countUsers(pool.id)) };
  },
});
