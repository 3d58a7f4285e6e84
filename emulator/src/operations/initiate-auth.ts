import { Type } from '@sinclair/typebox';
import { AuthFlow, requireFlowEnabled, unsupportedFlow } from '../auth/auth-flows.js';
import { passwordSignIn } from '../auth/password-sign-in.js';
import { refreshTokenAuthFlow } from '../auth/refresh.js';
import { startSrpSignIn } from '../auth/srp-sign-in.js';
import { requireAppClient } from '../domain/lookups.js';
import { fail } from '../errors.js';
import { defineOperation } from '../protocol/operation.js';
import { ClientId, ClientMetadata, Ignored, Session, StringMap } from '../protocol/shapes.js';

export const InitiateAuth = defineOperation({
  name: 'InitiateAuth',
  input: Type.Object({
    AuthFlow,
    ClientId,
    AuthParameters: Type.Optional(StringMap),
    ClientMetadata: Type.Optional(ClientMetadata),
    Session: Type.Optional(Session),
    AnalyticsMetadata: Type.Optional(Ignored),
    UserContextData: Type.Optional(Ignored),
  }),
  async run(ctx, input) {
    const { client, pool } = requireAppClient(ctx.store, input.ClientId);
    const parameters = input.AuthParameters;
    switch (input.AuthFlow) {
      case 'USER_PASSWORD_AUTH':
        requireFlowEnabled(client, 'USER_PASSWORD_AUTH');
        return passwordSignIn(ctx, pool, client, parameters);
      case 'REFRESH_TOKEN_AUTH':
      case 'REFRESH_TOKEN':
        return refreshTokenAuthFlow(ctx, pool, client, parameters);
      case 'USER_SRP_AUTH':
        requireFlowEnabled(client, 'USER_SRP_AUTH');
        return startSrpSignIn(ctx, pool, client, parameters);
      case 'CUSTOM_AUTH':
      case 'USER_AUTH':
        return unsupportedFlow(client, input.AuthFlow);
      case 'ADMIN_NO_SRP_AUTH':
      case 'ADMIN_USER_PASSWORD_AUTH':
        return fail('InvalidParameterException', 'Initiate Auth method not supported.');
    }
  },
});
