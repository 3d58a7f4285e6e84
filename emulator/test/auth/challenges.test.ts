/**
 * What AWS cannot show us about SRP challenges and sessions: the credentials stored for each password
 * setter, expiry on the emulator's own clock (SECRET_BLOCK, Session, temporary password), and states a
 * contract test cannot reach (a FORCE_CHANGE_PASSWORD user who lacks a required attribute).
 */
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SignUpCommand,
  type CreateUserPoolClientCommandInput,
  type CreateUserPoolCommandInput,
  type ExplicitAuthFlowsType,
} from '@aws-sdk/client-cognito-identity-provider';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPasswordVerifier } from '../../src/auth/srp/srp-server.js';
import { SRP_CHALLENGE_LIFETIME_MS } from '../../src/auth/srp-sign-in.js';
import { srpPoolName } from '../../src/domain/ids.js';
import { configFrom, createEmulator, type RunningEmulator } from '../../src/index.js';

let emulator: RunningEmulator;
let sdk: CognitoIdentityProviderClient;
const temporary = 'Temp0rary-pass!';
const permanent = 'Perm4nent-pass!';
const flows: ExplicitAuthFlowsType[] = ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'];
let counter = 0;
const unique = (prefix = 'user') => `${prefix}-${counter++}-${randomBytes(3).toString('hex')}`;

beforeAll(async () => {
  emulator = await createEmulator(configFrom({ port: 0, dataPath: ':memory:', logLevel: 'silent' }));
  sdk = new CognitoIdentityProviderClient({ endpoint: emulator.url, region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, maxAttempts: 1 });
});

afterAll(async () => {
  sdk?.destroy();
  await emulator?.close();
});

async function app(pool: Partial<CreateUserPoolCommandInput> = {}, client: Partial<CreateUserPoolClientCommandInput> = {}) {
  const userPoolId = (await sdk.send(new CreateUserPoolCommand({ PoolName: unique('pool'), ...pool }))).UserPool!.Id!;
  const clientId = (await sdk.send(new CreateUserPoolClientCommand({ UserPoolId: userPoolId, ClientName: 'c', ExplicitAuthFlows: flows, ...client })))
    .UserPoolClient!.ClientId!;
  return { userPoolId, clientId };
}

const storedUser = (userPoolId: string, username: string) => {
  const pool = emulator.services.store.userPools.find(userPoolId)!;
  return emulator.services.store.users.findByUsernameKey(pool.id, username)!;
};

/** The stored SRP verifier is the one the password makes with the pool name and this internal username. */
async function expectVerifierFor(userPoolId: string, internalUsername: string, password: string): Promise<void> {
  const user = storedUser(userPoolId, internalUsername);
  expect(user.srpSalt).toMatch(/^[0-9a-f]+$/);
  const expected = await createPasswordVerifier(srpPoolName(userPoolId), internalUsername, password, Buffer.from(user.srpSalt!, 'hex'));
  expect(user.srpVerifier).toBe(expected.verifierHex);
  expect(user.passwordHash).toMatch(/^\$argon2id\$/);
}

const passwordStart = (clientId: string, username: string, password: string) =>
  sdk.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username, PASSWORD: password } }));
const answer = (clientId: string, session: string | undefined, responses: Record<string, string>) =>
  sdk.send(new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: session, ChallengeResponses: responses }));
const createUser = (userPoolId: string, username: string, extra: Partial<ConstructorParameters<typeof AdminCreateUserCommand>[0]> = {}) =>
  sdk.send(new AdminCreateUserCommand({ UserPoolId: userPoolId, Username: username, TemporaryPassword: temporary, MessageAction: 'SUPPRESS', ...extra }));

async function rejection(promise: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { name: string; message: string };
  }
  throw new Error('expected the call to fail');
}

