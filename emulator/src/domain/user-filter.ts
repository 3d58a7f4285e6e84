/**
 * The ListUsers `Filter` grammar: `AttributeName Op "Value"`, Op `=` (exact) or `^=` (prefix), one
 * condition only, an empty filter for everyone. The name may be quoted (the model's example is
 * `"email"^="testuser"`) and spaces around the parts are optional; quotes and backslashes inside the value
 * are backslash-escaped. https://docs.aws.amazon.com/cognito/latest/developerguide/how-to-manage-user-accounts.html
 */
import { fail } from '../errors.js';
import type { UserPoolRecord } from '../store/user-pools.js';
import type { UserSearchCondition } from '../store/user-search.js';
import { usernameKey } from './sign-in-names.js';

/** What a filter asks for: nothing (everyone), a searchable condition, or a condition nobody can meet. */
export type ParsedUserFilter = UserSearchCondition | 'everyone' | 'no-one';

const searchableAttributes = new Set(['email', 'phone_number', 'name', 'given_name', 'family_name', 'preferred_username', 'sub']);

const parseError = (): never => fail('InvalidParameterException', 'Error while parsing filter.');

interface RawCondition {
  readonly name: string;
  readonly match: 'exact' | 'prefix';
  readonly value: string;
}

export function parseUserFilter(pool: UserPoolRecord, filter: string | undefined): ParsedUserFilter {
  if (filter === undefined || filter.trim() === '') return 'everyone';
  const { name, match, value } = tokenize(filter);
  switch (name) {
    case 'username':
      // Case-sensitive, except in pools whose usernames are case-insensitive (then the stored key is folded).
      return { field: 'username', match, value: usernameKey(pool, value) };
    case 'cognito:user_status':
      // Case-insensitive; statuses are stored upper-case.
      return { field: 'status', match, value: value.toUpperCase() };
    case 'status': {
      // "Enabled" / "Disabled", case-sensitive.
      const states = (['Enabled', 'Disabled'] as const).filter((state) => (match === 'exact' ? state === value : state.startsWith(value)));
      if (states.length === 2) return 'everyone';
      if (states.length === 0) return 'no-one';
      return { field: 'enabled', match: 'exact', value: states[0] === 'Enabled' ? 1 : 0 };
    }
    default:
      if (!searchableAttributes.has(name)) {
        // Custom and other standard attributes cannot be searched. Wording from moto; the real one is [unsure].
        fail('InvalidParameterException', `Invalid search attribute: ${name}`);
      }
      return { field: name as 'email', match, value };
  }
}

/** Splits the filter into name, operator and unescaped value, or fails with Cognito's parse error. */
function tokenize(filter: string): RawCondition {
  let at = 0;
  const skipSpaces = (): void => {
    while (at < filter.length && /\s/.test(filter[at]!)) at++;
  };
  const quoted = (): string => {
    if (filter[at] !== '"') parseError();
    at++;
    let text = '';
    for (;;) {
      const character = filter[at++];
      if (character === undefined) return parseError();
      if (character === '"') return text;
      if (character === '\\') {
        const escaped = filter[at++];
        if (escaped === undefined) return parseError();
        text += escaped;
      } else text += character;
    }
  };

  skipSpaces();
  let name: string;
  if (filter[at] === '"') name = quoted();
  else {
    const match = /^[A-Za-z0-9_:]+/.exec(filter.slice(at));
    if (!match) return parseError();
    name = match[0];
    at += name.length;
  }
  skipSpaces();
  let match: 'exact' | 'prefix';
  if (filter.startsWith('^=', at)) {
    match = 'prefix';
    at += 2;
  } else if (filter[at] === '=') {
    match = 'exact';
    at += 1;
  } else return parseError();
  skipSpaces();
  const value = quoted();
  skipSpaces();
  if (at !== filter.length) parseError();
  return { name, match, value };
}
