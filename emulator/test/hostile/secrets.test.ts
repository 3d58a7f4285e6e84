/**
 * Secrets stay secret: passwords and one-time codes never reach the log, even at trace level and on error
 * paths, and the data file holds no password in plaintext (only argon2id hashes and SRP verifiers).
 */
import { readFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { configFrom, createEmulator } from '../../src/index.js';
import { callApi, createPool, lastCode, ok, signInBody, signUpBody } from '../support/aws-json.js';

describe('secrets', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cognito-emulator-secrets-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('never logs passwords or codes, and never stores a password in plaintext', async () => {
    const dataPath = join(dir, 'secrets.db');
    let log = '';
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        log += chunk.toString();
        done();
      },
    });
    const emulator = await createEmulator(configFrom({ port: 0, dataPath, logLevel: 'trace' }), { logger: pino({ level: 'trace' }, stream) });
    const url = emulator.url;
    const passwords = {
      signUp: 'Zq7!SignUp-Distinctive-Secret',
      wrong: 'Zq7!Wrong-Distinctive-Secret',
      reset: 'Zq7!Reset-Distinctive-Secret',
      changed: 'Zq7!Changed-Distinctive-Secret',
      temporary: 'Zq7!Temporary-Distinctive-Secret',
      chosen: 'Zq7!Chosen-Distinctive-Secret',
      adminSet: 'Zq7!AdminSet-Distinctive-Secret',
      weak: 'zq7weakdistinctivesecret',
      malformed: ' Zq7!Malformed-Distinctive-Secret',
    };
    const codes: string[] = [];
    try {
      const pool = await createPool(url, 'secrets');
      // Sign-up, confirmation by code, sign-in with a wrong then the right password.
      await ok(url, 'SignUp', signUpBody(pool.clientId, 'alice', passwords.signUp));
      codes.push(await lastCode(url, pool.poolId, 'alice'));
      expect((await callApi(url, 'ConfirmSignUp', { ClientId: pool.clientId, Username: 'alice', ConfirmationCode: '000000' })).type).toBe('CodeMismatchException');
      await ok(url, 'ConfirmSignUp', { ClientId: pool.clientId, Username: 'alice', ConfirmationCode: codes.at(-1) });
      expect((await callApi(url, 'InitiateAuth', signInBody(pool.clientId, 'alice', passwords.wrong))).type).toBe('NotAuthorizedException');
      await ok(url, 'InitiateAuth', signInBody(pool.clientId, 'alice', passwords.signUp));
      // Refused passwords: by policy, and by the input pattern.
      expect((await callApi(url, 'SignUp', signUpBody(pool.clientId, 'weak', passwords.weak))).type).toBe('InvalidPasswordException');
      expect((await callApi(url, 'SignUp', signUpBody(pool.clientId, 'malformed', passwords.malformed))).type).toBe('InvalidParameterException');
      // Forgotten password, reset by code; then a change with the access token.
      await ok(url, 'ForgotPassword', { ClientId: pool.clientId, Username: 'alice' });
      codes.push(await lastCode(url, pool.poolId, 'alice'));
      await ok(url, 'ConfirmForgotPassword', { ClientId: pool.clientId, Username: 'alice', ConfirmationCode: codes.at(-1), Password: passwords.reset });
      const tokens = (await ok(url, 'InitiateAuth', signInBody(pool.clientId, 'alice', passwords.reset))).AuthenticationResult;
      await ok(url, 'ChangePassword', { AccessToken: tokens.AccessToken, PreviousPassword: passwords.reset, ProposedPassword: passwords.changed });
      expect((await callApi(url, 'ChangePassword', { AccessToken: tokens.AccessToken, PreviousPassword: passwords.wrong, ProposedPassword: passwords.changed })).type).toBe(
        'NotAuthorizedException',
      );
      // Attribute verification by code.
      await ok(url, 'GetUserAttributeVerificationCode', { AccessToken: tokens.AccessToken, AttributeName: 'email' });
      codes.push(await lastCode(url, pool.poolId, 'alice'));
      await ok(url, 'VerifyUserAttribute', { AccessToken: tokens.AccessToken, AttributeName: 'email', Code: codes.at(-1) });
      // An admin-created user with a temporary password, who chooses their own.
      await ok(url, 'AdminCreateUser', {
        UserPoolId: pool.poolId,
        Username: 'bob',
        TemporaryPassword: passwords.temporary,
        UserAttributes: [{ Name: 'email', Value: 'bob@example.com' }],
      });
      const challenge = await ok(url, 'InitiateAuth', signInBody(pool.clientId, 'bob', passwords.temporary));
      expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
      await ok(url, 'RespondToAuthChallenge', {
        ClientId: pool.clientId,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: challenge.Session,
        ChallengeResponses: { USERNAME: 'bob', NEW_PASSWORD: passwords.chosen },
      });
      await ok(url, 'AdminSetUserPassword', { UserPoolId: pool.poolId, Username: 'bob', Password: passwords.adminSet, Permanent: true });
      // Resent sign-up code for a user still unconfirmed.
      await ok(url, 'SignUp', signUpBody(pool.clientId, 'carol', passwords.signUp));
      await ok(url, 'ResendConfirmationCode', { ClientId: pool.clientId, Username: 'carol' });
      codes.push(await lastCode(url, pool.poolId, 'carol'));
    } finally {
      await emulator.close();
    }

    expect(log).toContain('SignUp'); // the log was captured, at trace level
    for (const [name, secret] of Object.entries(passwords)) expect(log.includes(secret.trim()), `password "${name}" in the log`).toBe(false);
    for (const code of codes) expect(new RegExp(`(?<![0-9])${code}(?![0-9])`).test(log), `code ${code} in the log`).toBe(false);

    // The data file, checkpointed and closed, holds no password, in UTF-8 or UTF-16. (The temporary
    // password is an exception by design: it is the content of the invitation message in the outbox.)
    expect(existsSync(`${dataPath}-wal`)).toBe(false);
    const bytes = readFileSync(dataPath);
    for (const [name, secret] of Object.entries(passwords)) {
      if (name === 'temporary') continue;
      for (const encoding of ['utf8', 'utf16le'] as const) {
        expect(bytes.includes(Buffer.from(secret.trim(), encoding)), `password "${name}" stored in ${encoding}`).toBe(false);
      }
    }
  }, 60_000);
});
