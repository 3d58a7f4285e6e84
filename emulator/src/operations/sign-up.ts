import { Type } from '@sinclair/typebox';
import { issueCode, signUpCodeAttribute, signUpCodeLifetimeMs } from '../domain/confirmation-codes.js';
import { requireAppClient } from '../domain/lookups.js';
import { checkPasswordPolicy } from '../domain/password-policy.js';
import { checkSecretHash } from '../domain/secret-hash.js';
import { accountTaken, insertAccount, newAccount } from '../domain/new-accounts.js';
import { findUserBySignInName } from '../domain/sign-in-names.js';
import { passwordPolicyOf } from '../domain/user-pool-settings.js';
import { fail } from '../errors.js';
import { createCredentials } from '../passwords/credentials.js';
import { defineOperation } from '../protocol/operation.js';
import { AttributeList, ClientId, ClientMetadata, Ignored, Password, SecretHash, Username } from '../protocol/shapes.js';
import { isUniquenessViolation } from '../store/store.js';

export const SignUp = defineOperation({
  name: 'SignUp',
  input: Type.Object({
    ClientId,
    Username,
    Password: Type.Optional(Password),
    SecretHash: Type.Optional(SecretHash),
    UserAttributes: Type.Optional(AttributeList),
    ValidationData: Type.Optional(AttributeList),
    ClientMetadata: Type.Optional(ClientMetadata),
    AnalyticsMetadata: Type.Optional(Ignored),
    UserContextData: Type.Optional(Ignored),
  }),
  async run(ctx, input) {
    const { client, pool } = requireAppClient(ctx.store, input.ClientId);
    if (pool.settings.AdminCreateUserConfig?.AllowAdminCreateUserOnly) fail('NotAuthorizedException', 'SignUp is not permitted for this user pool');
    checkSecretHash(client, input.Username, input.SecretHash);

    const account = newAccount(pool, input.Username, input.UserAttributes);
    if (input.Password === undefined || input.Password === '') fail('InvalidParameterException', 'Password is required'); // wording invented
    checkPasswordPolicy(input.Password, passwordPolicyOf(pool.settings));
    // Cheap early answer before the slow hash; the unique index still decides races.
    if (findUserBySignInName(ctx.store, pool, input.Username)) accountTaken(account, 'User already exists');

    const credentials = await createCredentials(ctx.passwords, pool.id, account.username, input.Password);
    const now = ctx.clock.now();
    try {
      return ctx.store.transaction(() => {
        const user = insertAccount(ctx.store, pool, account, 'UNCONFIRMED', credentials, now);
        const codeAttribute = signUpCodeAttribute(pool, user);
        const codeDelivery =
          codeAttribute &&
          ctx.outbox.send({
            user,
            kind: 'SIGN_UP',
            attributeName: codeAttribute,
            code: issueCode(ctx.store, user, 'SIGN_UP', now, signUpCodeLifetimeMs),
          });
        return { UserConfirmed: false, UserSub: account.sub, ...(codeDelivery && { CodeDeliveryDetails: codeDelivery }) };
      });
    } catch (error) {
      if (isUniquenessViolation(error)) accountTaken(account, 'User already exists');
      throw error;
    }
  },
});
