import { describe, expect, it } from 'vitest';
import { secretHash } from '../src/index.js';

describe('secretHash', () => {
  it('matches the cognito-facts §5 vector', () => {
    expect(secretHash('abc123secret', 'alice', '1example23456789')).toBe(
      'OwcbcNbgzBXja0NtRg4j+mgojAKIXNEvcrTGPWncq9A=',
    );
  });

  it('hashes username then client id, as UTF-8', () => {
    expect(secretHash('abc123secret', 'alice1', 'example23456789')).toBe(
      secretHash('abc123secret', 'alice', '1example23456789'),
    );
    expect(secretHash('s', 'jürgen', 'c')).not.toBe(secretHash('s', 'jurgen', 'c'));
  });
});
