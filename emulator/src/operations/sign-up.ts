import { Type } from '@sinclair/typebox';
import { attributesFromWire, checkRequiredAttributes } from '../domain/attributes.js';
import { issueCode, signUpCodeAttribute, signUpCodeLifetimeMs } from '../domain/confirmation-codes.js';
import { newSub } from '../domain/ids.js';
import { requireAppClient } from '../domain/lookups.js';
import { checkPasswordPolicy } from '../domain/password-policy.js';
import { checkSecretHash } from '../domain/secret-hash.js';
import { findUserBySignInName, usernameAttributeFor, usernameKey } from '../domain/sign-in-names.js';
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

    const attributes = attributesFromWire(pool.settings, input.UserAttributes);
    const sub = newSub();
    // Email/phone-as-username pools store the name as that attribute and use the sub as the username.
    const signUpNameAttribute = usernameAttributeFor(pool, input.Username);
    if (signUpNameAttribute) attributes[signUpNameAttribute] = input.Username;
    else if (pool.settings.AliasAttributes?.includes('email') && input.Username.includes('@')) {
      fail('InvalidParameterException', 'Username cannot be of email format, since user pool is configured for email alias.');
    }
    const username = signUpNameAttribute ? sub : input.Username;
    checkRequiredAttributes(pool.settings, attributes);
    if (input.Password === undefined || input.Password === '') fail('InvalidParameterException', 'Password is required'); // wording invented
    checkPasswordPolicy(input.Password, passwordPolicyOf(pool.settings));

    const taken = (): never =>
      signUpNameAttribute
        ? fail('UsernameExistsException', `An account with the given ${signUpNameAttribute} already exists.`)
        : fail('UsernameExistsException', 'User already exists');
    // Cheap early answer before the slow hash; the unique index still decides races.
    if (findUserBySignInName(ctx.store, pool, input.Username)) taken();

    const credentials = await createCredentials(ctx.passwords, pool.id, username, input.Password);
    const now = ctx.clock.now();
    try {
      return ctx.store.transaction(() => {
        const user = ctx.store.users.insert(
          {
            userPoolId: pool.id,
            username,
            usernameKey: usernameKey(pool, username),
            sub,
            status: 'UNCONFIRMED',
            enabled: true,
            attributes,
            ...credentials,
            passwordChangedAt: now,
            tokensValidAfter: 0,
            createdAt: now,
            updatedAt: now,
          },
          signUpNameAttribute ? [{ kind: signUpNameAttribute, valueKey: usernameKey(pool, input.Username) }] : [],
        );
        const codeAttribute = signUpCodeAttribute(pool, user);
        const codeDelivery =
          codeAttribute &&
          ctx.outbox.send({
            user,
            kind: 'SIGN_UP',
            attributeName: codeAttribute,
            code: issueCode(ctx.store, user, 'SIGN_UP', now, signUpCodeLifetimeMs),
          });
        return { UserConfirmed: false, UserSub: sub, ...(codeDelivery && { CodeDeliveryDetails: codeDelivery }) };
      });
    } catch (error) {
      if (isUniquenessViolation(error)) taken();
      throw error;
    }
  },
});
