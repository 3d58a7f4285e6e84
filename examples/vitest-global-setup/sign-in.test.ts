import { CognitoIdentityProviderClient, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { expect, inject, test } from 'vitest';

const cognito = new CognitoIdentityProviderClient({
  endpoint: inject('cognitoEndpoint'),
  region: 'us-east-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});

test('a seeded user signs in', async () => {
  const { AuthenticationResult } = await cognito.send(
    new InitiateAuthCommand({
      ClientId: 'vitestexampleclient0000001',
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'tester@example.com', PASSWORD: 'Passw0rd!' },
    }),
  );
  expect(AuthenticationResult?.AccessToken).toBeTruthy();
});
