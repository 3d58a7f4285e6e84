/**
 * Opaque pagination tokens over (createdAt, id) keysets: stable under concurrent inserts, no OFFSET scans.
 */
import { fail } from '../errors.js';

export interface Position {
  readonly createdAt: number;
  readonly id: string;
}

export const encodePosition = (position: Position): string => Buffer.from(JSON.stringify([position.createdAt, position.id])).toString('base64url');

export function decodePosition(token: string | undefined): Position | undefined {
  if (token === undefined) return undefined;
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof createdAt === 'number' && typeof id === 'string') return { createdAt, id };
  } catch {
    // fall through
  }
  return fail('InvalidParameterException', 'Invalid pagination token.'); // wording invented
}

/** Fetches one more row than asked to learn whether a next page exists. */
export function page<T extends Position>(rows: T[], limit: number): { items: T[]; next: string | undefined } {
  if (rows.length <= limit) return { items: rows, next: undefined };
  const items = rows.slice(0, limit);
  return { items, next: encodePosition(items[items.length - 1]!) };
}
