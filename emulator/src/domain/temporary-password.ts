import { randomInt } from 'node:crypto';
import type { PasswordPolicyType } from '@aws-sdk/client-cognito-identity-provider';

const lower = 'abcdefghijkmnopqrstuvwxyz';
const upper = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const digits = '23456789';
const symbols = '^$*.[]{}()?!@#%&/,><:;|_~=+-';

/**
 * A temporary password for AdminCreateUser when none is given: one character of every class (so any
 * policy the pool has accepts it), the pool's minimum length but at least 12, shuffled. Look-alike
 * characters (l, I, O, 0, 1) are left out, since a person types it from an invitation.
 */
export function generateTemporaryPassword(policy: PasswordPolicyType): string {
  const pick = (alphabet: string): string => alphabet[randomInt(alphabet.length)]!;
  const all = lower + upper + digits + symbols;
  const characters = [pick(lower), pick(upper), pick(digits), pick(symbols)];
  while (characters.length < Math.max(12, policy.MinimumLength ?? 8)) characters.push(pick(all));
  for (let i = characters.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [characters[i], characters[j]] = [characters[j]!, characters[i]!];
  }
  return characters.join('');
}
