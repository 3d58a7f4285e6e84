/**
 * USER_SRP_AUTH -> PASSWORD_VERIFIER through the AWS SDK v3, with the client package's independently
 * written SRP half (cognito-facts.md §3.3, §4, §7.8). Runs on every target.
 */
import { AdminGetUserCommand, InitiateAuthCommand, RespondToAuthChallengeCommand } from '@aws-sdk/client-cognito-identity-provider';
import { signIn, signInWithSrp, verifyToken } from 'cognito-emulator-client';
import { beforeAll, describe, expect, it } from 'vitest';
import { claimsOf } from '../fixtures/auth.js';
import { expectCognitoError } from '../fixtures/errors.js';
import { createClient, createConfirmedUser, createPool, createPoolWithClient, goodPassword, signUp, uniqueName, type PoolWithClient } from '../fixtures/pools.js';
import { answerPasswordVerifier, passwordClaim, startSrp } from '../fixtures/srp.js';
import { target } from '../targets/target.js';

const srp = (app: PoolWithClient, username: string, password: string) =>
  signInWithSrp({ client: target().client, clientId: app.clientId, userPoolId: app.userPoolId, username, password, clientSecret: app.clientSecret });

describe('USER_SRP_AUTH', () => {
  let app: PoolWithClient;

  beforeAll(async () => {
    app = await createPoolWithClient();
  });

  it('answers InitiateAuth with a PASSWORD_VERIFIER challenge and no Session', async () => {
    const user = await createConfirmedUser(app);
    const { response, parameters } = await startSrp(app, user.username);
    expect(response.ChallengeName).toBe('PASSWORD_VERIFIER');
    expect(response.Session).toBeUndefined();
    expect(response.AuthenticationResult).toBeUndefined();
    expect(Object.keys(parameters).sort()).toEqual(['SALT', 'SECRET_BLOCK', 'SRP_B', 'USERNAME', 'USER_ID_FOR_SRP']);
    expect(parameters.SALT).toMatch(/^[0-9a-fA-F]+$/);
    expect(parameters.SRP_B).toMatch(/^[0-9a-fA-F]+$/);
    expect(parameters.SECRET_BLOCK).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(parameters.USER_ID_FOR_SRP).toBe(user.username);
    expect(parameters.USERNAME).toBe(user.username);
  });

  it('signs in with the right password; the tokens verify against the JWKS', async () => {
    const user = await createConfirmedUser(app);
    const out = await srp(app, user.username, user.password);
    expect(out.ChallengeName).toBeUndefined();
    expect(out.AuthenticationResult).toMatchObject({ TokenType: 'Bearer', ExpiresIn: 3600 });
    const issuer = target().issuerFor(app.userPoolId);
    const id = await verifyToken(out.AuthenticationResult!.IdToken!, { issuer, tokenUse: 'id', clientId: app.clientId });
    expect(id.sub).toBe(user.sub);
    const access = await verifyToken(out.AuthenticationResult!.AccessToken!, { issuer, tokenUse: 'access', clientId: app.clientId });
    expect(access.username).toBe(user.username);
    expect(out.AuthenticationResult!.RefreshToken).toEqual(expect.any(String));
  });

  it('refuses a wrong password with NotAuthorizedException "Incorrect username or password."', async () => {
    const user = await createConfirmedUser(app);
    await expectCognitoError(srp(app, user.username, 'Wrong-Horse-9-battery'), 'NotAuthorizedException', 'Incorrect username or password.');
  });

  it('works through AdminInitiateAuth and AdminRespondToAuthChallenge', async () => {
    const user = await createConfirmedUser(app);
    const start = await startSrp(app, user.username, { admin: true });
    expect(start.response.ChallengeName).toBe('PASSWORD_VERIFIER');
    const out = await answerPasswordVerifier(app, passwordClaim(app, start, user.password), { admin: true });
    expect(claimsOf(out.AuthenticationResult!.IdToken!)['cognito:username']).toBe(user.username);
  });

  it('refuses a replayed proof', async () => {
    const user = await createConfirmedUser(app);
    const start = await startSrp(app, user.username);
    const claim = passwordClaim(app, start, user.password);
    await answerPasswordVerifier(app, claim);
    const replay = answerPasswordVerifier(app, claim);
    await expectCognitoError(replay, 'NotAuthorizedException');
  });

  it('refuses a proof over a changed SECRET_BLOCK or TIMESTAMP', async () => {
    const user = await createConfirmedUser(app);
    const start = await startSrp(app, user.username);
    const claim = passwordClaim(app, start, user.password);
    const block = claim.PASSWORD_CLAIM_SECRET_BLOCK!;
    const flipped = `${block.slice(0, 10)}${block[10] === 'A' ? 'B' : 'A'}${block.slice(11)}`;
    await expectCognitoError(answerPasswordVerifier(app, { ...claim, PASSWORD_CLAIM_SECRET_BLOCK: flipped }), 'NotAuthorizedException');
    await expectCognitoError(
      answerPasswordVerifier(app, { ...claim, TIMESTAMP: claim.TIMESTAMP!.replace(/ UTC /, ' UTC  ') }),
      'NotAuthorizedException',
      'Incorrect username or password.',
    );
  });

  it('refuses a proof signed with another password over a real challenge', async () => {
    const user = await createConfirmedUser(app);
    const start = await startSrp(app, user.username);
    await expectCognitoError(answerPasswordVerifier(app, passwordClaim(app, start, `${user.password}x`)), 'NotAuthorizedException', 'Incorrect username or password.');
  });

  it('names missing parameters', async () => {
    await expectCognitoError(
      target().client.send(new InitiateAuthCommand({ ClientId: app.clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: uniqueName() } })),
      'InvalidParameterException',
      'Missing required parameter SRP_A',
    );
  });

  it('answers an unconfirmed user with UserNotConfirmedException', async () => {
    const username = uniqueName();
    await signUp(app, username);
    await expectCognitoError(srp(app, username, goodPassword), 'UserNotConfirmedException', 'User is not confirmed.');
  });

  it('answers an unknown user with UserNotFoundException (PreventUserExistenceErrors LEGACY)', async () => {
    await expectCognitoError(startSrp(app, uniqueName()), 'UserNotFoundException', 'User does not exist.');
  });

  it('is refused when the client does not allow USER_SRP_AUTH', async () => {
    const noSrp = await createClient(app.userPoolId, { ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] });
    await expectCognitoError(
      startSrp({ ...app, clientId: noSrp.ClientId!, clientSecret: undefined }, uniqueName()),
      'InvalidParameterException',
      'USER_SRP_AUTH is not enabled for the client.',
    );
  });

  it('is allowed by the default flows of a client created without ExplicitAuthFlows', async () => {
    const defaults = await createClient(app.userPoolId, { ExplicitAuthFlows: undefined });
    const user = await createConfirmedUser(app);
    const out = await srp({ ...app, clientId: defaults.ClientId!, clientSecret: undefined }, user.username, user.password);
    expect(out.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
  });
});

