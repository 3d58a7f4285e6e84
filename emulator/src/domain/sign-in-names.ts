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
  for (const kind of pool.settings.UsernameAttributes ?? []) {
    const user = store.users.findByAlias(pool.id, kind, usernameKey(pool, name));
    if (user) return user;
  }
  return undefined;
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
