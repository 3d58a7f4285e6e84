import type { PasswordPolicyType } from '@aws-sdk/client-cognito-identity-provider';
import { fail } from '../errors.js';

// The symbols Cognito counts (https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-policies.html);
// a space counts as a symbol too.
const symbols = new Set('^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+- ');

/** Throws InvalidPasswordException with Cognito's wording for the first rule `password` breaks. */
export function checkPasswordPolicy(password: string, policy: PasswordPolicyType): void {
  const problem = (reason: string): never => fail('InvalidPasswordException', `Password did not conform with policy: ${reason}`);
  if ([...password].length < (policy.MinimumLength ?? 8)) problem('Password not long enough');
  if (policy.RequireLowercase && !/[a-z]/.test(password)) problem('Password must have lowercase characters');
  if (policy.RequireUppercase && !/[A-Z]/.test(password)) problem('Password must have uppercase characters');
  if (policy.RequireNumbers && !/[0-9]/.test(password)) problem('Password must have numeric characters');
  if (policy.RequireSymbols && ![...password].some((character) => symbols.has(character))) problem('Password must have symbol characters');
}
