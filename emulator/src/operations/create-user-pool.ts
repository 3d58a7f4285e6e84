import { Type } from '@sinclair/typebox';
import type { CreateUserPoolRequest } from '@aws-sdk/client-cognito-identity-provider';
import { newServerSecret, newUserPoolId } from '../domain/ids.js';
import { settingsFromCreateRequest } from '../domain/user-pool-settings.js';
import { userPoolToWire } from '../domain/wire.js';
import { defineOperation } from '../protocol/operation.js';
import { PoolName, SchemaAttribute, UserPoolSettingsMembers } from '../protocol/shapes.js';
import { createPoolSigningKeys } from '../tokens/key-ring.js';

export const CreateUserPool = defineOperation({
  name: 'CreateUserPool',
  input: Type.Object({
    PoolName,
    ...UserPoolSettingsMembers,
    AliasAttributes: Type.Optional(Type.Array(Type.Union([Type.Literal('email'), Type.Literal('phone_number'), Type.Literal('preferred_username')]))),
    UsernameAttributes: Type.Optional(Type.Array(Type.Union([Type.Literal('email'), Type.Literal('phone_number')]))),
    UsernameConfiguration: Type.Optional(Type.Object({ CaseSensitive: Type.Boolean() })),
    Schema: Type.Optional(Type.Array(SchemaAttribute, { minItems: 1, maxItems: 50 })),
  }),
  async run(ctx, input) {
    const settings = settingsFromCreateRequest(input as CreateUserPoolRequest);
    const now = ctx.clock.now();
    const id = newUserPoolId(ctx.config.region);
    // Key generation is slow and runs on the thread pool, before the one synchronous write.
    const signingKeys = await createPoolSigningKeys(id, now);
    const pool = { id, name: input.PoolName, settings, serverSecret: newServerSecret(), createdAt: now, updatedAt: now };
    ctx.store.transaction(() => {
      ctx.store.userPools.insert(pool);
      for (const key of signingKeys) ctx.store.signingKeys.insert(key);
    });
    return { UserPool: userPoolToWire(pool, ctx.config.region, ctx.config.accountId, 0) };
  },
});
