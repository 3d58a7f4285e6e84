import type { JWTPayload } from 'jose';

/**
 * Claims of Cognito user-pool tokens (cognito-facts.md §6.3, §6.4). Optional
 * members appear only in some tokens (groups, device tracking, revocation on).
 */
export interface CognitoTokenPayloadBase extends JWTPayload {
  sub: string;
  iss: string;
  exp: number;
  iat: number;
  /** Epoch seconds of the original sign-in; kept across refreshes. */
  auth_time: number;
  jti?: string;
  /** Links the token to its refresh token; present when token revocation is on. */
  origin_jti?: string;
  event_id?: string;
  'cognito:groups'?: string[];
}

export interface CognitoIdTokenPayload extends CognitoTokenPayloadBase {
  token_use: 'id';
  /** The app client id. */
  aud: string;
  /** The internal username (a UUID in email-as-username pools). */
  'cognito:username': string;
  email?: string;
  /** A JSON boolean in the token, unlike the "true"/"false" strings of the API. */
  email_verified?: boolean;
  phone_number?: string;
  phone_number_verified?: boolean;
  'cognito:roles'?: string[];
  'cognito:preferred_role'?: string;
  /** Other standard attributes, and `custom:*` attributes (always strings). */
  [claim: string]: unknown;
}

export interface CognitoAccessTokenPayload extends CognitoTokenPayloadBase {
  token_use: 'access';
  /** The app client id (access tokens carry no `aud`). */
  client_id: string;
  /** The internal username. */
  username: string;
  /** Space-separated; `aws.cognito.signin.user.admin` for API/SDK sign-in. */
  scope: string;
  device_key?: string;
  version?: number;
}

export type CognitoTokenUse = 'id' | 'access';

export type CognitoTokenPayload = CognitoIdTokenPayload | CognitoAccessTokenPayload;

/** The payload type that a given `tokenUse` option yields. */
export type PayloadFor<U extends CognitoTokenUse | undefined> = U extends 'id'
  ? CognitoIdTokenPayload
  : U extends 'access'
    ? CognitoAccessTokenPayload
    : CognitoTokenPayload;
