import { Type } from '@sinclair/typebox';
import type { CreateUserPoolRequest } from '@aws-sdk/client-cognito-identity-provider';
import { newServerSecret, newUserPoolId } from '../domain/ids.js';
import { settingsFromCreateRequest } from '../domain/user-pool-settings.js';
import { userPoolToWire } from '../domain/wire.js';
import { defineOperation } from '../protocol/operation.js';
import { createPoolSigningKeys } from '../tokens/key-ring.js';


export const CreateUserPool = defineOperation({
  name: 'CreateUserPool',
  input: Type.Object({
    PoolName: Type.String({ minLength: 1, maxLength: 128, pattern: '^(?:[\\w\\s+=,.@-]+)$' }),
    Policies: Type.Optional(
      Type.Object({
        PasswordPolicy: Type.Optional(
          Type.Object({
            MinimumLength: Type.Optional(Type.Integer({ minimum: 6, maximum: 99 })),
            RequireUppercase: Type.Optional(Type.Boolean()),
            RequireLowercase: Type.Optional(Type.Boolean()),
            RequireNumbers: Type.Optional(Type.Boolean()),
            RequireSymbols: Type.Optional(Type.Boolean()),
            PasswordHistorySize: Type.Optional(Type.Integer({ minimum: 0, maximum: 24 })),
            TemporaryPasswordValidityDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
          }),
        ),
      }),
    ),
    AutoVerifiedAttributes: Type.Optional(Type.Array(Type.Union([Type.Literal('email'), Type.Literal('phone_number')]))),
    AliasAttributes: Type.Optional(Type.Array(Type.Union([Type.Literal('email'), Type.Literal('phone_number'), Type.Literal('preferred_username')]))),
    UsernameAttributes: Type.Optional(Type.Array(Type.Union([Type.Literal('email'), Type.Literal('phone_number')]))),
    UsernameConfiguration: Type.Optional(Type.Object({ CaseSensitive: Type.Boolean() })),
    MfaConfiguration: Type.Optional(Type.Union([Type.Literal('OFF'), Type.Literal('ON'), Type.Literal('OPTIONAL')])),
    DeletionProtection: Type.Optional(Type.Union([Type.Literal('ACTIVE'), Type.Literal('INACTIVE')])),
    Schema: Type.Optional(
      Type.Array(
        Type.Object({
          Name: Type.Optional(Type.String({ minLength: 1, maxLength: 20, pattern: '^(?:[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+)$' })),
          AttributeDataType: Type.Optional(
            Type.Union([Type.Literal('String'), Type.Literal('Number'), Type.Literal('DateTime'), Type.Literal('Boolean')]),
          ),
          DeveloperOnlyAttribute: Type.Optional(Type.Boolean()),
          Mutable: Type.Optional(Type.Boolean()),
          Required: Type.Optional(Type.Boolean()),
        }),
        { minItems: 1, maxItems: 50 },
      ),
    ),
    UserPoolTags: Type.Optional(Type.Record(Type.String(), Type.String())),
    UserPoolTier: Type.Optional(Type.Union([Type.Literal('LITE'), Type.Literal('ESSENTIALS'), Type.Literal('PLUS')])),
    EmailVerificationMessage: Type.Optional(Type.String({ minLength: 6, maxLength: 20000 })),
    EmailVerificationSubject: Type.Optional(Type.String({ minLength: 1, maxLength: 140 })),
    SmsVerificationMessage: Type.Optional(Type.String({ minLength: 6, maxLength: 140 })),
    SmsAuthenticationMessage: Type.Optional(Type.String({ minLength: 6, maxLength: 140 })),
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
