/** advanceClock, setClock, pinClock, resumeClock, resetClock, readClock and resetEmulator against a real emulator. */
import { CreateUserPoolCommand, DescribeUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { configFrom, createEmulator, type RunningEmulator } from 'cognito-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EmulatorControlError,
  advanceClock,
  createCognitoClient,
  pinClock,
  readClock,
  resetClock,
  resetEmulator,
  resumeClock,
  setClock,
} from '../src/index.js';

describe('emulator clock and reset helpers (emulator only)', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await createEmulator(configFrom({ port: 0, dataPath: ':memory:', logLevel: 'silent' }));
  });
  afterAll(async () => emulator?.close());

  it('moves the clock', async () => {
    expect((await readClock(emulator.url)).pinned).toBe(false);
    expect((await advanceClock(emulator.url, '2h')).offsetSeconds).toBeGreaterThan(7199);
    expect((await advanceClock(`${emulator.url}/`, 30)).offsetSeconds).toBeGreaterThan(7229);
    expect(await setClock(emulator.url, new Date('2030-06-01T00:00:00Z'), { pin: true })).toMatchObject({ now: '2030-06-01T00:00:00.000Z', pinned: true });
    expect((await resumeClock(emulator.url)).pinned).toBe(false);
    expect((await setClock(emulator.url, '2031-01-01T00:00:00Z')).pinned).toBe(false);
    expect((await pinClock(emulator.url)).pinned).toBe(true);
    const back = await resetClock(emulator.url);
    expect(back.pinned).toBe(false);
    expect(Math.abs(back.offsetSeconds)).toBeLessThan(5);
  });

  it('resets a pool or everything', async () => {
    const cognito = createCognitoClient({ endpoint: emulator.url, region: 'us-east-1' });
    const { UserPool } = await cognito.send(new CreateUserPoolCommand({ PoolName: 'helpers' }));
    expect(await resetEmulator(emulator.url, { userPoolId: UserPool!.Id! })).toMatchObject({ reset: UserPool!.Id });
    await resetEmulator(emulator.url);
    await expect(cognito.send(new DescribeUserPoolCommand({ UserPoolId: UserPool!.Id! }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });

  it('throws EmulatorControlError with the status on a refused request', async () => {
    const error = await advanceClock(emulator.url, 'soon').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EmulatorControlError);
    expect((error as EmulatorControlError).status).toBe(400);
  });
});
