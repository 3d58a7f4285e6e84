/** Errors raised by this package (not by Cognito: those come from the AWS SDK). */

/** A sign-in stopped at a challenge this package was not asked (or able) to answer. */
export class UnhandledChallengeError extends Error {
  override readonly name = 'UnhandledChallengeError';
  constructor(
    readonly challengeName: string,
    readonly session: string | undefined,
    readonly challengeParameters: Record<string, string>,
    hint?: string,
  ) {
    super(`Sign-in stopped at unhandled challenge ${challengeName}${hint ? `: ${hint}` : ''}`);
  }
}

/** Codes of the checks verifyToken makes itself; jose failures keep jose's code (e.g. ERR_JWT_EXPIRED). */
export type TokenVerificationCode =
  | 'TOKEN_USE_MISMATCH'
  | 'CLIENT_ID_MISMATCH'
  | 'NOT_A_COGNITO_TOKEN'
  | (string & {});

/** A JWT failed verification: bad signature, algorithm, issuer, expiry, token_use or client. */
export class TokenVerificationError extends Error {
  override readonly name = 'TokenVerificationError';
  constructor(
    readonly code: TokenVerificationCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** An emulator control-plane (/_emulator) request failed. */
export class EmulatorControlError extends Error {
  override readonly name = 'EmulatorControlError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}
