import { InitiateAuthCommand, RespondToAuthChallengeCommand } from '@aws-sdk/client-cognito-identity-provider';
import type {
  AuthenticationResultType,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { UnhandledChallengeError } from './errors.js';
import { secretHash } from './secret-hash.js';
import { signInWithSrp } from './sign-in-srp.js';

export type SignInFlow = 'USER_SRP_AUTH' | 'USER_PASSWORD_AUTH';

export interface SignInOptions {
  client: CognitoIdentityProviderClient;
  clientId: string;
  /** Needed by the SRP flow (pool name); ignored by USER_PASSWORD_AUTH. */
  userPoolId: string;
  username: string;
  password: string;
  clientSecret?: string;
  /** Answers NEW_PASSWORD_REQUIRED (users made by AdminCreateUser) when given. */
  newPassword?: string;
  /** Attribute values sent with NEW_PASSWORD_REQUIRED as `userAttributes.<name>`. */
  newAttributes?: Record<string, string>;
  /** Defaults to USER_SRP_AUTH, which app clients allow by default (facts §3.2). */
  flow?: SignInFlow;
  /** TIMESTAMP source for SRP; defaults to the system clock. */
  clock?: () => Date;
}

/** What InitiateAuth and RespondToAuthChallenge have in common. */
interface AuthStep {
  ChallengeName?: string | undefined;
  Session?: string | undefined;
  ChallengeParameters?: Record<string, string> | undefined;
  AuthenticationResult?: AuthenticationResultType | undefined;
}

/**
 * Signs a user in and returns the tokens. Runs the challenge loop: answers
 * NEW_PASSWORD_REQUIRED when `newPassword` is given; any other challenge (MFA,
 * custom, ...) throws UnhandledChallengeError, which carries the Session so a
 * caller can continue by hand.
 */
export async function signIn(options: SignInOptions): Promise<AuthenticationResultType> {
  const { client, clientId, username, clientSecret } = options;
  const hash = (name: string): Record<string, string> =>
    clientSecret === undefined ? {} : { SECRET_HASH: secretHash(clientSecret, name, clientId) };

  let step: AuthStep = await firstStep(options, hash);
  let answeredNewPassword = false;

  for (;;) {
    if (step.AuthenticationResult) return step.AuthenticationResult;
    const challenge = step.ChallengeName;
    const params = step.ChallengeParameters ?? {};
    if (challenge === undefined) {
      throw new Error('Cognito answered with neither AuthenticationResult nor ChallengeName');
    }
    if (challenge !== 'NEW_PASSWORD_REQUIRED' || options.newPassword === undefined || answeredNewPassword) {
      let hint: string | undefined;
      if (challenge === 'NEW_PASSWORD_REQUIRED') {
        hint = answeredNewPassword ? 'asked again after newPassword was sent' : 'pass newPassword to answer it';
      }
      throw new UnhandledChallengeError(challenge, step.Session, params, hint);
    }

    // Same choice as Amplify v6: the challenge's USERNAME, else USER_ID_FOR_SRP, else the input.
    const challengeUser = params.USERNAME ?? params.USER_ID_FOR_SRP ?? username;
    const responses: Record<string, string> = {
      USERNAME: challengeUser,
      NEW_PASSWORD: options.newPassword,
      ...hash(challengeUser),
    };
    for (const [name, value] of Object.entries(options.newAttributes ?? {})) {
      responses[`userAttributes.${name}`] = value;
    }
    answeredNewPassword = true;
    step = await client.send(
      new RespondToAuthChallengeCommand({
        ClientId: clientId,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: step.Session,
        ChallengeResponses: responses,
      }),
    );
  }
}

async function firstStep(
  options: SignInOptions,
  hash: (name: string) => Record<string, string>,
): Promise<AuthStep> {
  const flow = options.flow ?? 'USER_SRP_AUTH';
  if (flow === 'USER_SRP_AUTH') {
    const { client, clientId, userPoolId, username, password, clientSecret, clock } = options;
    return signInWithSrp({ client, clientId, userPoolId, username, password, clientSecret, clock });
  }
  return options.client.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: options.clientId,
      AuthParameters: {
        USERNAME: options.username,
        PASSWORD: options.password,
        ...hash(options.username),
      },
    }),
  );
}
