export { createCognitoClient, EMULATOR_DUMMY_CREDENTIALS } from './cognito-client.js';
export type { CreateCognitoClientOptions } from './cognito-client.js';

export { secretHash } from './secret-hash.js';

export { verifyToken, clearJwksCache } from './verify-token.js';
export type { VerifyTokenOptions } from './verify-token.js';
export type {
  CognitoTokenPayloadBase,
  CognitoIdTokenPayload,
  CognitoAccessTokenPayload,
  CognitoTokenPayload,
  CognitoTokenUse,
  PayloadFor,
} from './token-types.js';

export { signIn } from './sign-in.js';
export type { SignInOptions, SignInFlow } from './sign-in.js';
export { signInWithSrp } from './sign-in-srp.js';
export type { SignInWithSrpOptions } from './sign-in-srp.js';
export { formatSrpTimestamp } from './srp-timestamp.js';
export * as srpMath from './srp-client-math.js';

// Emulator-only control plane (/_emulator/*): not available on real Cognito.
export {
  readMessages,
  readLatestCode,
  readClock,
  advanceClock,
  setClock,
  pinClock,
  resumeClock,
  resetClock,
  resetEmulator,
} from './emulator-control.js';
export type {
  EmulatorMessage,
  EmulatorMessageKind,
  ReadLatestCodeOptions,
  EmulatorClockState,
  EmulatorDuration,
} from './emulator-control.js';

export { UnhandledChallengeError, TokenVerificationError, EmulatorControlError } from './errors.js';
export type { TokenVerificationCode } from './errors.js';

// Emulator-only: aws-jwt-verify's CognitoJwtVerifier against the emulator (needs --issuer-style aws).
export { primeCognitoJwtVerifier, fetchEmulatorJwks } from './aws-jwt-verify.js';
export type { JwksCachingVerifier, JsonWebKeySet, PrimeCognitoJwtVerifierOptions } from './aws-jwt-verify.js';
