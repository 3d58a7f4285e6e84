import { randomBytes, randomInt, randomUUID } from 'node:crypto';

const alphanumerics = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const lowerAlphanumerics = 'abcdefghijklmnopqrstuvwxyz0123456789';

function randomString(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** `us-east-1_AbCdEf123`: region, underscore, 9 alphanumerics, as real pool ids look. */
export const newUserPoolId = (region: string): string => `${region}_${randomString(alphanumerics, 9)}`;

/** 26 lower-case alphanumerics, like `26cb2c60kq7nbmas7rbme9b6pp`. */
export const newAppClientId = (): string => randomString(lowerAlphanumerics, 26);

/** 51 lower-case alphanumerics, the length real generated secrets have. */
export const newAppClientSecret = (): string => randomString(lowerAlphanumerics, 51);

export const newSub = (): string => randomUUID();

/** A six-digit confirmation code, leading zeros allowed. */
export const newConfirmationCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

export const newJti = (): string => randomUUID();

export const newServerSecret = (): Buffer => randomBytes(32);

/** The pool name used in SRP: the part of the pool id after the underscore. */
export const srpPoolName = (userPoolId: string): string => userPoolId.slice(userPoolId.indexOf('_') + 1);

export const userPoolArn = (region: string, accountId: string, userPoolId: string): string =>
  `arn:aws:cognito-idp:${region}:${accountId}:userpool/${userPoolId}`;
