/**
 * Who a new account is, shared by SignUp and AdminCreateUser: its username (a UUID equal to the sub in
 * email/phone-as-username pools, where the name given becomes that attribute), its attributes checked
 * against the schema, and its insertion with the sign-in names the username stands for.
 */
import type { AttributeType } from '@aws-sdk/client-cognito-identity-provider';
import { fail } from '../errors.js';
import type { PasswordCredentials } from '../passwords/credentials.js';
import type { Store } from '../store/store.js';
import type { UserPoolRecord } from '../store/user-pools.js';
import type { UserRecord, UserStatus } from '../store/users.js';
import { attributesFromWire, checkRequiredAttributes, type AttributeMap } from './attributes.js';
import { newSub } from './ids.js';
import { usernameAttributeFor, usernameKey } from './sign-in-names.js';

export interface NewAccount {
  /** The name the caller gave. */
  readonly requestedName: string;
  readonly username: string;
  readonly sub: string;
  readonly attributes: AttributeMap;
  /** The attribute the requested name is, in email/phone-as-username pools. */
  readonly nameAttribute: 'email' | 'phone_number' | undefined;
}

export function newAccount(pool: UserPoolRecord, requestedName: string, attributeList: readonly AttributeType[] | undefined): NewAccount {
  const attributes = attributesFromWire(pool.settings, attributeList);
  const sub = newSub();
  const nameAttribute = usernameAttributeFor(pool, requestedName);
  if (nameAttribute) attributes[nameAttribute] = requestedName;
  else if (pool.settings.AliasAttributes?.includes('email') && requestedName.includes('@')) {
    fail('InvalidParameterException', 'Username cannot be of email format, since user pool is configured for email alias.');
  }
  checkRequiredAttributes(pool.settings, attributes);
  return { requestedName, username: nameAttribute ? sub : requestedName, sub, attributes, nameAttribute };
}

/**
 * Cognito's answer when the name is taken: about the email or phone in email/phone-as-username pools, else
 * `usernameMessage` (SignUp says "User already exists", AdminCreateUser "User account already exists").
 */
export function accountTaken(account: NewAccount, usernameMessage: string): never {
  return account.nameAttribute
    ? fail('UsernameExistsException', `An account with the given ${account.nameAttribute} already exists.`)
    : fail('UsernameExistsException', usernameMessage);
}

/** Inserts the account; throws a uniqueness violation when the username or its sign-in name is taken. */
export function insertAccount(
  store: Store,
  pool: UserPoolRecord,
  account: NewAccount,
  status: UserStatus,
  credentials: PasswordCredentials,
  now: number,
): UserRecord {
  return store.users.insert(
    {
      userPoolId: pool.id,
      username: account.username,
      usernameKey: usernameKey(pool, account.username),
      sub: account.sub,
      status,
      enabled: true,
      attributes: account.attributes,
      ...credentials,
      passwordChangedAt: now,
      tokensValidAfter: 0,
      createdAt: now,
      updatedAt: now,
    },
    account.nameAttribute ? [{ kind: account.nameAttribute, valueKey: usernameKey(pool, account.requestedName) }] : [],
  );
}
