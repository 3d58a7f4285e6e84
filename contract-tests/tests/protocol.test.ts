/**
 * The AWS JSON 1.1 wire protocol spoken over raw HTTP (cognito-facts.md §1, §8): error bodies and headers,
 * request ids, unknown and unimplemented operations, bad bodies, and CORS for browser clients.
 * Emulator only: these requests go to target().endpoint, which real Cognito's target does not expose.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createPool } from '../fixtures/pools.js';
import { target } from '../targets/target.js';

const endpoint = target().endpoint;
const amzJson = 'application/x-amz-json-1.1';

async function call(
  operation: string,
  body: string | object,
  options: { contentType?: string; path?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Headers; text: string; json: Record<string, unknown> | undefined }> {
  const response = await fetch(`${endpoint!}${options.path ?? '/'}`, {
    method: 'POST',
    headers: {
      'content-type': options.contentType ?? amzJson,
      'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
      ...options.headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** A Cognito-shaped error: JSON body with __type and message, and the type in x-amzn-ErrorType. */
function expectErrorShape(response: Awaited<ReturnType<typeof call>>, type: string, status = 400): void {
  expect(response.status).toBe(status);
  expect(response.json, `body is not JSON: ${response.text.slice(0, 200)}`).toBeDefined();
  expect(response.json!.__type).toBe(type);
  expect(response.json!.message).toEqual(expect.any(String));
  expect(response.headers.get('x-amzn-errortype')?.split(':')[0]).toBe(type);
  expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
}

describe.runIf(endpoint !== undefined)('AWS JSON 1.1 over raw HTTP (emulator only)', () => {
  let userPoolId: string;

  beforeAll(async () => {
    userPoolId = await createPool();
  });

  it('answers success with 200, an AWS JSON body and x-amzn-RequestId', async () => {
    const response = await call('DescribeUserPool', { UserPoolId: userPoolId });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain(amzJson);
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect((response.json!.UserPool as { Id: string }).Id).toBe(userPoolId);
  });

  it('gives every response its own request id', async () => {
    const [a, b] = await Promise.all([call('DescribeUserPool', { UserPoolId: userPoolId }), call('DescribeUserPool', { UserPoolId: userPoolId })]);
    expect(a.headers.get('x-amzn-requestid')).not.toBe(b.headers.get('x-amzn-requestid'));
  });

  it('answers a Cognito error with 400, {__type, message}, x-amzn-ErrorType and x-amzn-RequestId', async () => {
    const response = await call('DescribeUserPool', { UserPoolId: 'us-east-1_NoSuchPool1' });
    expectErrorShape(response, 'ResourceNotFoundException');
    expect(Object.keys(response.json!).sort()).toEqual(['__type', 'message']);
  });

  it('answers an operation with no output with {}', async () => {
    const pool = await call('CreateUserPool', { PoolName: 'contract-test-protocol-delete' });
    const id = (pool.json!.UserPool as { Id: string }).Id;
    const deleted = await call('DeleteUserPool', { UserPoolId: id });
    expect(deleted.status).toBe(200);
    expect(deleted.json).toEqual({});
  });

  it('accepts POST on any path, as Amplify keeps the path of a configured endpoint', async () => {
    const response = await call('DescribeUserPool', { UserPoolId: userPoolId }, { path: '/some/prefix/' });
    expect(response.status).toBe(200);
  });

  it('answers an unknown X-Amz-Target with 400 UnknownOperationException', async () => {
    expectErrorShape(await call('NoSuchOperation', {}), 'UnknownOperationException');
    const noTarget = await fetch(`${endpoint!}/`, { method: 'POST', headers: { 'content-type': amzJson }, body: '{}' });
    expect(noTarget.status).toBe(400);
    expect(((await noTarget.json()) as { __type: string }).__type).toBe('UnknownOperationException');
  });

  it('answers a real Cognito operation it does not implement with 501 and a type naming the gap', async () => {
    const response = await call('GetLogDeliveryConfiguration', { UserPoolId: userPoolId });
    expect(response.status).toBe(501);
    expect(response.json!.__type).toEqual(expect.any(String));
    expect(response.json!.message).toContain('GetLogDeliveryConfiguration');
    expect(response.headers.get('x-amzn-errortype')).toBeTruthy();
  });

  it('answers malformed JSON with a 400 JSON error, never HTML', async () => {
    const response = await call('DescribeUserPool', '{"UserPoolId": ');
    expect(response.status).toBe(400);
    expect(response.json?.__type).toEqual(expect.any(String));
    expect(response.headers.get('x-amzn-errortype')).toBeTruthy();
  });

  it('answers a body that is JSON but not an object with a 400 JSON error', async () => {
    const response = await call('DescribeUserPool', '["not", "an", "object"]');
    expect(response.status).toBe(400);
    expect(response.json?.__type).toEqual(expect.any(String));
  });

  it('answers a wrong content type with a 400 JSON error', async () => {
    const response = await call('DescribeUserPool', 'UserPoolId=x', { contentType: 'application/x-www-form-urlencoded' });
    expect(response.status).toBe(400);
    expect(response.json?.__type).toEqual(expect.any(String));
  });

  it('answers a member of the wrong JSON type with a 4xx JSON error', async () => {
    const response = await call('DescribeUserPool', { UserPoolId: 12345 });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.json?.__type).toEqual(expect.any(String));
  });

  it('answers a 2 MB body with a 4xx JSON error and keeps serving', async () => {
    const big = JSON.stringify({ ClientId: 'x', Username: 'u', Password: 'P'.repeat(2 * 1024 * 1024) });
    const response = await call('SignUp', big);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.json?.__type).toEqual(expect.any(String));
    expect((await call('DescribeUserPool', { UserPoolId: userPoolId })).status).toBe(200);
  });

  it('answers a CORS preflight from another origin, allowing POST and the SDK headers', async () => {
    const response = await fetch(`${endpoint!}/`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://app.example.test:3000',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-amz-target,x-amz-user-agent,cache-control',
      },
    });
    expect(response.status).toBeGreaterThanOrEqual(200);
    expect(response.status).toBeLessThan(300);
    const allowOrigin = response.headers.get('access-control-allow-origin');
    expect(['*', 'http://app.example.test:3000']).toContain(allowOrigin);
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    const allowHeaders = (response.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const header of ['content-type', 'x-amz-target', 'x-amz-user-agent', 'cache-control']) expect(allowHeaders).toContain(header);
  });

  it('sends Access-Control-Allow-Origin and exposes the request id and error headers on POST responses', async () => {
    for (const body of [{ UserPoolId: userPoolId }, { UserPoolId: 'us-east-1_NoSuchPool1' }]) {
      const response = await call('DescribeUserPool', body, { headers: { origin: 'http://app.example.test:3000' } });
      expect(['*', 'http://app.example.test:3000']).toContain(response.headers.get('access-control-allow-origin'));
      const exposed = (response.headers.get('access-control-expose-headers') ?? '').toLowerCase();
      for (const header of ['x-amzn-requestid', 'x-amzn-errortype', 'x-amzn-errormessage']) expect(exposed).toContain(header);
    }
  });

  it('serves the JWKS to browsers on other origins', async () => {
    const response = await fetch(`${endpoint!}/${userPoolId}/.well-known/jwks.json`, { headers: { origin: 'http://app.example.test:3000' } });
    expect(response.status).toBe(200);
    expect(['*', 'http://app.example.test:3000']).toContain(response.headers.get('access-control-allow-origin'));
  });
});