describe('credentials stored by every password setter', () => {
  it('SignUp, AdminCreateUser, AdminSetUserPassword and the NEW_PASSWORD_REQUIRED answer store hash, salt and verifier', async () => {
    const { userPoolId, clientId } = await app();
    const signedUp = unique();
    await sdk.send(new SignUpCommand({ ClientId: clientId, Username: signedUp, Password: permanent }));
    await expectVerifierFor(userPoolId, signedUp, permanent);

    const created = unique();
    await createUser(userPoolId, created);
    await expectVerifierFor(userPoolId, created, temporary);
    const challenge = await passwordStart(clientId, created, temporary);
    await answer(clientId, challenge.Session, { USERNAME: created, NEW_PASSWORD: permanent });
    await expectVerifierFor(userPoolId, created, permanent);

    await sdk.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: signedUp, Password: 'An0ther-pass!', Permanent: true }));
    await expectVerifierFor(userPoolId, signedUp, 'An0ther-pass!');
  });

  it('uses the internal (UUID) username in email-as-username pools', async () => {
    const { userPoolId, clientId } = await app({ UsernameAttributes: ['email'] });
    const email = `${unique()}@example.com`;
    const { UserSub } = await sdk.send(new SignUpCommand({ ClientId: clientId, Username: email, Password: permanent }));
    const internal = (await sdk.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: email }))).Username!;
    expect(internal).toBe(UserSub);
    await expectVerifierFor(userPoolId, internal, permanent);
  });
});

describe('SECRET_BLOCK', () => {
  it(`expires ${SRP_CHALLENGE_LIFETIME_MS / 60_000} minutes after InitiateAuth on the emulator's clock, and belongs to its client`, async () => {
    const { userPoolId, clientId } = await app();
    const other = (await sdk.send(new CreateUserPoolClientCommand({ UserPoolId: userPoolId, ClientName: 'other', ExplicitAuthFlows: flows }))).UserPoolClient!
      .ClientId!;
    const username = unique();
    await sdk.send(new SignUpCommand({ ClientId: clientId, Username: username, Password: permanent }));
    await sdk.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: username, Password: permanent, Permanent: true }));
    const start = async () =>
      (
        await sdk.send(
          new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: username, SRP_A: randomBytes(384).toString('hex') } }),
        )
      ).ChallengeParameters!;
    // A bogus signature: the block is judged before the proof.
    const respond = (params: Record<string, string>, onClient = clientId) =>
      sdk.send(
        new RespondToAuthChallengeCommand({
          ClientId: onClient,
          ChallengeName: 'PASSWORD_VERIFIER',
          ChallengeResponses: {
            USERNAME: params.USER_ID_FOR_SRP!,
            PASSWORD_CLAIM_SECRET_BLOCK: params.SECRET_BLOCK!,
            TIMESTAMP: 'Tue Mar 5 09:07:03 UTC 2024',
            PASSWORD_CLAIM_SIGNATURE: Buffer.alloc(32).toString('base64'),
          },
        }),
      );

    expect(await rejection(respond(await start()))).toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    expect(await rejection(respond(await start(), other))).toMatchObject({ name: 'NotAuthorizedException', message: 'Invalid session for the user, session is expired.' });

    const stale = await start();
    emulator.services.clock.advance(SRP_CHALLENGE_LIFETIME_MS + 1000);
    try {
      expect(await rejection(respond(stale))).toMatchObject({ name: 'NotAuthorizedException', message: 'Invalid session for the user, session is expired.' });
    } finally {
      emulator.services.clock.advance(-(SRP_CHALLENGE_LIFETIME_MS + 1000));
    }
  });
});

