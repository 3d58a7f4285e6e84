import { Type } from '@sinclair/typebox';
import { ChallengeName, respondToChallenge } from '../auth/respond-to-challenge.js';
import { requireAppClient } from '../domain/lookups.js';
import { defineOperation } from '../protocol/operation.js';
import { ClientId, ClientMetadata, Ignored, Session, StringMap } from '../protocol/shapes.js';

export const RespondToAuthChallenge = defineOperation({
  name: 'RespondToAuthChallenge',
  input: Type.Object({
    ClientId,
    ChallengeName,
    Session: Type.Optional(Session),
    ChallengeResponses: Type.Optional(StringMap),
    ClientMetadata: Type.Optional(ClientMetadata),
    AnalyticsMetadata: Type.Optional(Ignored),
    UserContextData: Type.Optional(Ignored),
  }),
  run(ctx, input) {
    const { client, pool } = requireAppClient(ctx.store, input.ClientId);
    return respondToChallenge(ctx, pool, client, input);
  },
});
