/**
 * Raw AWS JSON 1.1 calls for the reliability and hostile-input tests: no SDK in between, so the tests see
 * exactly what went over the wire (status, `__type`), and can send what no SDK would.
 */
export interface WireAnswer {
  readonly status: number;
  readonly type: string | undefined;
  readonly body: Record<string, unknown>;
}

export const amzJson = 'application/x-amz-json-1.1';
export const targetOf = (operation: string): string => `AWSCognitoIdentityProviderService.${operation}`;

/** POSTs `body` to `operation` at `url` and returns status, `__type` and parsed body. */
export async function callApi(url: string, operation: string, body: unknown): Promise<WireAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': amzJson, 'x-amz-target': targetOf(operation) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  const parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  return { status: response.status, type: typeof parsed.__type === 'string' ? parsed.__type : undefined, body: parsed };
}

/** Like callApi, but throws unless the answer is 200; returns the body. */
export async function ok<T = Record<string, any>>(url: string, operation: string, body: unknown): Promise<T> {
  const answer = await callApi(url, operation, body);
  if (answer.status !== 200) throw new Error(`${operation} answered ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body as T;
}

export const password = 'Hostile-Passw0rd!';

export interface PoolFixture {
  readonly poolId: string;
  readonly clientId: string;
}

/** A pool that emails sign-up codes, and a client with password and refresh flows. */
export async function createPool(url: string, name = 'reliability', clientSettings: Record<string, unknown> = {}): Promise<PoolFixture> {
  const pool = await ok(url, 'CreateUserPool', { PoolName: name, AutoVerifiedAttributes: ['email'] });
  const poolId = pool.UserPool.Id as string;
  const client = await ok(url, 'CreateUserPoolClient', {
    UserPoolId: poolId,
    ClientName: 'client',
    ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    ...clientSettings,
  });
  return { poolId, clientId: client.UserPoolClient.ClientId as string };
}

export const signUpBody = (clientId: string, username: string, pass = password) => ({
  ClientId: clientId,
  Username: username,
  Password: pass,
  UserAttributes: [{ Name: 'email', Value: `${username.replace(/[^a-zA-Z0-9]/g, '')}@example.com` }],
});

export const signInBody = (clientId: string, username: string, pass = password) => ({
  AuthFlow: 'USER_PASSWORD_AUTH',
  ClientId: clientId,
  AuthParameters: { USERNAME: username, PASSWORD: pass },
});

export const refreshBody = (clientId: string, refreshToken: string) => ({
  AuthFlow: 'REFRESH_TOKEN_AUTH',
  ClientId: clientId,
  AuthParameters: { REFRESH_TOKEN: refreshToken },
});

export interface Tokens {
  readonly AccessToken: string;
  readonly IdToken: string;
  readonly RefreshToken: string;
}

/** Signs up, confirms (as an admin) and signs in a user; returns its tokens. */
export async function createSignedInUser(url: string, pool: PoolFixture, username: string): Promise<Tokens> {
  await ok(url, 'SignUp', signUpBody(pool.clientId, username));
  await ok(url, 'AdminConfirmSignUp', { UserPoolId: pool.poolId, Username: username });
  const answer = await ok(url, 'InitiateAuth', signInBody(pool.clientId, username));
  return answer.AuthenticationResult as Tokens;
}

/** The last code the outbox holds for `username`. */
export async function lastCode(url: string, poolId: string, username: string): Promise<string> {
  const response = await fetch(`${url}/_emulator/pools/${poolId}/messages?username=${encodeURIComponent(username)}`);
  const { messages } = (await response.json()) as { messages: Array<{ code: string | null }> };
  const code = messages.at(-1)?.code;
  if (!code) throw new Error(`no code in the outbox for ${username}`);
  return code;
}
