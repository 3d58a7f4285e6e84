import { Type } from '@sinclair/typebox';
import { consumeCode, signUpCodeAttribute } from '../domain/confirmation-codes.js';
import { hidesUserExistence } from '../domain/app-client-settings.js';
import { requireAppClient } from '../domain/lookups.js';
import { checkSecretHash } from '../domain/secret-hash.js';
import { claimAliases, findUserBySignInName } from '../domain/sign-in-names.js';
import { fail } from '../errors.js';
import { defineOperation } from '../protocol/operation.js';
import { ClientId, ClientMetadata, ConfirmationCode, Ignored, SecretHash, Session, Username } from '../protocol/shapes.js';

export const ConfirmSignUp = defineOperation({
  name: 'ConfirmSignUp',
  input: Type.Object({
    ClientId,
    Username,
    ConfirmationCode,
    SecretHash: Type.Optional(SecretHash),
    ForceAliasCreation: Type.Optional(Type.Boolean()),
    ClientMetadata: Type.Optional(ClientMetadata),
    Session: Type.Optional(Session),
    AnalyticsMetadata: Type.Optional(Ignored),
    UserContextData: Type.Optional(Ignored),
  }),
  run(ctx, input) {
    const { client, pool } = requireAppClient(ctx.store, input.ClientId);
    checkSecretHash(client, input.Username, input.SecretHash);
    const now = ctx.clock.now();
    // One synchronous transaction: of many concurrent confirms with the same code, exactly one wins.
    ctx.store.transaction(() => {
      const user = findUserBySignInName(ctx.store, pool, input.Username);
      if (!user) {
        // Under PreventUserExistenceErrors an unknown user looks like a wrong code.
        if (hidesUserExistence(client.settings)) fail('CodeMismatchException');
        fail('UserNotFoundException', 'Username/client id combination not found.');
      }
      if (user.status !== 'UNCONFIRMED') fail('NotAuthorizedException', `User cannot be confirmed. Current status is ${user.status}`);
      const deliveredTo = signUpCodeAttribute(pool, user);
      consumeCode(ctx.store, user, 'SIGN_UP', input.ConfirmationCode, now);
      // The code proves the user received it, so the attribute it went to is now verified.
      const attributes = deliveredTo ? { ...user.attributes, [`${deliveredTo}_verified`]: 'true' } : user.attributes;
      claimAliases(ctx.store, pool, user, attributes, input.ForceAliasCreation ?? false);
      ctx.store.users.setStatus(user.id, 'CONFIRMED', attributes, now);
    });
    return {};
  },
});