describe('USER_SRP_AUTH with PreventUserExistenceErrors ENABLED', () => {
  let app: PoolWithClient;

  beforeAll(async () => {
    app = await createPoolWithClient({}, { PreventUserExistenceErrors: 'ENABLED' });
  });

  it('gives an unknown user a plausible challenge, stable per name, and fails at the verifier step', async () => {
    const name = uniqueName();
    const first = await startSrp(app, name);
    const second = await startSrp(app, name);
    expect(first.response.ChallengeName).toBe('PASSWORD_VERIFIER');
    expect(first.parameters.SALT).toMatch(/^[0-9a-fA-F]+$/);
    expect(first.parameters.USER_ID_FOR_SRP).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(second.parameters.SALT).toBe(first.parameters.SALT);
    expect(second.parameters.USER_ID_FOR_SRP).toBe(first.parameters.USER_ID_FOR_SRP);
    expect(second.parameters.SRP_B).not.toBe(first.parameters.SRP_B);
    const other = await startSrp(app, uniqueName());
    expect(other.parameters.USER_ID_FOR_SRP).not.toBe(first.parameters.USER_ID_FOR_SRP);

    await expectCognitoError(answerPasswordVerifier(app, passwordClaim(app, first, goodPassword)), 'NotAuthorizedException', 'Incorrect username or password.');
  });

  it('still signs a known user in', async () => {
    const user = await createConfirmedUser(app);
    expect((await srp(app, user.username, user.password)).AuthenticationResult?.IdToken).toEqual(expect.any(String));
  });
});

