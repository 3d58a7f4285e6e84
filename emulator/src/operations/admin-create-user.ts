import { Type } from '@sinclair/typebox';
import type { AttributeMap } from '../domain/attributes.js';
import { requireUserPool } from '../domain/lookups.js';
import { checkPasswordPolicy } from '../domain/password-policy.js';
import { accountTaken, insertAccount, newAccount } from '../domain/new-accounts.js';
import { claimAliases, findUserBySignInName, requireUserBySignInName } from '../domain/sign-in-names.js';
import { generateTemporaryPassword } from '../domain/temporary-password.js';
import { passwordPolicyOf } from '../domain/user-pool-settings.js';
import { userToWire } from '../domain/wire.js';
import { fail } from '../errors.js';
import type { Outbox } from '../outbox/outbox.js';
import { createCredentials } from '../passwords/credentials.js';
import { defineOperation } from '../protocol/operation.js';
import { AttributeList, ClientMetadata, Password, UserPoolId, Username } from '../protocol/shapes.js';
import { isUniquenessViolation } from '../store/store.js';
import type { UserRecord } from '../store/users.js';

type Medium = 'EMAIL' | 'SMS';

/**
 * AdminCreateUser: a user with a temporary password (given, or generated to fit the pool's policy) in
 * status FORCE_CHANGE_PASSWORD, so the first sign-in answers NEW_PASSWORD_REQUIRED.
 *
 * The invitation goes to the outbox with kind ADMIN_CREATE_USER and the temporary password as its `code`
 * (what the real invitation message carries besides the username). MessageAction SUPPRESS sends nothing;
 * RESEND gives an existing FORCE_CHANGE_PASSWORD user a new temporary password, with a fresh validity
 * period, and sends it again. DesiredDeliveryMediums defaults to SMS as in the AWS model; when omitted
 * and the user has no phone_number, the emulator falls back to email rather than sending nothing.
 * Required schema attributes are enforced as SignUp does (current Cognito refuses the user without them).
 * In AliasAttributes pools verified aliases are claimed at once (ForceAliasCreation moves a taken one).
 */
export const AdminCreateUser = defineOperation({
  name: 'AdminCreateUser',
  input: Type.Object({
    UserPoolId,
    Username,
    UserAttributes: Type.Optional(AttributeList),
    ValidationData: Type.Optional(AttributeList),
    TemporaryPassword: Type.Optional(Password),
    ForceAliasCreation: Type.Optional(Type.Boolean()),
    MessageAction: Type.Optional(Type.Union([Type.Literal('RESEND'), Type.Literal('SUPPRESS')])),
    DesiredDeliveryMediums: Type.Optional(Type.Array(Type.Union([Type.Literal('SMS'), Type.Literal('EMAIL')]))),
    ClientMetadata: Type.Optional(ClientMetadata),
  }),
  async run(ctx, input) {
    const pool = requireUserPool(ctx.store, input.UserPoolId);
    const policy = passwordPolicyOf(pool.settings);
    if (input.TemporaryPassword) checkPasswordPolicy(input.TemporaryPassword, policy);
    const temporaryPassword = input.TemporaryPassword || generateTemporaryPassword(policy);
    const now = ctx.clock.now();

    if (input.MessageAction === 'RESEND') {
      const existing = requireUserBySignInName(ctx.store, pool, input.Username);
      if (existing.status !== 'FORCE_CHANGE_PASSWORD') {
        fail('UnsupportedUserStateException', `Resend not possible. ${existing.username} status is not FORCE_CHANGE_PASSWORD`); // wording invented
      }
      const mediums = deliveryMediums(existing.attributes, input.DesiredDeliveryMediums);
      const credentials = await createCredentials(ctx.passwords, pool.id, existing.username, temporaryPassword);
      return ctx.store.transaction(() => {
        ctx.store.users.setPassword(existing.id, credentials, 'FORCE_CHANGE_PASSWORD', now);
        const user = ctx.store.users.findById(existing.id)!;
        sendInvitation(ctx.outbox, user, mediums, temporaryPassword);
        return { User: userToWire(user) };
      });
    }

    const account = newAccount(pool, input.Username, input.UserAttributes);
    const { attributes } = account;
    const mediums = input.MessageAction === 'SUPPRESS' ? [] : deliveryMediums(attributes, input.DesiredDeliveryMediums);
    // Cheap early answer before the slow derivations; the unique index still decides races.
    if (findUserBySignInName(ctx.store, pool, input.Username)) accountTaken(account, 'User account already exists');

    const credentials = await createCredentials(ctx.passwords, pool.id, account.username, temporaryPassword);
    try {
      return ctx.store.transaction(() => {
        const user = insertAccount(ctx.store, pool, account, 'FORCE_CHANGE_PASSWORD', credentials, now);
        // AliasAttributes pools: a verified email/phone (or a preferred_username) is a sign-in name at once;
        // ForceAliasCreation moves it from another user instead of failing with AliasExistsException.
        claimAliases(ctx.store, pool, user, attributes, input.ForceAliasCreation ?? false);
        sendInvitation(ctx.outbox, user, mediums, temporaryPassword);
        return { User: userToWire(user) };
      });
    } catch (error) {
      if (isUniquenessViolation(error)) accountTaken(account, 'User account already exists');
      throw error;
    }
  },
});

/** The mediums the invitation goes by; an explicitly wanted medium the user has no address for is an error. */
function deliveryMediums(attributes: Readonly<AttributeMap>, desired: readonly Medium[] | undefined): Medium[] {
  if (desired === undefined || desired.length === 0) {
    if (attributes.phone_number) return ['SMS'];
    return attributes.email ? ['EMAIL'] : [];
  }
  const mediums = [...new Set(desired)];
  if (mediums.includes('EMAIL') && !attributes.email) fail('InvalidParameterException', 'No email provided but desired delivery medium was Email');
  if (mediums.includes('SMS') && !attributes.phone_number) {
    fail('InvalidParameterException', 'No phone_number provided but desired delivery medium was Sms'); // wording modelled on the email case
  }
  return mediums;
}

function sendInvitation(outbox: Outbox, user: UserRecord, mediums: readonly Medium[], temporaryPassword: string): void {
  for (const medium of mediums) {
    outbox.send({ user, kind: 'ADMIN_CREATE_USER', attributeName: medium === 'EMAIL' ? 'email' : 'phone_number', code: temporaryPassword });
  }
}
