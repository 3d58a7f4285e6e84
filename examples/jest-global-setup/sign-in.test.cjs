const { CognitoIdentityProviderClient, InitiateAuthCommand } = require('@aws-sdk/client-cognito-identity-provider');

const cognito = new CognitoIdentityProviderClient({
  endpoint: process.env.COGNITO_ENDPOINT,
  region: 'us-east-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});

test('a seeded user signs in', async () => {
  const { AuthenticationResult } = await cognito.send(
    new InitiateAuthCommand({
      ClientId: 'jestexampleclient000000001',
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'tester@example.com', PASSWORD: 'Passw0rd!' },
    }),
  );
  expect(AuthenticationResult.AccessToken).toBeTruthy();
});
