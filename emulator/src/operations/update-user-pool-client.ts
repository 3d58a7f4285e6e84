import { Type } from '@sinclair/typebox';
import type { CreateUserPoolClientRequest } from '@aws-sdk/client-cognito-identity-provider';
import { settingsFromCreateRequest } from '../domain/app-client-settings.js';
import { requireAppClient } from '../domain/lookups.js';
import { appClientToWire } from '../domain/wire.js';
import { fail } from '../errors.js';
import { defineOperation } from '../protocol/operation.js';
import { AppClientSettingsMembers, ClientId, ClientName, UserPoolId } from '../protocol/shapes.js';
import type { UserPoolRecord } from '../store/user-pools.js';

/**
 * Replaces the client's settings. As the API reference warns, "If you don't provide a value for an
 * attribute, Amazon Cognito sets it to its default value": the settings are rebuilt from the request with
 * CreateUserPoolClient's defaults. The id and secret never change; the name only when ClientName is given.
 */
export const UpdateUserPoolClient = defineOperation({
  name: 'UpdateUserPoolClient',
  input: Type.Object({ UserPoolId, ClientId, ClientName: Type.Optional(ClientName), ...AppClientSettingsMembers }),
  run(ctx, input) {
    const { client, pool } = requireAppClient(ctx.store, input.ClientId, input.UserPoolId);
    const { UserPoolId: _pool, ClientId: _client, ClientName: name, ...members } = input;
    checkAttributeNames(pool, members.ReadAttributes, 'read');
    checkAttributeNames(pool, members.WriteAttributes, 'write');
    const settings = settingsFromCreateRequest({ ...members, UserPoolId: pool.id, ClientName: name ?? client.name } as CreateUserPoolClientRequest);
    const updated = { ...client, name: name ?? client.name, settings, updatedAt: ctx.clock.now() };
    ctx.store.transaction(() => ctx.store.appClients.update(updated));
    return { UserPoolClient: appClientToWire(updated) };
  },
});

/** Read and write permissions can only name attributes the pool's schema has. */
function checkAttributeNames(pool: UserPoolRecord, names: readonly string[] | undefined, kind: 'read' | 'write'): void {
  const known = new Set((pool.settings.SchemaAttributes ?? []).map((attribute) => attribute.Name));
  if (names?.some((name) => !known.has(name))) {
    fail('InvalidParameterException', `Invalid ${kind} attributes specified while updating a client`); // wording [unsure]
  }
}
