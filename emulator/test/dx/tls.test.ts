import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, spawnEmulator, type SpawnedEmulator } from '../support/spawn-emulator.js';
import { password, poolId, seedDocument, webClientId } from './support/dx-fixtures.js';

const run = promisify(execFile);
const directory = mkdtempSync(join(tmpdir(), 'cognito-emulator-tls-'));
const seedPath = join(directory, 'seed.json');
writeFileSync(seedPath, JSON.stringify(seedDocument()));
const tlsDir = join(directory, 'tls');
afterAll(() => rmSync(directory, { recursive: true, force: true }));

async function banner(emulator: SpawnedEmulator): Promise<string> {
  for (let i = 0; i < 500 && !emulator.stdout().includes('  issuer'); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  return emulator.stdout();
}

async function stop(emulator: SpawnedEmulator): Promise<void> {
  emulator.process.kill('SIGTERM');
  await emulator.exited;
}

describe('--tls', () => {
  it('serves https with a self-signed certificate it makes once, prints its path, and clients that trust it verify tokens', async () => {
    const emulator = await spawnEmulator(['--tls', '--tls-dir', tlsDir, '--port', '0', '--data', ':memory:', '--seed', seedPath]);
    let firstCert: string;
    try {
      expect(emulator.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const out = await banner(emulator);
      const certPath = join(tlsDir, 'cert.pem');
      expect(out).toContain(`self-signed certificate ${certPath} (made now)`);
      expect(out).toContain(`NODE_EXTRA_CA_CERTS=${certPath}`);
      firstCert = readFileSync(certPath, 'utf8');
      const cert = new X509Certificate(firstCert);
      expect(cert.checkHost('localhost')).toBe('localhost');
      expect(cert.checkIP('127.0.0.1')).toBe('127.0.0.1');

      const client = fileURLToPath(new URL('./support/tls-client.mjs', import.meta.url));
      const { stdout } = await run(process.execPath, [client], {
        env: { ...process.env, NODE_EXTRA_CA_CERTS: certPath, EMULATOR_URL: emulator.url, POOL_ID: poolId, CLIENT_ID: webClientId, USERNAME: 'alice', PASSWORD: password },
      });
      expect(JSON.parse(stdout)).toEqual({ sub: '11111111-2222-4333-8444-555555555555', token_use: 'access', iss: `${emulator.url}/${poolId}` });

      // `healthcheck` (the Docker HEALTHCHECK) speaks https when --tls is set.
      const port = new URL(emulator.url).port;
      expect((await runCli(['healthcheck', '--tls', '--port', port])).code).toBe(0);
      expect((await runCli(['healthcheck', '--port', port])).code).toBe(1);
    } finally {
      await stop(emulator);
    }

    const again = await spawnEmulator(['--tls', '--tls-dir', tlsDir, '--port', '0', '--data', ':memory:']);
    try {
      expect(await banner(again)).not.toContain('(made now)');
      expect(readFileSync(join(tlsDir, 'cert.pem'), 'utf8')).toBe(firstCert);
    } finally {
      await stop(again);
    }
  }, 60_000);
});
