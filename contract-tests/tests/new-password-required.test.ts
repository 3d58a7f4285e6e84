/**
 * AdminCreateUser, AdminSetUserPassword and the NEW_PASSWORD_REQUIRED challenge they lead to, through
 * password sign-in and SRP, answered with RespondToAuthChallenge and AdminRespondToAuthChallenge
 * (cognito-facts.md §2 AdminCreateUser / AdminSetUserPassword, §3.4, §3.6). Tests that read the
 * invitation from the outbox say so and skip on targets without one.
 */
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  AdminSetUserPasswordCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  type AdminCreateUserCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';
import { readMessages, secretHash, signIn } from 'cognito-emulator-client';
import { beforeAll, describe, expect, it } from 'vitest';
import { claimsOf, passwordSignIn } from '../fixtures/auth.js';
import { expectCognitoError } from '../fixtures/errors.js';
import { createConfirmedUser, createPoolWithClient, goodPassword, signUp, uniqueName, type PoolWithClient } from '../fixtures/pools.js';
import { answerPasswordVerifier, passwordClaim, startSrp } from '../fixtures/srp.js';
import { hasOutbox, target } from '../targets/target.js';

const temporaryPassword = 'Temporary-Horse-1-battery';
const newPassword = 'Permanent-Horse-2-battery';

const createUser = (app: PoolWithClient, username: string, overrides: Partial<AdminCreateUserCommandInput> = {}) =>
  target().client.send(
    new AdminCreateUserCommand({ UserPoolId: app.userPoolId, Username: username, TemporaryPassword: temporaryPassword, MessageAction: 'SUPPRESS', ...overrides }),
  );
const getUser = (app: PoolWithClient, username: string) => target().client.send(new AdminGetUserCommand({ UserPoolId: app.userPoolId, Username: username }));
const passwordStart = (app: PoolWithClient, username: string, password: string) =>
  target().client.send(
    new InitiateAuthCommand({
      ClientId: app.clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: username, PASSWORD: password, ...(app.clientSecret && { SECRET_HASH: secretHash(app.clientSecret, username, app.clientId) }) },
    }),
  );
const answerNewPassword = (app: PoolWithClient, session: string | undefined, responses: Record<string, string>) =>
  target().client.send(new RespondToAuthChallengeCommand({ ClientId: app.clientId, ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: session, ChallengeResponses: responses }));

describe('AdminCreateUser', () => {
  let app: PoolWithClient;

  beforeAll(async () => {
    app = await createPoolWithClient();
  });

  it('creates a FORCE_CHANGE_PASSWORD user and returns it as a UserType', async () => {
    const username = uniqueName();
    const { User } = await createUser(app, username, {
      UserAttributes: [
        { Name: 'email', Value: `${username}@example.com` },
        { Name: 'email_verified', Value: 'true' },
      ],
    });
    expect(User).toMatchObject({ Username: username, Enabled: true, UserStatus: 'FORCE_CHANGE_PASSWORD' });
    expect(User!.UserCreateDate).toBeInstanceOf(Date);
    expect(User!.Attributes?.[0]?.Name).toBe('sub');
    expect(User!.Attributes).toEqual(
      expect.arrayContaining([
        { Name: 'email', Value: `${username}@example.com` },
        { Name: 'email_verified', Value: 'true' },
      ]),
    );
    expect((await getUser(app, username)).UserStatus).toBe('FORCE_CHANGE_PASSWORD');
  });

  it('refuses a taken username with UsernameExistsException "User account already exists"', async () => {
    const username = uniqueName();
    await createUser(app, username);
    await expectCognitoError(createUser(app, username), 'UsernameExistsException', 'User account already exists');
    const signedUp = uniqueName();
    await signUp(app, signedUp);
    await expectCognitoError(createUser(app, signedUp), 'UsernameExistsException', 'User account already exists');
  });

  it('refuses a TemporaryPassword the policy rejects with InvalidPasswordException', async () => {
    await expectCognitoError(createUser(app, uniqueName(), { TemporaryPassword: 'short' }), 'InvalidPasswordException');
  });

  it('refuses DesiredDeliveryMediums EMAIL for a user without an email', async () => {
    await expectCognitoError(
      createUser(app, uniqueName(), { MessageAction: undefined, DesiredDeliveryMediums: ['EMAIL'] }),
      'InvalidParameterException',
    );
  });

  it.runIf(hasOutbox())('sends the invitation with the temporary password to the outbox, generating one if none is given (emulator: reads the outbox)', async () => {
    const username = uniqueName();
    const email = `${username}@example.com`;
    await createUser(app, username, { TemporaryPassword: undefined, MessageAction: undefined, DesiredDeliveryMediums: ['EMAIL'], UserAttributes: [{ Name: 'email', Value: email }] });
    const messages = await readMessages(target().endpoint!, app.userPoolId, username);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ kind: 'ADMIN_CREATE_USER', deliveryMedium: 'EMAIL', destination: email });
    const generated = messages[0]!.code!;
    expect(generated.length).toBeGreaterThanOrEqual(8);
    // The generated password satisfies the default policy and is the one that signs in.
    const start = await passwordStart(app, username, generated);
    expect(start.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');

    // RESEND: a new temporary password; the old one stops working.
    await createUser(app, username, { TemporaryPassword: undefined, MessageAction: 'RESEND', DesiredDeliveryMediums: ['EMAIL'] });
    const again = await readMessages(target().endpoint!, app.userPoolId, username);
    expect(again).toHaveLength(2);
    expect(again[1]!.code).not.toBe(generated);
    await expectCognitoError(passwordStart(app, username, generated), 'NotAuthorizedException', 'Incorrect username or password.');
    expect((await passwordStart(app, username, again[1]!.code!)).ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
  });

  it.runIf(hasOutbox())('sends nothing with MessageAction SUPPRESS (emulator: reads the outbox)', async () => {
    const username = uniqueName();
    await createUser(app, username, { UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }], DesiredDeliveryMediums: ['EMAIL'] });
    expect(await readMessages(target().endpoint!, app.userPoolId, username)).toEqual([]);
  });

  it('in an AliasAttributes pool, a verified email given at creation is a sign-in name at once', async () => {
    const aliasApp = await createPoolWithClient({ AliasAttributes: ['email'] });
    const username = uniqueName();
    const email = `${username}@example.com`;
    await createUser(aliasApp, username, { UserAttributes: [{ Name: 'email', Value: email }, { Name: 'email_verified', Value: 'true' }] });
    const start = await startSrp(aliasApp, email);
    expect(start.parameters.USER_ID_FOR_SRP).toBe(username);
    const challenge = await answerPasswordVerifier(aliasApp, passwordClaim(aliasApp, start, temporaryPassword));
    expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
  });

  it('RESEND for a user that does not exist is UserNotFoundException', async () => {
    await expectCognitoError(createUser(app, uniqueName(), { MessageAction: 'RESEND' }), 'UserNotFoundException');
  });
});

