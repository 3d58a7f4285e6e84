/**
 * Pagination tokens over users (ListUsers, ListUsersInGroup): an opaque base64url of where the last page
 * ended, the user's id and, for prefix filters, the searched value (store/user-search.ts). Keyset paging:
 * stable while users are added or deleted, never an OFFSET scan.
 */
import { fail } from '../errors.js';
import type { UserSearchPosition } from '../store/user-search.js';

export const encodeUserPosition = (position: UserSearchPosition): string =>
  Buffer.from(JSON.stringify(position.value === undefined ? [position.id] : [position.id, position.value])).toString('base64url');

/** Undefined (from the start) when there is no token. */
export function decodeUserPosition(token: string | undefined): UserSearchPosition | undefined {
  if (token === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed) || !Number.isSafeInteger(parsed[0]) || parsed.length > 2) return invalidToken();
  const [id, value] = parsed as [number, unknown];
  if (parsed.length === 1) return { id };
  if (typeof value !== 'string' && typeof value !== 'number' && value !== null) return invalidToken();
  return { id, value };
}

const invalidToken = (): never => fail('InvalidParameterException', 'Invalid pagination token.'); // wording invented
