import { Type } from '@sinclair/typebox';
import type { CreateUserPoolClientRequest } from '@aws-sdk/client-cognito-identity-provider';
import { settingsFromCreateRequest } from '../domain/app-client-settings.js';
import { newAppClientId, newAppClientSecret } from '../domain/ids.js';
import { requireUserPool } from '../domain/lookups.js';
import { appClientToWire } from '../domain/wire.js';
import { fail } from '../errors.js';
import { defineOperation } from '../protocol/operation.js';
import { AppClientSettingsMembers, ClientName, ClientSecret, UserPoolId } from '../protocol/shapes.js';

export const CreateUserPoolClient = defineOperation({
  name: 'CreateUserPoolClient',
  input: Type.Object({
    UserPoolId,
    ClientName,
    GenerateSecret: Type.Optional(Type.Boolean()),
    ClientSecret: Type.Optional(ClientSecret),
    ...AppClientSettingsMembers,
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
