import { Type } from '@sinclair/typebox';
import { requireAppClient } from '../domain/lookups.js';
import { appClientToWire } from '../domain/wire.js';
import { defineOperation } from '../protocol/operation.js';
import { ClientId, UserPoolId } from '../protocol/shapes.js';

export const DescribeUserPoolClient = defineOperation({
  name: 'DescribeUserPoolClient',
  input: Type.Object({ UserPoolId, ClientId }),
  run(ctx, input) {
    const { client } = requireAppClient(ctx.store, input.ClientId, input.UserPoolId);
    return { UserPoolClient: appClientToWire(client) };
  },
});
