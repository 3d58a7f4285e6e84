import { hidesUserExistence } from '../domain/app-client-settings.js';
import { simulatedCodeDelivery } from '../domain/attributes.js';
import { issueCode, signUpCodeAttribute, signUpCodeLifetimeMs } from '../domain/confirmation-codes.js';
import { requireAppClient } from '../domain/lookups.js';
import { checkSecretHash } from '../domain/secret-hash.js';
import { findUserBySignInName } from '../domain/sign-in-names.js';
import { fail } from '../errors.js';
import { defineOperation } from '../protocol/operation.js';
import { CodeRequest } from '../protocol/shapes.js';

export const ResendConfirmationCode = defineOperation({
  name: 'ResendConfirmationCode',
  input: CodeRequest,
  run(ctx, input) {
    const { client, pool } = requireAppClient(ctx.store, input.ClientId);
    checkSecretHash(client, input.Username, input.SecretHash);
    const now = ctx.clock.now();
    return ctx.store.transaction(() => {
      const user = findUserBySignInName(ctx.store, pool, input.Username);
      if (!user) {
        // Under PreventUserExistenceErrors an unknown user gets a plausible delivery that goes nowhere.
        if (hidesUserExistence(client.settings)) return simulatedCodeDelivery(input.Username);
        fail('UserNotFoundException', 'Username/client id combination not found.');
      }
      if (user.status === 'CONFIRMED') fail('InvalidParameterException', 'User is already confirmed.');
      const attributeName = signUpCodeAttribute(pool, user) ?? fail('InvalidParameterException', 'Auto verification not turned on.'); // wording invented
      const code = issueCode(ctx.store, user, 'SIGN_UP', now, signUpCodeLifetimeMs);
      return { CodeDeliveryDetails: ctx.outbox.send({ user, kind: 'RESEND', attributeName, code }) };
    });
  },
});
