import { Type } from '@sinclair/typebox';
import { ChallengeName, respondToChallenge } from '../auth/respond-to-challenge.js';
import { requireAppClient } from '../domain/lookups.js';
import { defineOperation } from '../protocol/operation.js';
import { ClientId, ClientMetadata, Ignored, Session, StringMap, UserPoolId } from '../protocol/shapes.js';

export const AdminRespondToAuthChallenge = defineOperation({
  name: 'AdminRespondToAuthChallenge',
  input: Type.Object({
    UserPoolId,
    ClientId,
    ChallengeName,
    Session: Type.Optional(Session),
    ChallengeResponses: Type.Optional(StringMap),
    ClientMetadata: Type.Optional(ClientMetadata),
    AnalyticsMetadata: Type.Optional(Ignored),
    ContextData: Type.Optional(Ignored),
  }),
  run(ctx, input) {
    const { client, pool } = requireAppClient(ctx.store, input.ClientId, input.UserPoolId);
    return respondToChallenge(ctx, pool, client, input);
  },
});
