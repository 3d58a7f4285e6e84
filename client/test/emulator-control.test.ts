import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmulatorControlError, readLatestCode, readMessages } from '../src/index.js';
import type { EmulatorMessage } from '../src/index.js';
import { sendJson, startTestServer } from './support/http-server.js';
import type { TestServer } from './support/http-server.js';

const POOL_ID = 'us-east-1_Outbox123';

const message = (over: Partial<EmulatorMessage>): EmulatorMessage => ({
  username: 'alice',
  destination: 'a***@e***.com',
  deliveryMedium: 'EMAIL',
  kind: 'SIGN_UP',
  code: '111111',
  createdAt: '2024-03-05T09:07:03.000Z',
  ...over,
});

const outbox: EmulatorMessage[] = [
  message({ code: '111111' }),
  message({ username: 'bob', code: '999999' }),
  message({ kind: 'RESEND', code: '222222' }),
  message({ kind: 'FORGOT_PASSWORD', code: '333333' }),
  message({ username: 'carol', kind: 'ADMIN_CREATE_USER', code: null }),
];

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const match = /^\/_emulator\/pools\/([^/]+)\/messages$/.exec(url.pathname);
    if (!match || decodeURIComponent(match[1] ?? '') !== POOL_ID) {
      sendJson(res, 404, { __type: 'ResourceNotFoundException', message: 'User pool does not exist.' });
      return;
    }
    const username = url.searchParams.get('username');
    sendJson(res, 200, { messages: outbox.filter((m) => username === null || m.username === username) });
  });
});

afterAll(() => server.close());

describe('readMessages (emulator only)', () => {
  it("returns the whole outbox, or one user's messages", async () => {
    expect(await readMessages(server.url, POOL_ID)).toHaveLength(5);
    const alice = await readMessages(`${server.url}/`, POOL_ID, 'alice');
    expect(alice.map((m) => m.code)).toEqual(['111111', '222222', '333333']);
    expect(server.requests.at(-1)?.url).toBe(`/_emulator/pools/${POOL_ID}/messages?username=alice`);
  });

  it('encodes the username', async () => {
    await readMessages(server.url, POOL_ID, 'a+b@example.com');
    expect(server.requests.at(-1)?.url).toBe(`/_emulator/pools/${POOL_ID}/messages?username=a%2Bb%40example.com`);
  });

  it('throws with the status and body on HTTP errors', async () => {
    const err = await readMessages(server.url, 'us-east-1_Missing00').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EmulatorControlError);
    expect((err as EmulatorControlError).status).toBe(404);
    expect((err as Error).message).toMatch(/HTTP 404.*User pool does not exist/);
  });
});

describe('readLatestCode (emulator only)', () => {
  it('returns the newest code (newest is last)', async () => {
    expect(await readLatestCode(server.url, POOL_ID, 'alice')).toBe('333333');
    expect(await readLatestCode(server.url, POOL_ID, 'bob')).toBe('999999');
  });

  it('can filter by kind', async () => {
    expect(await readLatestCode(server.url, POOL_ID, 'alice', { kind: 'RESEND' })).toBe('222222');
  });

  it('throws when there is no message or the newest has no code', async () => {
    await expect(readLatestCode(server.url, POOL_ID, 'nobody')).rejects.toThrow(/No messages .* "nobody"/);
    await expect(readLatestCode(server.url, POOL_ID, 'alice', { kind: 'MFA' })).rejects.toThrow(EmulatorControlError);
    await expect(readLatestCode(server.url, POOL_ID, 'carol')).rejects.toThrow(/carries no code/);
  });
});
