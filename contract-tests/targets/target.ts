/**
 * The target a contract test runs against. Tests use only `client` (the real AWS SDK v3) and the
 * capabilities declared here; anything only the emulator can give (reading a code from the outbox) is a
 * capability that the aws target lacks, and tests that need it say so in their names and skip on aws.
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { advanceClock, createCognitoClient, readLatestCode, resetClock, setClock } from 'cognito-emulator-client';
import { inject } from 'vitest';

export interface ContractTarget {
  readonly name: 'emulator' | 'aws';
  readonly region: string;
  readonly client: CognitoIdentityProviderClient;
  /** The HTTP endpoint of the Cognito API, for tests that speak raw HTTP (emulator only). */
  readonly endpoint: string | undefined;
  /** The issuer of a pool's tokens. */
  issuerFor(userPoolId: string): string;
  /** Emulator only: the newest code "sent" to `username`. Undefined on targets without an outbox. */
  readonly readCode: ((userPoolId: string, username: string) => Promise<string>) | undefined;
  /**
   * Emulator only: the emulator's clock. Undefined where time cannot be moved (aws). It is one clock for
   * every file using that emulator, so tests that move it run on an emulator of their own
   * (fixtures/own-emulator.ts) and other files' codes and tokens do not expire under them.
   */
  readonly clock: EmulatorClock | undefined;
}

export interface EmulatorClock {
  /** Seconds, or '1h', '25h', '30d', ... */
  advance(by: number | string): Promise<void>;
  set(time: Date | string | number, options?: { pin?: boolean }): Promise<void>;
  reset(): Promise<void>;
}

export function emulatorTarget(url: string): ContractTarget {
  return {
    name: 'emulator',
    region: 'us-east-1',
    client: createCognitoClient({ endpoint: url, region: 'us-east-1' }),
    endpoint: url,
    issuerFor: (userPoolId) => `${url}/${userPoolId}`,
    readCode: (userPoolId, username) => readLatestCode(url, userPoolId, username),
    clock: {
      advance: async (by) => void (await advanceClock(url, by)),
      set: async (time, options) => void (await setClock(url, time, options)),
      reset: async () => void (await resetClock(url)),
    },
  };
}

function awsTarget(): ContractTarget {
  const region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
  // No endpoint here on purpose: the SDK resolves it the standard way (AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER
  // when set, real Cognito otherwise).
  const client = new CognitoIdentityProviderClient({ region });
  const endpointOverride = process.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER ?? process.env.AWS_ENDPOINT_URL;
  return {
    name: 'aws',
    region,
    client,
    endpoint: undefined,
    issuerFor: (userPoolId) =>
      endpointOverride ? `${endpointOverride.replace(/\/+$/, '')}/${userPoolId}` : `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`,
    readCode: undefined,
    clock: undefined,
  };
}

let current: ContractTarget | undefined;

export function target(): ContractTarget {
  if (current) return current;
  const name = process.env.CONTRACT_TARGET ?? 'emulator';
  if (name === 'aws') current = awsTarget();
  else if (name === 'emulator') {
    const url = inject('emulatorUrl');
    if (!url) throw new Error('The emulator target was chosen but no emulator was started (see targets/global-setup.ts)');
    current = emulatorTarget(url);
  } else throw new Error(`CONTRACT_TARGET must be "emulator" or "aws", got "${name}"`);
  return current;
}

/** True when the target can read codes from an outbox (the emulator); tests needing it skip elsewhere. */
export const hasOutbox = (): boolean => target().readCode !== undefined;

/** True when the target's clock can be moved (the emulator); tests needing it skip elsewhere. */
export const hasClock = (): boolean => target().clock !== undefined;