describe('NEW_PASSWORD_REQUIRED sessions', () => {
  it('expire after the client\'s AuthSessionValidity (default 3 minutes)', async () => {
    const { userPoolId, clientId } = await app();
    const username = unique();
    await createUser(userPoolId, username);
    const challenge = await passwordStart(clientId, username, temporary);
    emulator.services.clock.advance(3 * 60_000 + 1000);
    try {
      expect(await rejection(answer(clientId, challenge.Session, { USERNAME: username, NEW_PASSWORD: permanent }))).toMatchObject({
        name: 'NotAuthorizedException',
        message: 'Invalid session for the user, session is expired.',
      });
    } finally {
      emulator.services.clock.advance(-(3 * 60_000 + 1000));
    }

    const { clientId: patient } = await app({}, { AuthSessionValidity: 15 });
    const pool2 = emulator.services.store.appClients.find(patient)!.userPoolId;
    const name2 = unique();
    await createUser(pool2, name2);
    const longer = await passwordStart(patient, name2, temporary);
    emulator.services.clock.advance(10 * 60_000);
    try {
      expect((await answer(patient, longer.Session, { USERNAME: name2, NEW_PASSWORD: permanent })).AuthenticationResult?.AccessToken).toEqual(expect.any(String));
    } finally {
      emulator.services.clock.advance(-10 * 60_000);
    }
  });

  it('belong to their client, survive a rejected answer, and answer once', async () => {
    const { userPoolId, clientId } = await app();
    const other = (await sdk.send(new CreateUserPoolClientCommand({ UserPoolId: userPoolId, ClientName: 'other', ExplicitAuthFlows: flows }))).UserPoolClient!
      .ClientId!;
    const username = unique();
    await createUser(userPoolId, username);
    const { Session } = await passwordStart(clientId, username, temporary);
    expect(await rejection(answer(other, Session, { USERNAME: username, NEW_PASSWORD: permanent }))).toMatchObject({ name: 'NotAuthorizedException' });
    expect(await rejection(answer(clientId, Session, { USERNAME: username, NEW_PASSWORD: 'weak' }))).toMatchObject({ name: 'InvalidPasswordException' });
    expect(await rejection(answer(clientId, Session, { USERNAME: username, NEW_PASSWORD: permanent, 'userAttributes.email_verified': 'true' }))).toMatchObject({
      name: 'InvalidParameterException',
    });
    expect((await answer(clientId, Session, { USERNAME: username, NEW_PASSWORD: permanent })).AuthenticationResult?.IdToken).toEqual(expect.any(String));
    expect(await rejection(answer(clientId, Session, { USERNAME: username, NEW_PASSWORD: permanent }))).toMatchObject({
      message: 'Invalid session for the user, session is expired.',
    });
  });

  it('name required attributes the user lacks, and refuse an answer without them', async () => {
    const { userPoolId, clientId } = await app({ Schema: [{ Name: 'name', Required: true }] });
    const username = unique();
    await createUser(userPoolId, username, { UserAttributes: [{ Name: 'name', Value: 'Someone' }, { Name: 'email', Value: 'a@example.com' }] });
    // Not reachable through today's API (AdminCreateUser enforces required attributes); older users can be in this state.
    const user = storedUser(userPoolId, username);
    emulator.services.store.users.setAttributes(user.id, { email: 'a@example.com' }, Date.now());

    const challenge = await passwordStart(clientId, username, temporary);
    expect(challenge.ChallengeParameters).toMatchObject({ requiredAttributes: '["userAttributes.name"]', userAttributes: '{"email":"a@example.com"}' });
    expect(await rejection(answer(clientId, challenge.Session, { USERNAME: username, NEW_PASSWORD: permanent }))).toMatchObject({
      name: 'InvalidParameterException',
      message: 'Invalid attributes given, name is missing',
    });
    const out = await answer(clientId, challenge.Session, { USERNAME: username, NEW_PASSWORD: permanent, 'userAttributes.name': 'Ada' });
    expect(out.AuthenticationResult?.IdToken).toEqual(expect.any(String));
    expect(storedUser(userPoolId, username).attributes).toMatchObject({ name: 'Ada', email: 'a@example.com' });
  });
});

describe('temporary passwords', () => {
  it('expire after TemporaryPasswordValidityDays; AdminCreateUser RESEND starts a new period', async () => {
    const { userPoolId, clientId } = await app({
      Policies: { PasswordPolicy: { MinimumLength: 8, RequireNumbers: true, RequireSymbols: true, RequireLowercase: true, RequireUppercase: true, TemporaryPasswordValidityDays: 1 } },
    });
    const username = unique();
    await createUser(userPoolId, username);
    const day = 24 * 60 * 60_000;
    emulator.services.clock.advance(day + 1000);
    try {
      expect(await rejection(passwordStart(clientId, username, temporary))).toMatchObject({
        name: 'NotAuthorizedException',
        message: 'Temporary password has expired and must be reset by an administrator.',
      });
      // A wrong password still hears the usual answer: the expiry is only told to someone who knows the password.
      expect(await rejection(passwordStart(clientId, username, 'Wr0ng-pass!'))).toMatchObject({ message: 'Incorrect username or password.' });
      await createUser(userPoolId, username, { MessageAction: 'RESEND' });
      expect((await passwordStart(clientId, username, temporary)).ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    } finally {
      emulator.services.clock.advance(-(day + 1000));
    }
  });
});
