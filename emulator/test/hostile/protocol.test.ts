/**
 * Protocol abuse over real sockets: what no SDK sends. Every refusal is JSON with a `__type`; oversized
 * and dribbled requests are cut off; and through all of it the server keeps answering everyone else.
 */
import { connect, type Socket } from 'node:net';
import { request as httpRequest } from 'node:http';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { configFrom } from '../../src/config.js';
import { createServices } from '../../src/services.js';
import { Store } from '../../src/store/store.js';
import { amzJson, targetOf } from '../support/aws-json.js';

const requestTimeoutMs = 1_500;

interface RawAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

describe('protocol abuse', () => {
  const store = Store.open(':memory:');
  let app: Awaited<ReturnType<typeof buildApp>>;
  let port: number;
  let url: string;

  beforeAll(async () => {
    const config = configFrom({ port: 0, dataPath: ':memory:', logLevel: 'silent' });
    const logger = pino({ level: 'silent' });
    const services = createServices(config, store, logger);
    app = await buildApp(services, { logger, requestTimeoutMs });
    await app.listen({ host: '127.0.0.1', port: 0 });
    port = (app.server.address() as { port: number }).port;
    url = `http://127.0.0.1:${port}`;
    services.setBaseUrl(url);
  });
  afterAll(async () => {
    await app?.close();
    store.close();
  });

  /** One request on its own connection, with exactly the headers given. */
  const send = (options: { method?: string; path?: string; headers?: Record<string, string | number>; body?: string | Buffer }): Promise<RawAnswer> =>
    new Promise((resolve, reject) => {
      const req = httpRequest(`${url}${options.path ?? '/'}`, { method: options.method ?? 'POST', headers: options.headers, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      });
      req.on('error', reject);
      req.end(options.body);
    });

  const expectCognitoError = (answer: RawAnswer, status: number, type: string): void => {
    expect(answer.status, answer.body).toBe(status);
    expect(answer.headers['content-type']).toMatch(/^application\/x-amz-json-1\.1/);
    expect(JSON.parse(answer.body)).toMatchObject({ __type: type, message: expect.any(String) });
    expect(answer.headers['x-amzn-errortype']).toBe(`${type}:`);
    expect(answer.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
  };

  const stillResponsive = async (): Promise<void> => {
    const started = Date.now();
    const answer = await send({ headers: { 'content-type': amzJson, 'x-amz-target': targetOf('ListUserPools') }, body: '{"MaxResults":1}' });
    expect(answer.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1_000);
  };

  const listPools = { 'x-amz-target': targetOf('ListUserPools') };

  it('refuses a body without a content type, or with the wrong one, as SerializationException', async () => {
    expectCognitoError(await send({ headers: listPools, body: '{"MaxResults":1}' }), 400, 'SerializationException');
    for (const contentType of ['text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/x-amz-json-1.1x', '']) {
      expectCognitoError(await send({ headers: { ...listPools, 'content-type': contentType }, body: '{"MaxResults":1}' }), 400, 'SerializationException');
    }
    // The accepted JSON types, with parameters.
    for (const contentType of ['application/x-amz-json-1.1; charset=utf-8', 'application/json', 'APPLICATION/X-AMZ-JSON-1.0']) {
      expect((await send({ headers: { ...listPools, 'content-type': contentType }, body: '{"MaxResults":1}' })).status).toBe(200);
    }
  });

  it('refuses bodies that are not one JSON object as SerializationException', async () => {
    for (const body of ['{', '{"MaxResults":', 'not json', '[]', '"text"', '12', 'null', '{"a":1}{"b":2}', '\u0000', Buffer.from([0xff, 0xfe, 0xfd])]) {
      expectCognitoError(await send({ headers: { ...listPools, 'content-type': amzJson }, body }), 400, 'SerializationException');
    }
    // Deeply nested JSON: refused or answered, never a crash.
    const deep = '{"a":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}';
    expect((await send({ headers: { ...listPools, 'content-type': amzJson }, body: deep })).status).toBe(400);
    await stillResponsive();
  });

  it('refuses unknown, malformed and missing targets', async () => {
    expectCognitoError(await send({ headers: { 'content-type': amzJson }, body: '{}' }), 400, 'UnknownOperationException');
    for (const target of ['AWSCognitoIdentityProviderService.NoSuchOperation', 'ListUserPools', 'AWSCognitoIdentityProviderService.', 'Other.ListUserPools', 'AWSCognitoIdentityProviderService.__proto__', 'AWSCognitoIdentityProviderService.constructor', 'x'.repeat(8_000)]) {
      expectCognitoError(await send({ headers: { 'content-type': amzJson, 'x-amz-target': target }, body: '{}' }), 400, 'UnknownOperationException');
    }
  });

  it('answers other methods in JSON, never with a 5xx', async () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
      const answer = await send({ method, headers: { 'content-type': amzJson, ...listPools }, body: method === 'GET' ? undefined : '{}' });
      expect(answer.status, method).toBeGreaterThanOrEqual(400);
      expect(answer.status, method).toBeLessThan(500);
      expect(JSON.parse(answer.body).__type, method).toEqual(expect.any(String));
    }
    expect((await send({ method: 'HEAD', headers: listPools })).status).toBeLessThan(500);
    // Not HTTP at all, or broken framing: refused in the same JSON shape, connection closed.
    for (const garbage of ['GARBAGE\r\n\r\n', 'POST / HTTP/1.1\r\nContent-Length: abc\r\n\r\n', `POST / HTTP/1.1\r\nX: ${'y'.repeat(70_000)}\r\n\r\n`]) {
      const answer = await rawExchange(port, [garbage]);
      expect(answer).toMatch(/^HTTP\/1\.1 4\d\d /);
      expect(answer).toMatch(/"__type":"\w+"/);
    }
    // CORS preflight is answered, without a body to parse.
    const preflight = await send({ method: 'OPTIONS', headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBeLessThan(300);
  });

  it('refuses a 10 MB body with RequestEntityTooLargeException and stays up', async () => {
    const tenMegabytes = '{"PoolName":"' + 'x'.repeat(10 * 1024 * 1024) + '"}';
    const declared = await rawExchange(port, [
      `POST / HTTP/1.1\r\nHost: x\r\nContent-Type: ${amzJson}\r\nX-Amz-Target: ${targetOf('CreateUserPool')}\r\nContent-Length: ${Buffer.byteLength(tenMegabytes)}\r\n\r\n`,
      tenMegabytes,
    ]);
    expect(declared).toMatch(/^HTTP\/1\.1 413 /);
    expect(declared).toContain('"__type":"RequestEntityTooLargeException"');
    // Chunked, so the size is only known by reading: cut off at the limit all the same.
    const chunked = await rawExchange(port, [
      `POST / HTTP/1.1\r\nHost: x\r\nContent-Type: ${amzJson}\r\nX-Amz-Target: ${targetOf('CreateUserPool')}\r\nTransfer-Encoding: chunked\r\n\r\n`,
      ...Array.from({ length: 10 }, () => `100000\r\n${'x'.repeat(0x100000)}\r\n`),
      '0\r\n\r\n',
    ]);
    expect(chunked).toMatch(/^HTTP\/1\.1 413 /);
    expect(chunked).toContain('"__type":"RequestEntityTooLargeException"');
    await stillResponsive();
  });

  it('cuts off clients that dribble a request, and serves everyone else meanwhile', async () => {
    const started = Date.now();
    const slow = Array.from({ length: 20 }, () => dribble(port, 100));
    // While they dribble, normal requests are answered at once.
    for (let i = 0; i < 5; i++) {
      await stillResponsive();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const outcomes = await Promise.all(slow);
    const elapsed = Date.now() - started;
    for (const outcome of outcomes) {
      expect(outcome.closed).toBe(true);
      // A request that never finished is answered 408 (in the JSON error shape) and the connection closed.
      expect(outcome.received).toMatch(/^HTTP\/1\.1 408 [\s\S]*"__type":"RequestTimeoutException"/);
    }
    expect(elapsed).toBeLessThan(requestTimeoutMs * 4);
    await stillResponsive();
  });
});

/** Writes `parts` on a raw connection, then resolves with everything read until the server closes it. */
function rawExchange(port: number, parts: string[]): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    socket.on('error', () => undefined); // the server may close while we still write: expected
    socket.on('close', () => resolve(received));
    socket.on('connect', () => {
      for (const part of parts) if (!socket.destroyed) socket.write(part);
    });
    // A server that keeps the connection open after answering: stop once the answer is in.
    const timer = setInterval(() => {
      if (/\r\n\r\n[\s\S]*\}$/.test(received)) socket.destroy();
    }, 20);
    socket.on('close', () => clearInterval(timer));
  });
}

/** Sends a request one byte every `intervalMs`, never finishing; resolves when the server drops it. */
function dribble(port: number, intervalMs: number): Promise<{ closed: boolean; received: string }> {
  return new Promise((resolve) => {
    const request = `POST / HTTP/1.1\r\nHost: x\r\nContent-Type: ${amzJson}\r\nX-Amz-Target: ${targetOf('ListUserPools')}\r\nContent-Length: 100000\r\n\r\n{"MaxResults":1` + ' '.repeat(100_000);
    const socket: Socket = connect(port, '127.0.0.1');
    let received = '';
    let offset = 0;
    const timer = setInterval(() => {
      if (offset < request.length && !socket.destroyed) socket.write(request[offset++]!);
    }, intervalMs);
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ closed: true, received });
    });
  });
}
