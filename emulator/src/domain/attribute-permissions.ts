/**
 * Per-client attribute permissions (ReadAttributes / WriteAttributes), enforced on the token-authorised
 * operations (GetUser, UpdateUserAttributes, DeleteUserAttributes) and in ID token claims. Admin
 * operations are not limited by them.
 *
 * Defaults when the client names none: every attribute is readable; every attribute is writable except
 * the `*_verified` flags, so users cannot vouch for their own email or phone (the console's defaults; what
 * an API-created client without WriteAttributes allows is [unsure]). Developer-only attributes
 * (`dev:custom:*`) are never read or written through a client.
 */
import { fail } from '../errors.js';
import type { AppClientRecord } from '../store/app-clients.js';

const verifiedFlags = new Set(['email_verified', 'phone_number_verified']);

/** The set of attribute names the client may read, or undefined for "all of them". */
export function readableAttributes(client: AppClientRecord | undefined): ReadonlySet<string> | undefined {
  const listed = client?.settings.ReadAttributes;
  return listed?.length ? new Set(listed) : undefined;
}

export function canRead(client: AppClientRecord | undefined, name: string): boolean {
  if (name === 'sub') return true;
  if (name.startsWith('dev:')) return false;
  const readable = readableAttributes(client);
  return !readable || readable.has(name);
}

export function canWrite(client: AppClientRecord | undefined, name: string): boolean {
  if (name.startsWith('dev:')) return false;
  const listed = client?.settings.WriteAttributes;
  if (listed?.length) return listed.includes(name);
  return !verifiedFlags.has(name);
}

/** Fails as Cognito does when a user writes (or deletes) an attribute their app client may not write. */
export function checkWritable(client: AppClientRecord | undefined, names: Iterable<string>): void {
  for (const name of names) {
    if (!canWrite(client, name)) fail('NotAuthorizedException', 'A client attempted to write unauthorized attribute');
  }
}
