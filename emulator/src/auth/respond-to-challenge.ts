/**
 * The challenge answers shared by RespondToAuthChallenge and AdminRespondToAuthChallenge. The emulator
 * issues PASSWORD_VERIFIER (USER_SRP_AUTH) and NEW_PASSWORD_REQUIRED; any other challenge name cannot
 * answer anything it issued.
 */
import { Type } from '@sinclair/typebox';
import { fail } from '../errors.js';
import type { OperationContext } from '../protocol/operation.js';
import type { AppClientRecord } from '../store/app-clients.js';
import type { UserPoolRecord } from '../store/user-pools.js';
import { answerNewPasswordRequired } from './new-password-required.js';
import type { SignInOutcome } from './sign-in-outcome.js';
import { answerPasswordVerifier } from './srp-sign-in.js';

/** ChallengeNameType of the model. */
export const ChallengeName = Type.Union(
  (
    [
      'SMS_MFA',
      'EMAIL_OTP',
      'SOFTWARE_TOKEN_MFA',
      'SELECT_MFA_TYPE',
      'MFA_SETUP',
      'PASSWORD_VERIFIER',
      'CUSTOM_CHALLENGE',
      'SELECT_CHALLENGE',
      'DEVICE_SRP_AUTH',
      'DEVICE_PASSWORD_VERIFIER',
      'ADMIN_NO_SRP_AUTH',
      'NEW_PASSWORD_REQUIRED',
      'SMS_OTP',
      'PASSWORD',
      'WEB_AUTHN',
      'PASSWORD_SRP',
    ] as const
  ).map((name) => Type.Literal(name)),
);

export interface ChallengeAnswer {
  readonly ChallengeName: string;
  readonly Session?: string | undefined;
  readonly ChallengeResponses?: Readonly<Record<string, string>> | undefined;
}

export function respondToChallenge(
  ctx: OperationContext,
  pool: UserPoolRecord,
  client: AppClientRecord,
  answer: ChallengeAnswer,
): Promise<SignInOutcome> {
  switch (answer.ChallengeName) {
    case 'PASSWORD_VERIFIER':
      // No Session on this step (real Cognito sends none); a Session the client passes along is ignored.
      return answerPasswordVerifier(ctx, pool, client, answer.ChallengeResponses);
    case 'NEW_PASSWORD_REQUIRED':
      return answerNewPasswordRequired(ctx, pool, client, answer.Session, answer.ChallengeResponses);
    default:
      // MFA, custom and device challenges are never issued here, so no Session can be answered with them.
      return fail('InvalidParameterException', `cognito-emulator does not support the ${answer.ChallengeName} challenge yet.`); // wording invented
  }
}
