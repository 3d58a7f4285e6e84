/**
 * signIn / signInWithSrp through the real AWS SDK against the real emulator, started in this process.
 * The client's SRP half and the emulator's were written independently, so a sign-in that succeeds here
 * checks each against the other (and both are checked against the published vector elsewhere).
 */
import {
  AdminConfirmSignUpCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  SignUpCommand,
  type CognitoIdentityProviderClient,
  type ExplicitAuthFlowsType,
} from '@aws-sdk/client-cognito-identity-provider';
import { configFrom, createEmulator, type RunningEmulator } from 'cognito-emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UnhandledChallengeError, createCognitoClient, secretHash, signIn, signInWithSrp, verifyToken } from '../src/index.js';

let emulator: RunningEmulator;
let client: CognitoIdentityProviderClient;
/** Every command the SDK sent, with its input as given, recorded by an SDK middleware. */
const calls: Array<{ command: string; input: Record<string, unknown> }> = [];
const clock = () => new Date('2024-03-05T09:07:03Z');

let userPoolId: string;
let publicClient: string;
let secretClient: string;
let clientSecret: string;
let emailPoolId: string;
let emailPoolSecretClient: string;
let emailPoolClientSecret: string;

const password = 'P@ssw0rd!';
const temporary = 'Temp0rary!';
const flows: ExplicitAuthFlowsType[] = ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'];
let counter = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${counter++}`;

beforeAll(async () => {
  emulator = await createEmulator(configFrom({ port: 0, dataPath: ':memory:', logLevel: 'silent' }));
  client = createCognitoClient({ endpoint: emulator.url, maxAttempts: 1 });
  client.middlewareStack.add(
    (next, context) => async (args) => {
      calls.push({ command: String(context.commandName), input: args.input as Record<string, unknown> });
      return next(args);
    },
    { step: 'initialize', name: 'recordCalls' },
  );

  const pool = await client.send(new CreateUserPoolCommand({ PoolName: 'client-sign-in' }));
  userPoolId = pool.UserPool!.Id!;
  publicClient = (await client.send(new CreateUserPoolClientCommand({ UserPoolId: userPoolId, ClientName: 'public', ExplicitAuthFlows: flows })))
    .UserPoolClient!.ClientId!;
  const withSecret = await client.send(
    new CreateUserPoolClientCommand({ UserPoolId: userPoolId, ClientName: 'secret', ExplicitAuthFlows: flows, GenerateSecret: true }),
  );
  secretClient = withSecret.UserPoolClient!.ClientId!;
  clientSecret = withSecret.UserPoolClient!.ClientSecret!;

  // Email as username: the internal username (USER_ID_FOR_SRP) is a UUID, not what the user types.
  const emailPool = await client.send(new CreateUserPoolCommand({ PoolName: 'client-sign-in-email', UsernameAttributes: ['email'] }));
  emailPoolId = emailPool.UserPool!.Id!;
  const emailClient = await client.send(
    new CreateUserPoolClientCommand({ UserPoolId: emailPoolId, ClientName: 'secret', ExplicitAuthFlows: flows, GenerateSecret: true }),
  );
  emailPoolSecretClient = emailClient.UserPoolClient!.ClientId!;
  emailPoolClientSecret = emailClient.UserPoolClient!.ClientSecret!;
});

afterAll(async () => {
  client?.destroy();
  await emulator?.close();
});

beforeEach(() => {
  calls.length = 0;
});

async function confirmedUser(pool = userPoolId, clientId = publicClient, name = unique('alice')): Promise<string> {
  await client.send(new SignUpCommand({ ClientId: clientId, Username: name, Password: password }));
  await client.send(new AdminConfirmSignUpCommand({ UserPoolId: pool, Username: name }));
  return name;
}

async function adminCreatedUser(): Promise<string> {
  const name = unique('newbie');
  await client.send(
    new AdminCreateUserCommand({
      UserPoolId: userPoolId,
      Username: name,
      TemporaryPassword: temporary,
      MessageAction: 'SUPPRESS',
      UserAttributes: [{ Name: 'email', Value: `${name}@example.com` }],
    }),
  );
  return name;
}

const base = () => ({ client, clientId: publicClient, userPoolId, clock });

describe('signInWithSrp', () => {
  it('proves the password and returns tokens that verify against the JWKS', async () => {
    const name = await confirmedUser();
    calls.length = 0;
    const out = await signInWithSrp({ ...base(), username: name, password });
    const payload = await verifyToken(out.AuthenticationResult!.IdToken!, {
      issuer: emulator.services.issuerFor(userPoolId),
      tokenUse: 'id',
      clientId: publicClient,
    });
    expect(payload['cognito:username']).toBe(name);

    const [init, verify] = calls;
    expect(init).toMatchObject({ command: 'InitiateAuthCommand', input: { AuthFlow: 'USER_SRP_AUTH', ClientId: publicClient } });
    expect((init!.input.AuthParameters as Record<string, string>).SRP_A).toMatch(/^[0-9a-f]+$/);
    expect(verify).toMatchObject({ command: 'RespondToAuthChallengeCommand', input: { ChallengeName: 'PASSWORD_VERIFIER' } });
    expect(verify!.input.ChallengeResponses).toMatchObject({ USERNAME: name, TIMESTAMP: 'Tue Mar 5 09:07:03 UTC 2024' });
    expect(verify!.input.Session).toBeUndefined(); // the emulator, like Cognito, sends no Session with PASSWORD_VERIFIER
  });

  it('answers with USER_ID_FOR_SRP when signing in by email, and hashes the secret with it', async () => {
    const email = `${unique('alice')}@example.com`;
    await client.send(
      new SignUpCommand({
        ClientId: emailPoolSecretClient,
        Username: email,
        Password: password,
        SecretHash: secretHash(emailPoolClientSecret, email, emailPoolSecretClient),
      }),
    );
    await client.send(new AdminConfirmSignUpCommand({ UserPoolId: emailPoolId, Username: email }));
    const internal = (await client.send(new AdminGetUserCommand({ UserPoolId: emailPoolId, Username: email }))).Username!;
    expect(internal).not.toBe(email);
    calls.length = 0;

    const out = await signInWithSrp({
      client,
      clientId: emailPoolSecretClient,
      userPoolId: emailPoolId,
      clientSecret: emailPoolClientSecret,
      username: email,
      password,
    });
    expect(out.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
    const [init, verify] = calls;
    expect(init!.input.AuthParameters).toMatchObject({
      USERNAME: email,
      SECRET_HASH: secretHash(emailPoolClientSecret, email, emailPoolSecretClient),
    });
    expect(verify!.input.ChallengeResponses).toMatchObject({
      USERNAME: internal,
      SECRET_HASH: secretHash(emailPoolClientSecret, internal, emailPoolSecretClient),
    });
  });

  it('surfaces a wrong password as the service error', async () => {
    const name = await confirmedUser();
    await expect(signInWithSrp({ ...base(), username: name, password: 'Wr0ng-password!' })).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });

  it('returns the next challenge as is', async () => {
    const name = await adminCreatedUser();
    const out = await signInWithSrp({ ...base(), username: name, password: temporary });
    expect(out.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(out.Session).toEqual(expect.any(String));
    expect(out.ChallengeParameters).toMatchObject({ USER_ID_FOR_SRP: name, requiredAttributes: '[]' });
  });
});

describe('signIn', () => {
  it('uses SRP by default', async () => {
    const name = await confirmedUser();
    calls.length = 0;
    const tokens = await signIn({ ...base(), username: name, password });
    expect(tokens).toMatchObject({ IdToken: expect.any(String), AccessToken: expect.any(String), TokenType: 'Bearer' });
    expect(calls.map((call) => call.command)).toEqual(['InitiateAuthCommand', 'RespondToAuthChallengeCommand']);
  });

  it('supports USER_PASSWORD_AUTH with a client secret', async () => {
    const name = await confirmedUser();
    calls.length = 0;
    const tokens = await signIn({ ...base(), clientId: secretClient, clientSecret, username: name, password, flow: 'USER_PASSWORD_AUTH' });
    expect(tokens.RefreshToken).toEqual(expect.any(String));
    expect(calls).toHaveLength(1);
    expect(calls[0]!.input.AuthParameters).toEqual({ USERNAME: name, PASSWORD: password, SECRET_HASH: secretHash(clientSecret, name, secretClient) });
  });

  it('stops at NEW_PASSWORD_REQUIRED without newPassword, keeping the Session', async () => {
    const name = await adminCreatedUser();
    const err = await signIn({ ...base(), username: name, password: temporary }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnhandledChallengeError);
    const challenge = err as UnhandledChallengeError;
    expect(challenge.challengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(challenge.session).toEqual(expect.any(String));
    expect(challenge.message).toMatch(/NEW_PASSWORD_REQUIRED.*newPassword/);
  });

  it.each(['USER_SRP_AUTH', 'USER_PASSWORD_AUTH'] as const)(
    'answers NEW_PASSWORD_REQUIRED (%s) with the new password, attributes and secret hash',
    async (flow) => {
      const name = await adminCreatedUser();
      calls.length = 0;
      const tokens = await signIn({
        ...base(),
        clientId: secretClient,
        clientSecret,
        username: name,
        password: temporary,
        newPassword: 'N3w-P@ssword!',
        newAttributes: { name: 'New Bie' },
        flow,
      });
      expect(tokens.IdToken).toEqual(expect.any(String));
      const last = calls.at(-1);
      expect(last?.input).toMatchObject({ ChallengeName: 'NEW_PASSWORD_REQUIRED', ClientId: secretClient, Session: expect.any(String) });
      expect(last?.input.ChallengeResponses).toEqual({
        USERNAME: name,
        NEW_PASSWORD: 'N3w-P@ssword!',
        'userAttributes.name': 'New Bie',
        SECRET_HASH: secretHash(clientSecret, name, secretClient),
      });
      const user = await client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: name }));
      expect(user.UserStatus).toBe('CONFIRMED');
      expect(user.UserAttributes).toContainEqual({ Name: 'name', Value: 'New Bie' });

      // The new password now works, by either flow.
      expect((await signIn({ ...base(), username: name, password: 'N3w-P@ssword!' })).AccessToken).toEqual(expect.any(String));
      await expect(signIn({ ...base(), username: name, password: temporary })).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    },
  );
});
