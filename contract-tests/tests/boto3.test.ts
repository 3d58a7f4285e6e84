/**
 * boto3 (botocore reads errors from the body's `__type`, dates as epoch seconds) drives the emulator through
 * a round trip. Emulator target only; skipped, saying so, where python3 has no boto3.
 */
import { execFile, execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { target } from '../targets/target.js';

const script = fileURLToPath(new URL('../clients/boto3_round_trip.py', import.meta.url));

function hasBoto3(): boolean {
  try {
    execFileSync('python3', ['-c', 'import boto3'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const available = hasBoto3();
if (!available) console.warn('boto3.test.ts: python3 with boto3 is not installed here; the boto3 round trip is skipped');

describe.skipIf(!available)('boto3 (emulator target)', () => {
  it('signs up, confirms with the outbox code, signs in, refreshes, and reads Cognito errors', async ({ skip }) => {
    const endpoint = target().endpoint;
    if (!endpoint) skip();
    const { stdout } = await promisify(execFile)('python3', [script, endpoint!], { timeout: 60_000 });
    expect(stdout).toContain('boto3 round trip: ok');
  });
});
