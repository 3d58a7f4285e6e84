import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { runCli, spawnEmulator } from './support/spawn-emulator.js';

const flags = [
  ['--port', 'COGNITO_EMULATOR_PORT'],
  ['--host', 'COGNITO_EMULATOR_HOST'],
  ['--data', 'COGNITO_EMULATOR_DATA'],
  ['--region', 'COGNITO_EMULATOR_REGION'],
  ['--account-id', 'COGNITO_EMULATOR_ACCOUNT_ID'],
  ['--public-url', 'COGNITO_EMULATOR_PUBLIC_URL'],
  ['--password-hashing', 'COGNITO_EMULATOR_PASSWORD_HASHING'],
  ['--log-level', 'COGNITO_EMULATOR_LOG_LEVEL'],
] as const;

describe('the command line', () => {
  it('--help lists every flag with its environment variable and default, and exits 0', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    for (const [flag, env] of flags) {
      expect(stdout).toContain(flag);
      expect(stdout).toContain(env);
    }
    expect(stdout).toContain('default 9329');
  });

  it('starts on a free port in memory and prints exactly one line with its URL when ready', async () => {
    const emulator = await spawnEmulator(['--port', '0', '--data', ':memory:', '--log-level', 'silent']);
    try {
      expect(emulator.stdout().trim().split('\n')).toEqual([expect.stringMatching(/^cognito-emulator listening on http:\/\/127\.0\.0\.1:\d+ \(data: in memory\)$/)]);
      const health = await fetch(`${emulator.url}/_emulator/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok' });
    } finally {
      emulator.process.kill('SIGTERM');
      expect(await emulator.exited).toBe(0);
    }
  });

  it('takes settings from the environment, with flags winning', async () => {
    const emulator = await spawnEmulator(['--port', '0'], { COGNITO_EMULATOR_DATA: ':memory:', COGNITO_EMULATOR_PORT: '1', COGNITO_EMULATOR_LOG_LEVEL: 'silent' });
    try {
      expect(emulator.url).not.toMatch(/:1$/);
      expect(emulator.stdout()).toContain('(data: in memory)');
    } finally {
      emulator.process.kill('SIGTERM');
      await emulator.exited;
    }
  });

  it('refuses an invalid flag value with a message naming the flag and exit code 2', async () => {
    const { code, stderr } = await runCli(['--password-hashing', 'md5']);
    expect(code).toBe(2);
    expect(stderr).toContain('--password-hashing');
  });

  it('says clearly when the port is taken and exits non-zero', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const { code, stderr } = await runCli(['--port', String(port), '--data', ':memory:', '--log-level', 'silent']);
      expect(code).toBe(1);
      expect(stderr).toContain(`port ${port}`);
      expect(stderr).toContain('already in use');
    } finally {
      blocker.close();
    }
  });
});
