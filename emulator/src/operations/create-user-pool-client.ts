import { Type } from '@sinclair/typebox';
import type { CreateUserPoolClientRequest } from '@aws-sdk/client-cognito-identity-provider';
import { settingsFromCreateRequest } from '../domain/app-client-settings.js';
import { newAppClientId, newAppClientSecret } from '../domain/ids.js';
import { requireUserPool } from '../domain/lookups.js';
import { appClientToWire } from '../domain/wire.js';
import { fail } from '../errors.js';
import { defineOperation } from '../protocol/operation.js';
import { ClientSecret, UserPoolId } from '../protocol/shapes.js';

const validityUnit = Type.Optional(Type.Union(['seconds', 'minutes', 'hours', 'days'].map((unit) => Type.Literal(unit))));

export const CreateUserPoolClient = defineOperation({
  name: 'CreateUserPoolClient',
  input: Type.Object({
    UserPoolId,
    ClientName: Type.String({ minLength: 1, maxLength: 128, pattern: '^(?:[\\w\\s+=,.@-]+)$' }),
    GenerateSecret: Type.Optional(Type.Boolean()),
    ClientSecret: Type.Optional(ClientSecret),
    RefreshTokenValidity: Type.Optional(Type.Integer({ minimum: 0, maximum: 315360000 })),
    AccessTokenValidity: Type.Optional(Type.Integer({ minimum: 1, maximum: 86400 })),
    IdTokenValidity: Type.Optional(Type.Integer({ minimum: 1, maximum: 86400 })),
    TokenValidityUnits: Type.Optional(Type.Object({ AccessToken: validityUnit, IdToken: validityUnit, RefreshToken: validityUnit })),
    ReadAttributes: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 32 }))),
    WriteAttributes: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 32 }))),
    ExplicitAuthFlows: Type.Optional(
      Type.Array(
        Type.Union(
          [
            'ADMIN_NO_SRP_AUTH',
            'CUSTOM_AUTH_FLOW_ONLY',
            'USER_PASSWORD_AUTH',
            'ALLOW_ADMIN_USER_PASSWORD_AUTH',
            'ALLOW_CUSTOM_AUTH',
            'ALLOW_USER_PASSWORD_AUTH',
            'ALLOW_USER_SRP_AUTH',
            'ALLOW_REFRESH_TOKEN_AUTH',
            'ALLOW_USER_AUTH',
          ].map((flow) => Type.Literal(flow)),
        ),
      ),
    ),
    PreventUserExistenceErrors: Type.Optional(Type.Union([Type.Literal('LEGACY'), Type.Literal('ENABLED')])),
    EnableTokenRevocation: Type.Optional(Type.Boolean()),
    AuthSessionValidity: Type.Optional(Type.Integer({ minimum: 3, maximum: 15 })),
  }),
  run(ctx, input) {
    const pool = requireUserPool(ctx.store, input.UserPoolId);
    if (input.GenerateSecret && input.ClientSecret !== undefined) {
      fail('InvalidParameterException', 'Cannot specify both ClientSecret and GenerateSecret as true.'); // wording invented
    }
    if (input.ClientSecret !== undefined && input.ClientSecret.length < 24) {
      fail('InvalidParameterException', "1 validation error detected: Value at 'clientSecret' failed to satisfy constraint: Member must have length greater than or equal to 24");
    }
    const settings = settingsFromCreateRequest(input as CreateUserPoolClientRequest);
    const now = ctx.clock.now();
    const client = {
      id: newAppClientId(),
      userPoolId: pool.id,
      name: input.ClientName,
      secret: input.GenerateSecret ? newAppClientSecret() : input.ClientSecret,
      settings,
      createdAt: now,
      updatedAt: now,
    };
    ctx.store.appClients.insert(client);
    return { UserPoolClient: appClientToWire(client) };
  },
});
