/** The emulator-only control plane for time and state: /_emulator/clock and the reset endpoints. */
import { CognitoIdentityProviderClient, CreateUserPoolCommand, DescribeUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDuration, parseInstant } from '../../src/control/duration.js';
import { configFrom, createEmulator, type RunningEmulator } from '../../src/index.js';

describe('/_emulator/clock and /_emulator/reset', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await createEmulator(configFrom({ port: 0, dataPath: ':memory:', logLevel: 'silent' }));
  });
  afterAll(async () => emulator?.close());

  const post = (path: string, body: unknown) =>
    fetch(`${emulator.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const readClock = async () => (await (await fetch(`${emulator.url}/_emulator/clock`)).json()) as { now: string; epochMs: number; offsetSeconds: number; pinned: boolean };
  const moveClock = async (body: object) => {
    const response = await post('/_emulator/clock', body);
    expect(response.status).toBe(200);
    return (await response.json()) as Record<string, unknown> & { epochMs: number; epochSeconds: number; offsetSeconds: number; pinned: boolean };
  };
  const reset = async (path: string) => (await post(path, {})).json();

  it('reads the clock', async () => {
    const clock = await readClock();
    expect(clock).toEqual({ now: expect.any(String), epochSeconds: expect.any(Number), epochMs: expect.any(Number), pinned: false, offsetSeconds: expect.any(Number) });
    expect(Math.abs(clock.epochMs - Date.now())).toBeLessThan(5000);
    expect(new Date(clock.now).getTime()).toBe(clock.epochMs);
  });

  it('advances, sets, pins, resumes and resets', async () => {
    let clock = await moveClock({ advance: '1h30m' });
    expect(clock.offsetSeconds).toBeGreaterThan(5399);
    clock = await moveClock({ advanceSeconds: 60 });
    expect(clock.offsetSeconds).toBeGreaterThan(5459);
    clock = await moveClock({ pin: '2030-01-02T03:04:05Z' });
    expect(clock).toMatchObject({ now: '2030-01-02T03:04:05.000Z', pinned: true });
    clock = await moveClock({ advance: '1d' });
    expect(clock).toMatchObject({ now: '2030-01-03T03:04:05.000Z', pinned: true });
    clock = await moveClock({ resume: true });
    expect(clock.pinned).toBe(false);
    expect(clock.epochMs).toBeGreaterThanOrEqual(Date.parse('2030-01-03T03:04:05Z'));
    clock = await moveClock({ set: 1_900_000_000 });
    expect(clock.pinned).toBe(false);
    expect(Math.floor(clock.epochSeconds)).toBeGreaterThanOrEqual(1_900_000_000);
    clock = await moveClock({ pin: true });
    expect(clock.pinned).toBe(true);
    clock = await moveClock({ reset: true });
    expect(clock.pinned).toBe(false);
    expect(Math.abs(clock.offsetSeconds)).toBeLessThan(5);
  });

  it('refuses unclear requests with a 400 naming the problem', async () => {
    for (const body of [{}, { advance: 'soon' }, { advance: '1h', pin: true }, { pin: 'not a time' }, { set: true }, { advanceSeconds: '60' }]) {
      const response = await post('/_emulator/clock', body);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ __type: 'InvalidParameterException', message: expect.any(String) });
    }
    expect((await post('/_emulator/clock', '{not json')).status).toBe(400);
    expect((await readClock()).pinned).toBe(false);
  });

  it('parses durations and instants', () => {
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('1d2h30m')).toBe(95_400_000);
    expect(parseDuration('-5m')).toBe(-300_000);
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration(1.5)).toBe(1500);
    expect(parseDuration('1 hour')).toBeUndefined();
    expect(parseInstant('2030-01-01T00:00:00Z')).toBe(Date.parse('2030-01-01T00:00:00Z'));
    expect(parseInstant(1_900_000_000)).toBe(1_900_000_000_000);
    expect(parseInstant('yesterday')).toBeUndefined();
  });

  it('resets one pool, or everything', async () => {
    const cognito = new CognitoIdentityProviderClient({ endpoint: emulator.url, region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
    const { UserPool } = await cognito.send(new CreateUserPoolCommand({ PoolName: 'reset-me' }));
    expect(await reset(`/_emulator/pools/${UserPool!.Id}/reset`)).toEqual({ reset: UserPool!.Id, deletedUsers: 0 });
    expect((await post('/_emulator/pools/us-east-1_nosuchpool/reset', {})).status).toBe(400);
    await moveClock({ advance: '1h' });
    expect(await reset('/_emulator/reset')).toMatchObject({ reset: 'everything', deletedUserPools: 1 });
    await expect(cognito.send(new DescribeUserPoolCommand({ UserPoolId: UserPool!.Id! }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    expect(Math.abs((await readClock()).offsetSeconds)).toBeLessThan(5);
    // A bodiless POST works too (curl -X POST).
    expect((await fetch(`${emulator.url}/_emulator/reset`, { method: 'POST' })).status).toBe(200);
  });
});
