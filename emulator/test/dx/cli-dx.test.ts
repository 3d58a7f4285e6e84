import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/index.js';
import { runCli, spawnEmulator, type SpawnedEmulator } from '../support/spawn-emulator.js';
import { backendClientId, cognito, password, poolId, seedDocument, webClientId } from './support/dx-fixtures.js';

const directory = mkdtempSync(join(tmpdir(), 'cognito-emulator-cli-'));
const seedPath = join(directory, 'seed.json');
writeFileSync(seedPath, JSON.stringify(seedDocument()));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

async function waitFor(emulator: SpawnedEmulator, text: string): Promise<string> {
  for (let i = 0; i < 500 && !emulator.stdout().includes(text); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  return emulator.stdout();
}

async function stop(emulator: SpawnedEmulator): Promise<void> {
  emulator.process.kill('SIGTERM');
  await emulator.exited;
}

describe('the command line, for developers', () => {
  it('--help lists the new flags with their environment variables, and the commands', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    for (const text of ['--seed', 'COGNITO_EMULATOR_SEED', '--issuer-style', 'COGNITO_EMULATOR_ISSUER_STYLE', '--tls', 'COGNITO_EMULATOR_TLS', '--tls-dir', '--log-format', 'export', 'import', 'healthcheck']) {
      expect(stdout).toContain(text);
    }
  });

  it('prints the ready line first, then a banner with the seeded pool and client ids, then request lines as JSON', async () => {
    const emulator = await spawnEmulator(['--port', '0', '--data', ':memory:', '--seed', seedPath]);
    try {
      const out = await waitFor(emulator, backendClientId);
      const lines = out.split('\n');
      expect(lines[0]).toMatch(/^cognito-emulator listening on http:\/\/127\.0\.0\.1:\d+ \(data: in memory\)$/);
      expect(out).toContain(`${emulator.url}/_emulator/ui`);
      expect(out).toContain(`seed      ${seedPath}`);
      expect(out).toMatch(new RegExp(`pool +${poolId} +dx-test`));
      expect(out).toMatch(new RegExp(`client +${webClientId} +web`));
      expect(out).toMatch(new RegExp(`client +${backendClientId} +backend +\\(has a secret`));
      const secret = (await cognito(emulator.url, 'DescribeUserPoolClient', { UserPoolId: poolId, ClientId: backendClientId })).UserPoolClient.ClientSecret as string;
      expect(out).not.toContain(secret);

      await cognito(emulator.url, 'InitiateAuth', { ClientId: webClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD: password } });
      await cognito(emulator.url, 'InitiateAuth', { ClientId: webClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD: 'wrong' } }).catch(() => undefined);
      const logged = await waitFor(emulator, 'NotAuthorizedException');
      const requests = logged.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.operation === 'InitiateAuth');
      expect(requests).toEqual([
        expect.objectContaining({ operation: 'InitiateAuth', status: 200, ms: expect.any(Number) }),
        expect.objectContaining({ operation: 'InitiateAuth', status: 400, error: 'NotAuthorizedException' }),
      ]);
      expect(logged).not.toContain(password);
    } finally {
      await stop(emulator);
    }
  });

  it('--log-format pretty prints one readable line per request', async () => {
    const emulator = await spawnEmulator(['--port', '0', '--data', ':memory:', '--log-format', 'pretty', '--seed', seedPath]);
    try {
      await cognito(emulator.url, 'DescribeUserPool', { UserPoolId: poolId });
      const out = await waitFor(emulator, 'DescribeUserPool 200');
      expect(out).toMatch(/\[\d\d:\d\d:\d\d\.\d{3}\] INFO.*DescribeUserPool 200 [\d.]+ms/);
      expect(out).not.toMatch(/^\{"level"/m);
    } finally {
      await stop(emulator);
    }
  });

  it('refuses an invalid seed before starting, naming the field, with exit code 2', async () => {
    const bad = join(directory, 'bad.yaml');
    writeFileSync(bad, 'pools:\n  - id: us-east-1_Ok1\n    name: ok\n    clients:\n      - name: no-id\n');
    const { code, stderr } = await runCli(['--port', '0', '--data', ':memory:', '--seed', bad]);
    expect(code).toBe(2);
    expect(stderr).toContain(`invalid seed ${bad}`);
    expect(stderr).toContain('pools[0].clients[0].id: is required');
    const missing = await runCli(['--port', '0', '--data', ':memory:', '--seed', join(directory, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read the seed file');
  });

  it('says clearly when the data file cannot be used', async () => {
    const garbage = join(directory, 'garbage.db');
    writeFileSync(garbage, 'this is not a database, just text that happens to be long enough to have a header'.repeat(20));
    const notADatabase = await runCli(['--port', '0', '--data', garbage]);
    expect(notADatabase.code).toBe(1);
    expect(notADatabase.stderr).toContain(`cannot open the data file ${garbage}`);

    const aDirectory = join(directory, 'a-directory');
    mkdirSync(aDirectory);
    const isDirectory = await runCli(['--port', '0', '--data', aDirectory]);
    expect(isDirectory.code).toBe(1);
    expect(isDirectory.stderr).toContain(`cannot open the data file ${aDirectory}`);

    const underAFile = await runCli(['--port', '0', '--data', join(garbage, 'emulator.db')]);
    expect(underAFile.code).toBe(1);
    expect(underAFile.stderr).toContain('cannot open the data file');
  });

  it('export and import commands move a data file into another as a seed document', async () => {
    const source = join(directory, 'source.db');
    await (await startEmulator({ dataPath: source, seed: seedPath, logLevel: 'silent' })).close();

    const out = join(directory, 'export.yaml');
    const exported = await runCli(['export', '--data', source, '--pool', poolId, '--out', out]);
    expect(exported).toMatchObject({ code: 0, stderr: '' });
    const document = parseYaml(readFileSync(out, 'utf8')) as { pools: Array<{ id: string; users: Array<{ username: string; credentials: object }> }> };
    expect(document.pools.map((pool) => pool.id)).toEqual([poolId]);
    expect(document.pools[0]!.users.map((user) => user.username)).toEqual(['alice', 'bob']);

    const target = join(directory, 'target.db');
    const imported = await runCli(['import', out, '--data', target]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain(`${poolId} (2 clients, 2 groups, 2 users)`);
    const json = await runCli(['export', '--data', target]);
    expect(JSON.parse(json.stdout)).toMatchObject({ pools: [{ id: poolId, users: [{ username: 'alice' }, { username: 'bob' }] }] });

    const unknownPool = await runCli(['export', '--data', source, '--pool', 'us-east-1_Nope']);
    expect(unknownPool.code).toBe(2);
    expect(unknownPool.stderr).toContain('us-east-1_Nope does not exist');
    expect((await runCli(['export', '--data', join(directory, 'absent.db')])).stderr).toContain('no data file at');
    expect((await runCli(['import'])).code).toBe(2);
  }, 60_000);
});
