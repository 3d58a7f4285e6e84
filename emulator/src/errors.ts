/**
 * The one catalogue of Cognito error types the emulator can answer with.
 * Messages are copied from real Cognito where they are known (shared/cognito-facts.md §7.7);
 * defaults marked "invented" were not observed and only exist so no error goes out without a message.
 *
 * Every client fault is sent as HTTP 400, as the live service does for NotAuthorized and UserNotFound
 * (the Smithy model says 403/404, but real traffic shows 400; no client branches on the exact 4xx).
 */
export const cognitoErrors = {
  AliasExistsException: { status: 400, message: 'An account with the given email already exists.' },
  CodeDeliveryFailureException: { status: 400, message: 'Unable to deliver the code.' /* invented */ },
  CodeMismatchException: { status: 400, message: 'Invalid verification code provided, please try again.' },
  ExpiredCodeException: { status: 400, message: 'Invalid code provided, please request a code again.' },
  GroupExistsException: { status: 400, message: 'A group with the name already exists.' /* unconfirmed wording */ },
  InvalidParameterException: { status: 400, message: 'Invalid parameter.' /* invented */ },
  InvalidPasswordException: { status: 400, message: 'Password did not conform with policy' },
  InvalidUserPoolConfigurationException: { status: 400, message: 'Invalid user pool configuration.' /* invented */ },
  LimitExceededException: { status: 400, message: 'Attempt limit exceeded, please try after some time.' },
  NotAuthorizedException: { status: 400, message: 'Incorrect username or password.' },
  PasswordResetRequiredException: { status: 400, message: 'Password reset required for the user' },
  RefreshTokenReuseException: { status: 400, message: 'Refresh token has been reused.' /* invented */ },
  ResourceNotFoundException: { status: 400, message: 'Resource not found.' /* invented */ },
  TooManyRequestsException: { status: 400, message: 'Too many requests.' /* invented */ },
  UnauthorizedException: { status: 400, message: 'Unauthorized client.' /* invented; the model gives 401, sent as 400 like every client fault */ },
  UnsupportedOperationException: { status: 400, message: 'Unsupported operation.' /* invented */ },
  UnsupportedTokenTypeException: { status: 400, message: 'Unsupported token type.' /* invented */ },
  UnsupportedUserStateException: { status: 400, message: 'The user is in a state that does not allow this operation.' /* invented */ },
  UserNotConfirmedException: { status: 400, message: 'User is not confirmed.' },
  UserNotFoundException: { status: 400, message: 'User does not exist.' },
  UsernameExistsException: { status: 400, message: 'User already exists' },
  // Protocol-level faults (AWS JSON 1.1 framing rather than Cognito rules).
  SerializationException: { status: 400, message: 'Could not parse the request body.' /* invented */ },
  UnknownOperationException: { status: 400, message: 'Unknown operation.' /* invented */ },
  RequestEntityTooLargeException: { status: 413, message: 'Request entity too large.' /* invented */ },
  // Real Cognito operations this emulator does not implement yet: 501 so SDKs fail at once instead of retrying.
  NotImplementedException: { status: 501, message: 'This operation is not implemented by cognito-emulator.' },
  InternalErrorException: { status: 500, message: 'Internal error.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type CognitoErrorType = keyof typeof cognitoErrors;

export class CognitoError extends Error {
  readonly type: CognitoErrorType;
  readonly status: number;

  constructor(type: CognitoErrorType, message?: string) {
    super(message ?? cognitoErrors[type].message);
    this.name = type;
    this.type = type;
    this.status = cognitoErrors[type].status;
  }
}

/** Throws the Cognito error `type`. */
export function fail(type: CognitoErrorType, message?: string): never {
  throw new CognitoError(type, message);
}

/** Throws the Cognito error `type` unless `condition` holds. */
export function ensure(condition: unknown, type: CognitoErrorType, message?: string): asserts condition {
  if (!condition) throw new CognitoError(type, message);
}
