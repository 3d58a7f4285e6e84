/**
 * Changing a user's attributes after sign-up, shared by UpdateUserAttributes, AdminUpdateUserAttributes,
 * DeleteUserAttributes and AdminDeleteUserAttributes:
 *
 * - names must exist in the schema and be mutable; `sub` can never change; a blank value deletes;
 * - a changed email or phone number becomes unverified (unless an admin marks it verified in the same
 *   call), and, when the pool auto-verifies that attribute, a VERIFY_ATTRIBUTE code goes to the new
 *   address. AttributesRequireVerificationBeforeUpdate (keep the old value until verified) is not emulated:
 *   the new value applies at once;
 * - sign-in names follow: in email/phone-as-username pools the new address becomes the sign-in name at
 *   once; in alias pools a changed alias stops working and verified values become aliases again.
 */
import type { CodeDeliveryDetailsType } from '@aws-sdk/client-cognito-identity-provider';
import { fail } from '../errors.js';
import type { OperationContext } from '../protocol/operation.js';
import { isUniquenessViolation } from '../store/store.js';
import type { UserPoolRecord } from '../store/user-pools.js';
import type { UserRecord } from '../store/users.js';
import { checkRequiredAttributes, type AttributeMap } from './attributes.js';
import { issueCode, signUpCodeLifetimeMs } from './confirmation-codes.js';
import { claimAliases, usernameKey } from './sign-in-names.js';

const contactAttributes = ['email', 'phone_number'] as const;
type ContactAttribute = (typeof contactAttributes)[number];

export interface AttributeChangeResult {
  readonly user: UserRecord;
  readonly codeDeliveries: CodeDeliveryDetailsType[];
}

/** Mutable-ness from the pool schema; names not in the schema were already refused by attributesFromWire. */
function checkMutable(pool: UserPoolRecord, names: Iterable<string>): void {
  const schema = new Map((pool.settings.SchemaAttributes ?? []).map((attribute) => [attribute.Name, attribute]));
  for (const name of names) {
    const definition = schema.get(name);
    if (!definition || name === 'sub') fail('InvalidParameterException', `Attributes did not conform to the schema: ${name}: Attribute does not exist in the schema.`);
    if (definition.Mutable === false) {
      fail('InvalidParameterException', `Attributes did not conform to the schema: ${name}: Attribute cannot be updated. (changing an immutable attribute)`); // wording [unsure]
    }
  }
}

/** The attributes after a change, and the addresses that now need a verification code. */
interface Change {
  readonly next: AttributeMap;
  readonly needsCode: readonly ContactAttribute[];
}

/**
 * Applies `updates` (already checked by attributesFromWire; '' deletes) in one transaction and sends the
 * verification codes. `admin` callers may set the `*_verified` flags themselves.
 */
export function updateUserAttributes(
  ctx: OperationContext,
  pool: UserPoolRecord,
  user: UserRecord,
  updates: AttributeMap,
  options: { admin: boolean },
): AttributeChangeResult {
  checkMutable(pool, Object.keys(updates));
  return commit(ctx, pool, user, (current) => {
    const next: AttributeMap = { ...current };
    for (const [name, value] of Object.entries(updates)) {
      if (value === '') delete next[name];
      else next[name] = value;
    }
    const needsCode: ContactAttribute[] = [];
    for (const name of contactAttributes) {
      if (!(name in updates) || updates[name] === current[name]) continue;
      if (next[name] === undefined) {
        delete next[`${name}_verified`];
        continue;
      }
      const markedVerified = options.admin && updates[`${name}_verified`] === 'true';
      if (!markedVerified) {
        next[`${name}_verified`] = 'false';
        if (pool.settings.AutoVerifiedAttributes?.includes(name)) needsCode.push(name);
      }
    }
    return { next, needsCode };
  });
}

/** Deletes the named attributes (the `*_verified` flag goes with its address). */
export function deleteUserAttributes(ctx: OperationContext, pool: UserPoolRecord, user: UserRecord, names: readonly string[]): UserRecord {
  checkMutable(pool, names);
  return commit(ctx, pool, user, (current) => {
    const next: AttributeMap = { ...current };
    for (const name of names) {
      delete next[name];
      if (name === 'email' || name === 'phone_number') delete next[`${name}_verified`];
    }
    return { next, needsCode: [] };
  }).user;
}

/** Re-reads the user inside the transaction, so concurrent changes to other attributes are not lost. */
function commit(ctx: OperationContext, pool: UserPoolRecord, user: UserRecord, change: (current: Readonly<AttributeMap>) => Change): AttributeChangeResult {
  const usernameAttributes = pool.settings.UsernameAttributes ?? [];
  const now = ctx.clock.now();
  return ctx.store.transaction(() => {
    const current = ctx.store.users.findById(user.id) ?? fail('UserNotFoundException', 'User does not exist.');
    const { next, needsCode } = change(current.attributes);
    checkRequiredAttributes(pool.settings, next);
    for (const name of usernameAttributes) {
      // In email/phone-as-username pools the address is how the user signs in; it can change, not vanish.
      if (current.attributes[name] !== undefined && next[name] === undefined) {
        fail('InvalidParameterException', `Cannot delete the ${name} of a user whose ${name} is their username.`); // wording invented
      }
    }
    for (const kind of [...usernameAttributes, ...(pool.settings.AliasAttributes ?? [])]) {
      const before = current.attributes[kind];
      if (before === undefined || before === next[kind]) continue;
      const holder = ctx.store.users.findByAlias(pool.id, kind, usernameKey(pool, before));
      if (holder?.id === current.id) ctx.store.users.removeAlias(pool.id, kind, usernameKey(pool, before));
      if (usernameAttributes.includes(kind as 'email') && next[kind] !== undefined) addAlias(ctx, pool, current, kind, next[kind]);
    }
    ctx.store.users.setAttributes(current.id, next, now);
    const updated: UserRecord = { ...current, attributes: next, updatedAt: now };
    if (current.status !== 'UNCONFIRMED') claimAliases(ctx.store, pool, updated, next, false);
    const codeDeliveries = needsCode.map((attributeName) =>
      ctx.outbox.send({
        user: updated,
        kind: 'VERIFY_ATTRIBUTE',
        attributeName,
        code: issueCode(ctx.store, updated, `VERIFY:${attributeName}`, now, signUpCodeLifetimeMs),
      }),
    );
    return { user: updated, codeDeliveries };
  });
}

function addAlias(ctx: OperationContext, pool: UserPoolRecord, user: UserRecord, kind: string, value: string): void {
  try {
    ctx.store.users.addAlias(user, kind, usernameKey(pool, value));
  } catch (error) {
    if (isUniquenessViolation(error)) fail('AliasExistsException', `An account with the given ${kind} already exists.`);
    throw error;
  }
}

/** GetUserAttributeVerificationCode: a fresh 24-hour code for the user's email or phone number. */
export function sendVerificationCode(ctx: OperationContext, user: UserRecord, attributeName: string): CodeDeliveryDetailsType {
  if (attributeName !== 'email' && attributeName !== 'phone_number') {
    fail('InvalidParameterException', `Invalid attribute name: ${attributeName} cannot be verified.`); // wording invented
  }
  if (!user.attributes[attributeName]) fail('InvalidParameterException', `The user has no ${attributeName} to verify.`); // wording invented
  const now = ctx.clock.now();
  return ctx.store.transaction(() =>
    ctx.outbox.send({
      user,
      kind: 'VERIFY_ATTRIBUTE',
      attributeName,
      code: issueCode(ctx.store, user, `VERIFY:${attributeName}`, now, signUpCodeLifetimeMs),
    }),
  );
}
