/**
 * The example projects under examples/ run as a user would run them (`vitest run`, `jest`), each with a
 * globalSetup that starts the emulator through startEmulator() and a test signing in a seeded user.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = (path: string): string => fileURLToPath(new URL(`node_modules/${path}`, `file://${root}`));

async function runExample(example: string, args: string[]): Promise<string> {
  const { CI: _ci, VITEST: _vitest, VITEST_WORKER_ID: _worker, VITEST_POOL_ID: _pool, NODE_OPTIONS: _nodeOptions, ...env } = process.env;
  try {
    const { stdout, stderr } = await run(process.execPath, args, { cwd: `${root}examples/${example}`, env: { ...env, NO_COLOR: '1', FORCE_COLOR: '0' }, timeout: 90_000 });
    return `${stdout}\n${stderr}`;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`examples/${example} failed:\n${stdout}\n${stderr}`);
  }
}

describe('examples', () => {
  it('vitest-global-setup: globalSetup starts a seeded emulator, a test signs in', async () => {
    const output = await runExample('vitest-global-setup', [bin('vitest/vitest.mjs'), 'run', '--config', 'vitest.config.ts']);
    expect(output).toMatch(/Tests\s+1 passed \(1\)/);
  }, 90_000);

  it('jest-global-setup: globalSetup starts a seeded emulator, a test signs in', async () => {
    const output = await runExample('jest-global-setup', [bin('jest/bin/jest.js'), '--ci', '--watchman=false']);
    expect(output).toMatch(/Tests:\s+1 passed, 1 total/);
  }, 90_000);
});
