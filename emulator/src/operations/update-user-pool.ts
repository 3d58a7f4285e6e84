import { Type } from '@sinclair/typebox';
import type { UpdateUserPoolRequest } from '@aws-sdk/client-cognito-identity-provider';
import { requireUserPool } from '../domain/lookups.js';
import { settingsFromUpdateRequest } from '../domain/user-pool-settings.js';
import { defineOperation } from '../protocol/operation.js';
import { PoolName, UserPoolId, UserPoolSettingsMembers } from '../protocol/shapes.js';

/**
 * Replaces the pool's updatable settings; members left out go back to their defaults, as on AWS
 * (domain/user-pool-settings.ts settingsFromUpdateRequest). The name changes only when PoolName is given.
 */
export const UpdateUserPool = defineOperation({
  name: 'UpdateUserPool',
  input: Type.Object({ UserPoolId, PoolName: Type.Optional(PoolName), ...UserPoolSettingsMembers }),
  run(ctx, input) {
    const now = ctx.clock.now();
    ctx.store.transaction(() => {
      const pool = requireUserPool(ctx.store, input.UserPoolId);
      const settings = settingsFromUpdateRequest(pool.settings, input as UpdateUserPoolRequest);
      ctx.store.userPools.update({ id: pool.id, name: input.PoolName ?? pool.name, settings, updatedAt: now });
    });
    return {};
  },
});
