import { Type } from '@sinclair/typebox';
import { requireFlowEnabled } from '../auth/auth-flows.js';
import { refreshSignIn } from '../auth/refresh.js';
import { requireAppClient } from '../domain/lookups.js';
import { checkClientSecret } from '../domain/secret-hash.js';
import { defineOperation } from '../protocol/operation.js';
import { ClientId, ClientMetadata, ClientSecret, TokenModel } from '../protocol/shapes.js';

/** Current Amplify refreshes with this operation; with RefreshTokenRotation enabled it also rotates the refresh token. */
export const GetTokensFromRefreshToken = defineOperation({
  name: 'GetTokensFromRefreshToken',
  input: Type.Object({
    RefreshToken: TokenModel,
    ClientId,
    ClientSecret: Type.Optional(ClientSecret),
    DeviceKey: Type.Optional(Type.String({ minLength: 1, maxLength: 55 })),
    ClientMetadata: Type.Optional(ClientMetadata),
  }),
  async run(ctx, input) {
    const { client, pool } = requireAppClient(ctx.store, input.ClientId);
    requireFlowEnabled(client, 'REFRESH_TOKEN_AUTH');
    checkClientSecret(client, input.ClientSecret);
    const tokens = await refreshSignIn(ctx, pool, client, input.RefreshToken, () => undefined, {
      rotate: client.settings.RefreshTokenRotation?.Feature === 'ENABLED',
    });
    return { AuthenticationResult: tokens };
  },
});
