import { ConfirmSignUpCommand, InitiateAuthCommand, type InitiateAuthCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectCognitoError } from '../fixtures/errors.js';
import { createPoolWithClient, goodPassword, signUp, uniqueName, type PoolWithClient } from '../fixtures/pools.js';
import { hasOutbox, target } from '../targets/target.js';

const signIn = (app: PoolWithClient, name: string): Promise<InitiateAuthCommandOutput> =>
  target().client.send(
    new InitiateAuthCommand({ ClientId: app.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: name, PASSWORD: goodPassword } }),
  );

describe('pools with AliasAttributes: email', () => {
  let app: PoolWithClient;
  beforeAll(async () => {
    app = await createPoolWithClient({ AliasAttributes: ['email'], AutoVerifiedAttributes: ['email'] });
  });

  it('refuses an email-format username', async () => {
    await expectCognitoError(signUp(app, `${uniqueName()}@example.com`), 'InvalidParameterException');
  });

  it('lets a user sign in by their email once it is verified by the sign-up code (emulator: reads the outbox)', async ({ skip }) => {
    if (!hasOutbox()) skip();
    const username = uniqueName();
    const email = `${username}@example.com`;
    await signUp(app, username, { attributes: [{ Name: 'email', Value: email }] });
    await expectCognitoError(signIn(app, email), 'UserNotFoundException');
    const code = await target().readCode!(app.userPoolId, username);
    await target().client.send(new ConfirmSignUpCommand({ ClientId: app.clientId, Username: username, ConfirmationCode: code }));

    const byEmail = await signIn(app, email);
    expect(byEmail.AuthenticationResult?.AccessToken).toBeTruthy();
    const byUsername = await signIn(app, username);
    expect(byUsername.AuthenticationResult?.AccessToken).toBeTruthy();
  });

  it('refuses to confirm a second account whose verified email is already an alias, unless ForceAliasCreation (emulator: reads the outbox)', async ({ skip }) => {
    if (!hasOutbox()) skip();
    const email = `${uniqueName()}@example.com`;
    const first = uniqueName();
    const second = uniqueName();
    await signUp(app, first, { attributes: [{ Name: 'email', Value: email }] });
    await signUp(app, second, { attributes: [{ Name: 'email', Value: email }] });
    await target().client.send(
      new ConfirmSignUpCommand({ ClientId: app.clientId, Username: first, ConfirmationCode: await target().readCode!(app.userPoolId, first) }),
    );
    const secondCode = await target().readCode!(app.userPoolId, second);
    await expectCognitoError(
      target().client.send(new ConfirmSignUpCommand({ ClientId: app.clientId, Username: second, ConfirmationCode: secondCode })),
      'AliasExistsException',
    );
    await target().client.send(
      new ConfirmSignUpCommand({ ClientId: app.clientId, Username: second, ConfirmationCode: secondCode, ForceAliasCreation: true }),
    );
    const { AccessToken } = (await signIn(app, email)).AuthenticationResult!;
    const payload = JSON.parse(Buffer.from(AccessToken!.split('.')[1]!, 'base64url').toString()) as { username: string };
    expect(payload.username).toBe(second);
  });
});