describe('NEW_PASSWORD_REQUIRED', () => {
  let app: PoolWithClient;

  beforeAll(async () => {
    app = await createPoolWithClient();
  });

  it('comes from USER_PASSWORD_AUTH with a Session and JSON-string attributes, and the answer signs in', async () => {
    const username = uniqueName();
    const email = `${username}@example.com`;
    await createUser(app, username, { UserAttributes: [{ Name: 'email', Value: email }, { Name: 'email_verified', Value: 'true' }] });
    const challenge = await passwordStart(app, username, temporaryPassword);
    expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(challenge.AuthenticationResult).toBeUndefined();
    expect(challenge.Session).toEqual(expect.any(String));
    const parameters = challenge.ChallengeParameters!;
    expect(parameters.USER_ID_FOR_SRP).toBe(username);
    expect(JSON.parse(parameters.requiredAttributes!)).toEqual([]);
    expect(JSON.parse(parameters.userAttributes!)).toMatchObject({ email, email_verified: 'true' });

    const out = await answerNewPassword(app, challenge.Session, { USERNAME: username, NEW_PASSWORD: newPassword });
    expect(out.ChallengeName).toBeUndefined();
    expect(claimsOf(out.AuthenticationResult!.IdToken!)).toMatchObject({ 'cognito:username': username, email });
    expect((await getUser(app, username)).UserStatus).toBe('CONFIRMED');
    expect((await passwordSignIn(app, username, newPassword)).AccessToken).toEqual(expect.any(String));
    await expectCognitoError(passwordStart(app, username, temporaryPassword), 'NotAuthorizedException', 'Incorrect username or password.');
  });

  it('comes from SRP sign-in too, after the password proof', async () => {
    const username = uniqueName();
    await createUser(app, username);
    const start = await startSrp(app, username);
    const challenge = await answerPasswordVerifier(app, passwordClaim(app, start, temporaryPassword));
    expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(challenge.Session).toEqual(expect.any(String));
    expect(challenge.ChallengeParameters).toMatchObject({ USER_ID_FOR_SRP: username, requiredAttributes: '[]' });

    const out = await answerNewPassword(app, challenge.Session, { USERNAME: username, NEW_PASSWORD: newPassword, 'userAttributes.name': 'Ada' });
    expect(claimsOf(out.AuthenticationResult!.IdToken!).name).toBe('Ada');
    const srpAgain = await startSrp(app, username);
    expect((await answerPasswordVerifier(app, passwordClaim(app, srpAgain, newPassword))).AuthenticationResult?.IdToken).toEqual(expect.any(String));
  });

  it('a wrong temporary password is NotAuthorizedException, not a challenge', async () => {
    const username = uniqueName();
    await createUser(app, username);
    await expectCognitoError(passwordStart(app, username, goodPassword), 'NotAuthorizedException', 'Incorrect username or password.');
  });

  it('is answered through AdminInitiateAuth and AdminRespondToAuthChallenge', async () => {
    const username = uniqueName();
    await createUser(app, username);
    const challenge = await target().client.send(
      new AdminInitiateAuthCommand({
        UserPoolId: app.userPoolId,
        ClientId: app.clientId,
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: username, PASSWORD: temporaryPassword },
      }),
    );
    expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    const out = await target().client.send(
      new AdminRespondToAuthChallengeCommand({
        UserPoolId: app.userPoolId,
        ClientId: app.clientId,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: challenge.Session,
        ChallengeResponses: { USERNAME: username, NEW_PASSWORD: newPassword },
      }),
    );
    expect(out.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
    expect((await getUser(app, username)).UserStatus).toBe('CONFIRMED');
  });

  it('refuses a new password the policy rejects with InvalidPasswordException', async () => {
    const username = uniqueName();
    await createUser(app, username);
    const challenge = await passwordStart(app, username, temporaryPassword);
    await expectCognitoError(answerNewPassword(app, challenge.Session, { USERNAME: username, NEW_PASSWORD: 'weak' }), 'InvalidPasswordException');
    expect((await getUser(app, username)).UserStatus).toBe('FORCE_CHANGE_PASSWORD');
  });

  it('a Session answers once: reusing it is NotAuthorizedException', async () => {
    const username = uniqueName();
    await createUser(app, username);
    const challenge = await passwordStart(app, username, temporaryPassword);
    await answerNewPassword(app, challenge.Session, { USERNAME: username, NEW_PASSWORD: newPassword });
    await expectCognitoError(
      answerNewPassword(app, challenge.Session, { USERNAME: username, NEW_PASSWORD: 'Third-Horse-3-battery' }),
      'NotAuthorizedException',
      'Invalid session for the user, session is expired.',
    );
  });

  it('needs SECRET_HASH in the answer when the client has a secret', async () => {
    const secretApp = await createPoolWithClient({}, { GenerateSecret: true });
    const username = uniqueName();
    await createUser(secretApp, username);
    const challenge = await passwordStart(secretApp, username, temporaryPassword);
    expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    await expectCognitoError(
      answerNewPassword(secretApp, challenge.Session, { USERNAME: username, NEW_PASSWORD: newPassword }),
      'NotAuthorizedException',
      /SECRET_HASH was not received/,
    );
    const tokens = await signIn({
      client: target().client,
      clientId: secretApp.clientId,
      clientSecret: secretApp.clientSecret,
      userPoolId: secretApp.userPoolId,
      username,
      password: temporaryPassword,
      newPassword,
    });
    expect(tokens.IdToken).toEqual(expect.any(String));
  });
});

