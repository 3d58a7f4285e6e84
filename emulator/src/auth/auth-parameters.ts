import { fail } from '../errors.js';

/** Reads a required AuthParameters / ChallengeResponses entry with Cognito's error when it is absent. */
export function requiredParameter(parameters: Readonly<Record<string, string>> | undefined, name: string): string {
  const value = parameters?.[name];
  if (value === undefined || value === '') fail('InvalidParameterException', `Missing required parameter ${name}`);
  return value;
}
