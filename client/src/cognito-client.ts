import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoIdentityProviderClientConfig } from '@aws-sdk/client-cognito-identity-provider';

export interface CreateCognitoClientOptions
  extends Omit<CognitoIdentityProviderClientConfig, 'endpoint' | 'region' | 'credentials'> {
  /** Emulator URL, e.g. `http://127.0.0.1:9329`. Omit to talk to real Cognito. */
  endpoint?: string;
  /** Defaults to `us-east-1`. The SDK needs a region even for unsigned operations. */
  region?: string;
  credentials?: CognitoIdentityProviderClientConfig['credentials'];
}

/**
 * Static credentials used when an endpoint is given without credentials: the
 * emulator does not verify SigV4, but the SDK refuses to sign Admin* and other
 * SigV4 operations without some credentials, and we must not depend on the
 * developer's AWS configuration.
 */
export const EMULATOR_DUMMY_CREDENTIALS = Object.freeze({
  accessKeyId: 'cognito-emulator',
  secretAccessKey: 'cognito-emulator',
});

/** An AWS SDK v3 Cognito client, pointed at the emulator when `endpoint` is given. */
export function createCognitoClient(options: CreateCognitoClientOptions = {}): CognitoIdentityProviderClient {
  const { endpoint, region, credentials, ...rest } = options;
  const config: CognitoIdentityProviderClientConfig = { ...rest, region: region ?? 'us-east-1' };
  if (endpoint !== undefined) config.endpoint = endpoint;
  if (credentials !== undefined) {
    config.credentials = credentials;
  } else if (endpoint !== undefined) {
    config.credentials = { ...EMULATOR_DUMMY_CREDENTIALS };
  }
  return new CognitoIdentityProviderClient(config);
}
