/**
 * No Docker engine runs here, so the Dockerfile and docker-compose.yml are checked against the CLI they
 * drive: every variable is a real flag's, ports, volume and healthcheck agree with the configuration the
 * image ends up with, the seed mounted is valid; and the CLI, started with exactly the compose
 * environment (paths mapped to a temp directory, a free port), serves and passes its own healthcheck.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { commandNames, flagReference } from '../../src/config.js';
import { readSeedFile } from '../../src/seed/read-seed.js';
import { runCli, spawnEmulator } from '../support/spawn-emulator.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const compose = parseYaml(readFileSync(join(root, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, { build?: unknown; ports?: string[]; environment?: Record<string, string>; volumes?: string[]; healthcheck?: { test: string[] } }>;
  volumes?: Record<string, unknown>;
};
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'))
  .map((line) => ({ op: line.split(/\s+/)[0]!.toUpperCase(), args: line.slice(line.indexOf(' ') + 1).trim() }));
const finalStage = instructions.slice(instructions.map((i) => i.op).lastIndexOf('FROM'));
const envVars = new Map(flagReference().map((flag) => [flag.env, flag]));

/** ENV of the final image: `KEY=value` pairs. */
const imageEnv: Record<string, string> = Object.fromEntries(
  finalStage.filter((i) => i.op === 'ENV').flatMap((i) => [...i.args.matchAll(/(\w+)=(\S+)/g)].map((m) => [m[1]!, m[2]!])),
);

const service = compose.services['cognito-emulator']!;
const serviceEnv = { ...imageEnv, ...service.environment };
const effective = (env: string): string | undefined => serviceEnv[env] ?? envVars.get(env)?.defaultValue;

const directory = mkdtempSync(join(tmpdir(), 'cognito-emulator-docker-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('Dockerfile', () => {
  it('is multi-stage on node:20-bookworm-slim and runs as a non-root user', () => {
    const froms = instructions.filter((i) => i.op === 'FROM').map((i) => i.args.split(/\s+/)[0]);
    expect(froms.length).toBeGreaterThanOrEqual(2);
    for (const image of froms) expect(['node:20-bookworm-slim', 'deps']).toContain(image);
    expect(finalStage[0]!.args).toBe('node:20-bookworm-slim');
    const user = finalStage.filter((i) => i.op === 'USER').at(-1)?.args;
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user);
  });

  it('sets only real environment variables, exposes the configured port, and keeps data in its volume', () => {
    for (const name of Object.keys(imageEnv).filter((key) => key.startsWith('COGNITO_EMULATOR_'))) expect(envVars.has(name), name).toBe(true);
    expect(imageEnv.COGNITO_EMULATOR_HOST).toBe('0.0.0.0'); // reachable through a published port
    expect(finalStage.find((i) => i.op === 'EXPOSE')?.args).toBe(imageEnv.COGNITO_EMULATOR_PORT);
    const volume = JSON.parse(finalStage.find((i) => i.op === 'VOLUME')!.args) as string[];
    expect(volume).toEqual([posix.dirname(imageEnv.COGNITO_EMULATOR_DATA!)]);
  });

  it('health-checks through the CLI and starts the CLI that the build compiles', () => {
    const healthcheck = finalStage.find((i) => i.op === 'HEALTHCHECK')!.args;
    expect(healthcheck).toContain('CMD ["node", "emulator/dist/cli.js", "healthcheck"]');
    expect(commandNames).toContain('healthcheck');
    expect(JSON.parse(finalStage.find((i) => i.op === 'ENTRYPOINT')!.args)).toEqual(['node', 'emulator/dist/cli.js']);
    expect(existsSync(join(root, 'emulator/src/cli.ts'))).toBe(true);
    // The console's static files are read at run time, so the image must carry them.
    expect(finalStage.some((i) => i.op === 'COPY' && i.args === 'emulator/ui emulator/ui')).toBe(true);
  });
});

describe('docker-compose.yml', () => {
  it('builds the Dockerfile and uses only real COGNITO_EMULATOR_* variables', () => {
    expect(service.build).toBe('.');
    for (const name of Object.keys(service.environment ?? {})) expect(envVars.has(name), `${name} is not a flag's variable`).toBe(true);
  });

  it('publishes the port the emulator listens on', () => {
    const port = effective('COGNITO_EMULATOR_PORT');
    expect(service.ports).toEqual([`${port}:${port}`]);
    expect(effective('COGNITO_EMULATOR_HOST')).toBe('0.0.0.0');
    expect(effective('COGNITO_EMULATOR_PUBLIC_URL')).toBe(`http://localhost:${port}`);
  });

  it('keeps the data file in a named volume', () => {
    const data = effective('COGNITO_EMULATOR_DATA')!;
    const mounts = (service.volumes ?? []).map((spec) => spec.split(':'));
    const dataMount = mounts.find(([, target]) => target === posix.dirname(data));
    expect(dataMount, `a volume at ${posix.dirname(data)}`).toBeDefined();
    expect(Object.keys(compose.volumes ?? {})).toContain(dataMount![0]);
  });

  it('mounts a valid seed file where COGNITO_EMULATOR_SEED points', () => {
    const seedTarget = effective('COGNITO_EMULATOR_SEED');
    const seedMount = (service.volumes ?? []).map((spec) => spec.split(':')).find(([, target]) => target === seedTarget);
    expect(seedMount?.[2]).toBe('ro');
    expect(readSeedFile(join(root, seedMount![0]!)).pools.length).toBeGreaterThan(0);
  });

  it('health-checks with the CLI command, as the Dockerfile does', () => {
    expect(service.healthcheck?.test).toEqual(['CMD', 'node', 'emulator/dist/cli.js', 'healthcheck']);
  });

  it('the CLI started with exactly this environment serves the seed and passes its healthcheck', async () => {
    // The container's paths, mapped onto this machine; a free port instead of the published one.
    const seedSpec = (service.volumes ?? []).map((spec) => spec.split(':')).find(([, target]) => target === serviceEnv.COGNITO_EMULATOR_SEED)!;
    const env: NodeJS.ProcessEnv = {
      ...serviceEnv,
      COGNITO_EMULATOR_DATA: join(directory, posix.basename(serviceEnv.COGNITO_EMULATOR_DATA!)),
      COGNITO_EMULATOR_SEED: join(root, seedSpec[0]!),
      COGNITO_EMULATOR_HOST: '127.0.0.1',
    };
    const port = await freePort();

    const emulator = await spawnEmulator([], { ...env, COGNITO_EMULATOR_PORT: port, COGNITO_EMULATOR_LOG_LEVEL: 'warn' });
    try {
      expect(emulator.url).toBe(`http://127.0.0.1:${port}`);
      const { pools } = (await (await fetch(`${emulator.url}/_emulator/pools`)).json()) as { pools: Array<{ id: string; issuer: string }> };
      expect(pools[0]!.issuer).toBe(`${serviceEnv.COGNITO_EMULATOR_PUBLIC_URL}/${pools[0]!.id}`);
      expect((await runCli(['healthcheck'], { ...env, COGNITO_EMULATOR_PORT: port })).code).toBe(0);
    } finally {
      emulator.process.kill('SIGTERM');
      await emulator.exited;
    }
  });
});

function freePort(): Promise<string> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(String(port)));
    });
  });
}
