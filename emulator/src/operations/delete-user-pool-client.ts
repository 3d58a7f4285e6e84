import { Type } from '@sinclair/typebox';
import { requireAppClient } from '../domain/lookups.js';
import { defineOperation } from '../protocol/operation.js';
import { ClientId, UserPoolId } from '../protocol/shapes.js';

/** Deletes the app client; its refresh tokens die with it (foreign keys cascade). */
export const DeleteUserPoolClient = defineOperation({
  name: 'DeleteUserPoolClient',
  input: Type.Object({ UserPoolId, ClientId }),
  run(ctx, input) {
    const { client } = requireAppClient(ctx.store, input.ClientId, input.UserPoolId);
    ctx.store.transaction(() => ctx.store.appClients.delete(client.id));
    return {};
  },
});
