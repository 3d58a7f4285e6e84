/**
 * amazon-cognito-identity-js, unmodified, pointed at the target with the pool's `endpoint` option: sign-up,
 * confirmation, SRP sign-in (its only default flow), the newPasswordRequired callback, attributes and
 * refresh. The library runs in Node on the global fetch and its in-memory storage fallback.
 */
import { AdminCreateUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserAttribute,
  CognitoUserPool,
  type CognitoUserSession,
  type ISignUpResult,
} from 'amazon-cognito-identity-js';
import { verifyToken } from 'cognito-emulator-client';
import { beforeAll, describe, expect, it } from 'vitest';
import { createConfirmedUser, createPoolWithClient, goodPassword, uniqueName, type PoolWithClient } from '../fixtures/pools.js';
import { libraryEndpoint } from '../fixtures/srp.js';
import { hasOutbox, target } from '../targets/target.js';

let app: PoolWithClient;
let pool: CognitoUserPool;

beforeAll(async () => {
  // No secret: the library never sends SECRET_HASH (cognito-facts.md §5).
  app = await createPoolWithClient({ AutoVerifiedAttributes: ['email'] });
  pool = new CognitoUserPool({ UserPoolId: app.userPoolId, ClientId: app.clientId, ...(libraryEndpoint() && { endpoint: libraryEndpoint() }) });
});

const userFor = (username: string) => new CognitoUser({ Username: username, Pool: pool });

interface SignInOutcome {
  session?: CognitoUserSession;
  newPasswordRequired?: { userAttributes: Record<string, string>; requiredAttributes: string[] };
}

/** authenticateUser (USER_SRP_AUTH) as a promise; rejects with the library's error. */
function authenticate(user: CognitoUser, password: string): Promise<SignInOutcome> {
  return new Promise((resolve, reject) => {
    user.authenticateUser(new AuthenticationDetails({ Username: user.getUsername(), Password: password }), {
      onSuccess: (session) => resolve({ session }),
      onFailure: reject,
      newPasswordRequired: (userAttributes: Record<string, string>, requiredAttributes: string[]) =>
        resolve({ newPasswordRequired: { userAttributes, requiredAttributes } }),
    });
  });
}

async function expectValidSession(session: CognitoUserSession, username: string): Promise<void> {
  expect(session.isValid()).toBe(true);
  const issuer = target().issuerFor(app.userPoolId);
  const id = await verifyToken(session.getIdToken().getJwtToken(), { issuer, tokenUse: 'id', clientId: app.clientId });
  expect(id['cognito:username']).toBe(username);
  await verifyToken(session.getAccessToken().getJwtToken(), { issuer, tokenUse: 'access', clientId: app.clientId });
  expect(session.getRefreshToken().getToken()).toEqual(expect.any(String));
}

describe('amazon-cognito-identity-js', () => {
  it.runIf(hasOutbox())('signUp, then confirmRegistration with the emailed code (emulator: reads the outbox), then authenticateUser', async () => {
    const username = uniqueName();
    const email = `${username}@example.com`;
    const result = await new Promise<ISignUpResult>((resolve, reject) =>
      pool.signUp(username, goodPassword, [new CognitoUserAttribute({ Name: 'email', Value: email })], [], (error, value) =>
        error ? reject(error) : resolve(value!),
      ),
    );
    expect(result.userConfirmed).toBe(false);
    expect(result.userSub).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.codeDeliveryDetails).toMatchObject({ DeliveryMedium: 'EMAIL', AttributeName: 'email' });

    const code = await target().readCode!(app.userPoolId, username);
    const user = userFor(username);
    const confirmed = await new Promise((resolve, reject) => user.confirmRegistration(code, false, (error, value) => (error ? reject(error) : resolve(value))));
    expect(confirmed).toBe('SUCCESS');

    const { session } = await authenticate(user, goodPassword);
    await expectValidSession(session!, username);
  });

  it('authenticateUser signs a confirmed user in with SRP; getUserAttributes and refreshSession work on the session', async () => {
    const email = `${uniqueName()}@example.com`;
    const { username, sub } = await createConfirmedUser(app, uniqueName(), { attributes: [{ Name: 'email', Value: email }] });
    const user = userFor(username);
    const { session } = await authenticate(user, goodPassword);
    await expectValidSession(session!, username);

    const attributes = await new Promise<CognitoUserAttribute[]>((resolve, reject) =>
      user.getUserAttributes((error, value) => (error ? reject(error) : resolve(value!))),
    );
    const byName = Object.fromEntries(attributes.map((attribute) => [attribute.getName(), attribute.getValue()]));
    expect(byName).toMatchObject({ sub, email });

    const refreshed = await new Promise<CognitoUserSession>((resolve, reject) =>
      user.refreshSession(session!.getRefreshToken(), (error: Error | null, value: CognitoUserSession) => (error ? reject(error) : resolve(value))),
    );
    await expectValidSession(refreshed, username);
    expect(refreshed.getIdToken().getJwtToken()).not.toBe(session!.getIdToken().getJwtToken());
    // The library keeps the old refresh token when the refresh answer carries none.
    expect(refreshed.getRefreshToken().getToken()).toBe(session!.getRefreshToken().getToken());
  });

  it('a wrong password fails with NotAuthorizedException', async () => {
    const { username } = await createConfirmedUser(app);
    const error = await authenticate(userFor(username), 'Wrong-Horse-9-battery').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'NotAuthorizedException', name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('an unknown user fails with UserNotFoundException', async () => {
    const error = await authenticate(userFor(uniqueName()), goodPassword).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'UserNotFoundException' });
  });

  it('a user made by AdminCreateUser reaches newPasswordRequired, and completeNewPasswordChallenge signs them in', async () => {
    const username = uniqueName();
    const email = `${username}@example.com`;
    const temporary = 'Temporary-Horse-1-battery';
    await target().client.send(
      new AdminCreateUserCommand({
        UserPoolId: app.userPoolId,
        Username: username,
        TemporaryPassword: temporary,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: email },
          { Name: 'email_verified', Value: 'true' },
        ],
      }),
    );
    const user = userFor(username);
    const { newPasswordRequired } = await authenticate(user, temporary);
    expect(newPasswordRequired?.requiredAttributes).toEqual([]);
    expect(newPasswordRequired?.userAttributes).toMatchObject({ email, email_verified: 'true' });

    // As the library's README does: send the attributes back without email_verified, which the API refuses.
    const { email_verified: _verified, ...attributes } = newPasswordRequired!.userAttributes;
    const session = await new Promise<CognitoUserSession>((resolve, reject) =>
      user.completeNewPasswordChallenge('Permanent-Horse-2-battery', { ...attributes, name: 'Grace' }, { onSuccess: resolve, onFailure: reject }),
    );
    await expectValidSession(session, username);
    expect(session.getIdToken().decodePayload()).toMatchObject({ name: 'Grace', email });

    const again = await authenticate(userFor(username), 'Permanent-Horse-2-battery');
    expect(again.session?.isValid()).toBe(true);
  });
});