describe('AdminSetUserPassword', () => {
  let app: PoolWithClient;

  beforeAll(async () => {
    app = await createPoolWithClient();
  });

  const setPassword = (username: string, password: string, permanent?: boolean) =>
    target().client.send(new AdminSetUserPasswordCommand({ UserPoolId: app.userPoolId, Username: username, Password: password, Permanent: permanent }));

  it('Permanent=true makes a FORCE_CHANGE_PASSWORD user CONFIRMED with that password', async () => {
    const username = uniqueName();
    await createUser(app, username);
    const response = await setPassword(username, newPassword, true);
    expect(response.$metadata.httpStatusCode).toBe(200);
    expect((await getUser(app, username)).UserStatus).toBe('CONFIRMED');
    expect((await passwordSignIn(app, username, newPassword)).IdToken).toEqual(expect.any(String));
  });

  it('Permanent=false makes a CONFIRMED user FORCE_CHANGE_PASSWORD, so the next sign-in asks for a new password', async () => {
    const user = await createConfirmedUser(app);
    await setPassword(user.username, temporaryPassword, false);
    expect((await getUser(app, user.username)).UserStatus).toBe('FORCE_CHANGE_PASSWORD');
    await expectCognitoError(passwordStart(app, user.username, user.password), 'NotAuthorizedException', 'Incorrect username or password.');
    const tokens = await signIn({
      client: target().client,
      clientId: app.clientId,
      userPoolId: app.userPoolId,
      username: user.username,
      password: temporaryPassword,
      newPassword,
    });
    expect(tokens.AccessToken).toEqual(expect.any(String));
  });

  it('refuses a password the policy rejects, and an unknown user', async () => {
    const user = await createConfirmedUser(app);
    await expectCognitoError(setPassword(user.username, 'weak', true), 'InvalidPasswordException');
    await expectCognitoError(setPassword(uniqueName(), newPassword, true), 'UserNotFoundException', 'User does not exist.');
  });
});
