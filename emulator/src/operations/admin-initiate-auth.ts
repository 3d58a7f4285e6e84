import { Type } from '@sinclair/typebox';
import { AuthFlow, requireFlowEnabled, unsupportedFlow } from '../auth/auth-flows.js';
import { passwordSignIn } from '../auth/password-sign-in.js';
import { refreshTokenAuthFlow } from '../auth/refresh.js';
import { startSrpSignIn } from '../auth/srp-sign-in.js';
import { requireAppClient } from '../domain/lookups.js';
import { fail } from '../errors.js';
import { defineOperation } from '../protocol/operation.js';
import { ClientId, ClientMetadata, Ignored, Session, StringMap, UserPoolId } from '../protocol/shapes.js';

export const AdminInitiateAuth = defineOperation({
  name: 'AdminInitiateAuth',
  input: Type.Object({
    UserPoolId,
    ClientId,
    AuthFlow,
    AuthParameters: Type.Optional(StringMap),
    ClientMetadata: Type.Optional(ClientMetadata),
    Session: Type.Optional(Session),
    AnalyticsMetadata: Type.Optional(Ignored),
    ContextData: Type.Optional(Ignored),
  }),
  async run(ctx, input) {
    const { client, pool } = requireAppClient(ctx.store, input.ClientId, input.UserPoolId);
    const parameters = input.AuthParameters;
    switch (input.AuthFlow) {
      case 'ADMIN_USER_PASSWORD_AUTH':
      case 'ADMIN_NO_SRP_AUTH':
        requireFlowEnabled(client, input.AuthFlow);
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
      case 'USER_PASSWORD_AUTH':
        return fail('InvalidParameterException', 'Initiate Auth method not supported.');
    }
  },
});
