import { AdminDeleteUserCommand, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCognitoClient } from '../src/index.js';
import { sendJson, startTestServer } from './support/http-server.js';
import type { TestServer } from './support/http-server.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer((_req, res) => sendJson(res, 200, {}, 'application/x-amz-json-1.1'));
});

afterAll(() => server.close());

describe('createCognitoClient', () => {
  it('defaults the region to us-east-1', async () => {
    const client = createCognitoClient();
    expect(await client.config.region()).toBe('us-east-1');
    client.destroy();
  });

  it('signs SigV4 operations with dummy credentials when only an endpoint is given', async () => {
    const client = createCognitoClient({ endpoint: server.url });
    await client.send(new AdminDeleteUserCommand({ UserPoolId: 'us-east-1_Abc123456', Username: 'alice' }));
    const req = server.requests.at(-1);
    expect(req?.method).toBe('POST');
    expect(req?.url).toBe('/');
    expect(req?.headers['x-amz-target']).toBe('AWSCognitoIdentityProviderService.AdminDeleteUser');
    expect(req?.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=cognito-emulator\/\d{8}\/us-east-1\/cognito-idp\/aws4_request/,
    );
    client.destroy();
  });

  it('sends unsigned operations without Authorization', async () => {
    const client = createCognitoClient({ endpoint: server.url, region: 'eu-west-1' });
    await client.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'c', AuthParameters: {} }));
    expect(server.requests.at(-1)?.headers.authorization).toBeUndefined();
    client.destroy();
  });

  it('uses the credentials it is given', async () => {
    const client = createCognitoClient({
      endpoint: server.url,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' },
    });
    await client.send(new AdminDeleteUserCommand({ UserPoolId: 'eu-west-1_Abc123456', Username: 'alice' }));
    expect(server.requests.at(-1)?.headers.authorization).toMatch(/Credential=AKIAEXAMPLE\/\d{8}\/eu-west-1\//);
    client.destroy();
  });
});
