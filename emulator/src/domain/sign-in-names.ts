/**
 * How a name typed by a user finds their account: the username itself (case-folded in case-insensitive
 * pools) or, in email/phone-as-username pools, the email or phone number.
 */
import { fail } from '../errors.js';
import type { Store } from '../store/store.js';
import type { UserRecord } from '../store/users.js';
import type { UserPoolRecord } from '../store/user-pools.js';
import { isUsernameCaseSensitive } from './user-pool-settings.js';

export const usernameKey = (pool: UserPoolRecord, username: string): string =>
  isUsernameCaseSensitive(pool.settings) ? username : username.toLowerCase();

export function findUserBySignInName(store: Store, pool: UserPoolRecord, name: string): UserRecord | undefined {
  const byUsername = store.users.findByUsernameKey(pool.id, usernameKey(pool, name));
  if (byUsername) return byUsername;
  for (const kind of signInAliasKinds(pool)) {
    const user = store.users.findByAlias(pool.id, kind, usernameKey(pool, name));
    if (user) return user;
  }
  return undefined;
}

/** Attributes that work as sign-in names in this pool: UsernameAttributes, or the AliasAttributes. */
export const signInAliasKinds = (pool: UserPoolRecord): readonly string[] => [
  ...(pool.settings.UsernameAttributes ?? []),
  ...(pool.settings.AliasAttributes ?? []),
];

/**
 * In AliasAttributes pools a verified email or phone number (and a preferred_username) becomes a sign-in name
 * once the account is confirmed. Another user holding it is AliasExistsException, unless `forceAliasCreation`
 * moves it to this user, as ConfirmSignUp's ForceAliasCreation does. Call inside the confirming transaction.
 */
export function claimAliases(store: Store, pool: UserPoolRecord, user: UserRecord, attributes: Readonly<Record<string, string>>, forceAliasCreation: boolean): void {
  for (const kind of pool.settings.AliasAttributes ?? []) {
    const value = attributes[kind];
    const usable = value && (kind === 'preferred_username' || attributes[`${kind}_verified`] === 'true');
    if (!usable) continue;
    const key = usernameKey(pool, value);
    const holder = store.users.findByAlias(pool.id, kind, key);
    if (holder?.id === user.id) continue;
    if (holder) {
      if (!forceAliasCreation) fail('AliasExistsException', `An account with the given ${kind} already exists.`);
      store.users.removeAlias(pool.id, kind, key);
    }
    store.users.addAlias(user, kind, key);
  }
}

/** Like findUserBySignInName, but an absent user is UserNotFoundException "User does not exist.". */
export function requireUserBySignInName(store: Store, pool: UserPoolRecord, name: string): UserRecord {
  return findUserBySignInName(store, pool, name) ?? fail('UserNotFoundException', 'User does not exist.');
}

const emailFormat = /^[^\s@]+@[^\s@]+$/;
const phoneFormat = /^\+[0-9]+$/;

/**
 * In pools whose UsernameAttributes name email and/or phone_number, the name given at sign-up must be one
 * of those; Cognito then stores it as that attribute and makes the username a UUID (the user's sub).
 * Returns the attribute the sign-up name stands for, or undefined for pools with free usernames.
 */
export function usernameAttributeFor(pool: UserPoolRecord, name: string): 'email' | 'phone_number' | undefined {
  const allowed = pool.settings.UsernameAttributes ?? [];
  if (allowed.length === 0) return undefined;
  if (allowed.includes('email') && emailFormat.test(name)) return 'email';
  if (allowed.includes('phone_number') && phoneFormat.test(name)) return 'phone_number';
  return fail('InvalidParameterException', allowed.includes('email') ? 'Username should be an email.' : 'Username should be a phone number.');
}
