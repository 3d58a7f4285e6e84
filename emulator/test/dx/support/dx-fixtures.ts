/** Shared by the developer-experience tests: a small seed, and raw AWS JSON calls (no SDK needed). */
import type { SeedDocument } from '../../../src/index.js';

export const poolId = 'us-east-1_DxTest01';
export const webClientId = 'dxwebclient000000000000001';
export const backendClientId = 'dxbackend00000000000000001';
export const password = 'Passw0rd!';

export function seedDocument(): SeedDocument {
  return {
    version: 1,
    pools: [
      {
        id: poolId,
        name: 'dx-test',
        settings: {
          AutoVerifiedAttributes: ['email'],
          Policies: { PasswordPolicy: { MinimumLength: 8, RequireNumbers: true } },
          Schema: [{ Name: 'tenant', AttributeDataType: 'String', Mutable: true }],
        },
        clients: [
          { id: webClientId, name: 'web', settings: { ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] } },
          { id: backendClientId, name: 'backend', generateSecret: true, settings: { ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH'] } },
        ],
        groups: [{ name: 'admins', precedence: 1, description: 'Administrators' }, { name: 'readers' }],
        users: [
          {
            username: 'alice',
            password,
            sub: '11111111-2222-4333-8444-555555555555',
            attributes: { email: 'alice@example.com', email_verified: true, 'custom:tenant': 'acme' },
            groups: ['admins'],
          },
          { username: 'bob', password, status: 'UNCONFIRMED', attributes: { email: 'bob@example.com' } },
        ],
      },
    ],
  };
}

/** One AWS JSON 1.1 call; resolves with the parsed body, rejects with `${__type}: ${message}`. */
export async function cognito(url: string, operation: string, body: object): Promise<Record<string, any>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${operation}` },
    body: JSON.stringify(body),
  });
  const parsed = (await response.json()) as Record<string, any>;
  if (!response.ok) throw new Error(`${parsed.__type}: ${parsed.message}`);
  return parsed;
}

export async function signIn(url: string, username: string, secret = password, clientId = webClientId): Promise<{ IdToken: string; AccessToken: string; RefreshToken: string }> {
  const result = await cognito(url, 'InitiateAuth', { ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username, PASSWORD: secret } });
  return result.AuthenticationResult;
}

export const claims = (jwt: string): Record<string, any> => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString());
