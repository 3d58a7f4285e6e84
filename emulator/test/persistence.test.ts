import {
  AdminConfirmSignUpCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  GetUserCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnEmulator } from './support/spawn-emulator.js';

const sdk = (url: string) =>
  new CognitoIdentityProviderClient({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });

describe('state in a data file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cognito-emulator-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('survives a restart: pools, users and signing keys, so tokens issued before still verify', async () => {
    const dataPath = join(dir, 'nested', 'emulator.db');
    const first = await spawnEmulator(['--port', '0', '--data', dataPath, '--log-level', 'silent']);
    let poolId: string, clientId: string, tokens: { AccessToken?: string; IdToken?: string };
    try {
      const cognito = sdk(first.url);
      poolId = (await cognito.send(new CreateUserPoolCommand({ PoolName: 'persisted' }))).UserPool!.Id!;
      clientId = (
        await cognito.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'c', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }))
      ).UserPoolClient!.ClientId!;
      await cognito.send(new SignUpCommand({ ClientId: clientId, Username: 'kept', Password: 'Passw0rd!' }));
      await cognito.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: 'kept' }));
      tokens = (await cognito.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'kept', PASSWORD: 'Passw0rd!' } })))
        .AuthenticationResult!;
    } finally {
      first.process.kill('SIGTERM');
      expect(await first.exited).toBe(0);
    }

    // Same file, and the same port is not guaranteed: verify through the issuer the tokens name.
    const second = await spawnEmulator(['--port', '0', '--data', dataPath, '--log-level', 'silent']);
    try {
      const cognito = sdk(second.url);
      const me = await cognito.send(new GetUserCommand({ AccessToken: tokens.AccessToken }));
      expect(me.Username).toBe('kept');
      const jwks = createRemoteJWKSet(new URL(`${second.url}/${poolId}/.well-known/jwks.json`));
      const { payload } = await jwtVerify(tokens.IdToken!, jwks, { audience: clientId });
      expect(payload['cognito:username']).toBe('kept');
      const again = await cognito.send(
        new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'kept', PASSWORD: 'Passw0rd!' } }),
      );
      expect(again.AuthenticationResult?.AccessToken).toBeTruthy();
    } finally {
      second.process.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }
  });
});
