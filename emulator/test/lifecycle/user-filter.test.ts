import { describe, expect, it } from 'vitest';
import { parseUserFilter } from '../../src/domain/user-filter.js';
import { CognitoError } from '../../src/errors.js';
import type { UserPoolRecord } from '../../src/store/user-pools.js';

const pool = (caseSensitive = true) =>
  ({ id: 'us-east-1_test', name: 't', settings: { UsernameConfiguration: { CaseSensitive: caseSensitive } }, serverSecret: Buffer.alloc(32), createdAt: 0, updatedAt: 0 }) as UserPoolRecord;

const parse = (filter: string | undefined, caseSensitive = true) => parseUserFilter(pool(caseSensitive), filter);

function parseError(filter: string): string {
  try {
    parse(filter);
  } catch (error) {
    expect(error).toBeInstanceOf(CognitoError);
    expect((error as CognitoError).type).toBe('InvalidParameterException');
    return (error as CognitoError).message;
  }
  throw new Error(`expected ${filter} to be refused`);
}

describe('the ListUsers filter grammar', () => {
  it('an absent or blank filter means everyone', () => {
    expect(parse(undefined)).toBe('everyone');
    expect(parse('   ')).toBe('everyone');
  });

  it('reads exact and prefix matches, with or without spaces and quotes around the name', () => {
    expect(parse('email = "a@example.com"')).toEqual({ field: 'email', match: 'exact', value: 'a@example.com' });
    expect(parse('"email"^="test"')).toEqual({ field: 'email', match: 'prefix', value: 'test' });
    expect(parse('  given_name ^=   "Al"  ')).toEqual({ field: 'given_name', match: 'prefix', value: 'Al' });
    expect(parse('sub="0f0e"')).toEqual({ field: 'sub', match: 'exact', value: '0f0e' });
  });

  it('unescapes quotes and backslashes in the value', () => {
    expect(parse('name = "say \\"hi\\" \\\\ bye"')).toEqual({ field: 'name', match: 'exact', value: 'say "hi" \\ bye' });
  });

  it('folds usernames only in case-insensitive pools', () => {
    expect(parse('username = "Alice"')).toEqual({ field: 'username', match: 'exact', value: 'Alice' });
    expect(parse('username = "Alice"', false)).toEqual({ field: 'username', match: 'exact', value: 'alice' });
  });

  it('cognito:user_status is case-insensitive; status is Enabled or Disabled', () => {
    expect(parse('cognito:user_status = "confirmed"')).toEqual({ field: 'status', match: 'exact', value: 'CONFIRMED' });
    expect(parse('cognito:user_status ^= "force"')).toEqual({ field: 'status', match: 'prefix', value: 'FORCE' });
    expect(parse('status = "Enabled"')).toEqual({ field: 'enabled', match: 'exact', value: 1 });
    expect(parse('status = "Disabled"')).toEqual({ field: 'enabled', match: 'exact', value: 0 });
    expect(parse('status = "disabled"')).toBe('no-one');
    expect(parse('status ^= "Dis"')).toEqual({ field: 'enabled', match: 'exact', value: 0 });
    expect(parse('status ^= ""')).toBe('everyone');
  });

  it('refuses what does not parse with "Error while parsing filter."', () => {
    for (const filter of ['email', 'email =', 'email = unquoted', 'email == "x"', 'email = "open', 'email = "x" and', 'email ~ "x"', '= "x"']) {
      expect(parseError(filter)).toBe('Error while parsing filter.');
    }
  });

  it('refuses attributes that cannot be searched (custom ones among them)', () => {
    expect(parseError('custom:team = "blue"')).toMatch(/custom:team/);
    expect(parseError('nickname = "x"')).toMatch(/nickname/);
  });
});