describe('USER_SRP_AUTH with a client secret', () => {
  let app: PoolWithClient;

  beforeAll(async () => {
    app = await createPoolWithClient({}, { GenerateSecret: true });
  });

  it('needs SECRET_HASH on both steps, over USERNAME then over USER_ID_FOR_SRP', async () => {
    const user = await createConfirmedUser(app);
    expect((await srp(app, user.username, user.password)).AuthenticationResult?.IdToken).toEqual(expect.any(String));

    await expectCognitoError(startSrp({ ...app, clientSecret: undefined }, user.username), 'NotAuthorizedException', /SECRET_HASH was not received/);
    const start = await startSrp(app, user.username);
    const { SECRET_HASH: _hash, ...withoutHash } = passwordClaim(app, start, user.password);
    await expectCognitoError(answerPasswordVerifier(app, withoutHash), 'NotAuthorizedException', /SECRET_HASH was not received/);
    await expectCognitoError(
      answerPasswordVerifier(app, { ...withoutHash, SECRET_HASH: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' }),
      'NotAuthorizedException',
      `Unable to verify secret hash for client ${app.clientId}`,
    );
  });
});

describe('USER_SRP_AUTH in an email-as-username pool', () => {
  let app: PoolWithClient;

  beforeAll(async () => {
    const userPoolId = await createPool({ UsernameAttributes: ['email'] });
    app = { userPoolId, clientId: (await createClient(userPoolId)).ClientId!, clientSecret: undefined };
  });

  it('signs in by email; USER_ID_FOR_SRP is the internal (UUID) username', async () => {
    const email = `${uniqueName()}@example.com`;
    await createConfirmedUser(app, email);
    const internal = (await target().client.send(new AdminGetUserCommand({ UserPoolId: app.userPoolId, Username: email }))).Username!;
    const start = await startSrp(app, email);
    expect(start.parameters.USER_ID_FOR_SRP).toBe(internal);
    expect(internal).not.toBe(email);
    const out = await answerPasswordVerifier(app, passwordClaim(app, start, goodPassword));
    expect(claimsOf(out.AuthenticationResult!.IdToken!).email).toBe(email);
  });

  it('also works through the signIn helper (SRP by default)', async () => {
    const email = `${uniqueName()}@example.com`;
    await createConfirmedUser(app, email);
    const tokens = await signIn({ client: target().client, clientId: app.clientId, userPoolId: app.userPoolId, username: email, password: goodPassword });
    expect(claimsOf(tokens.AccessToken!).username).not.toBe(email);
  });
});

describe('RespondToAuthChallenge', () => {
  it('refuses a NEW_PASSWORD_REQUIRED answer with a Session it never issued', async () => {
    const app = await createPoolWithClient();
    const user = await createConfirmedUser(app);
    await expectCognitoError(
      target().client.send(
        new RespondToAuthChallengeCommand({
          ClientId: app.clientId,
          ChallengeName: 'NEW_PASSWORD_REQUIRED',
          Session: 'AYABeFakeSessionValueThatWasNeverIssued0123456789',
          ChallengeResponses: { USERNAME: user.username, NEW_PASSWORD: 'Another-Horse-9-battery' },
        }),
      ),
      'NotAuthorizedException',
    );
  });
});
