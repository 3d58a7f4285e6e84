/**
 * The command line's helpers: the logger (pretty in a terminal, JSON otherwise), the start-up banner,
 * clear start errors, and the `export` and `import` commands.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { pino, type Logger } from 'pino';
import { toYaml } from './seed/yaml.js';
import type { EmulatorConfig } from './config.js';
import type { RunningEmulator } from './emulator.js';
import { createServices } from './services.js';
import { applySeed } from './seed/apply-seed.js';
import { exportSeed } from './seed/export-seed.js';
import { readSeedFile, SeedError } from './seed/read-seed.js';
import { Store } from './store/store.js';

/** JSON lines, or pino-pretty's one-line-per-request form when stdout is a terminal (or --log-format pretty). */
export async function createCliLogger(config: EmulatorConfig, stdoutIsTerminal: boolean): Promise<Logger> {
  const pretty = config.logFormat === 'pretty' || (config.logFormat === 'auto' && stdoutIsTerminal);
  if (!pretty) return pino({ level: config.logLevel });
  const loaded = await import('pino-pretty');
  // A CommonJS `export =` module: Node puts it on `default`.
  const pinoPretty = (loaded as unknown as { default: typeof loaded }).default;
  return pino(
    { level: config.logLevel },
    pinoPretty({
      colorize: stdoutIsTerminal,
      sync: true,
      translateTime: 'HH:MM:ss.l',
      // The request line's message already says "<operation> <outcome> <ms>ms"; its fields would repeat it.
      ignore: 'pid,hostname,reqId,operation,status,ms,error',
    }),
  );
}

/** Lines printed after the ready line: where things are, and the ids a seed created. */
export function bannerLines(emulator: RunningEmulator): string[] {
  const { config, url, seeded, tls } = emulator;
  const lines = [`  console   ${url}/_emulator/ui`];
  if (tls) {
    lines.push(`  tls       self-signed certificate ${tls.certPath}${tls.created ? ' (made now)' : ''}`);
    lines.push(`            trust it with NODE_EXTRA_CA_CERTS=${tls.certPath}`);
  }
  lines.push(`  issuer    ${config.issuerStyle === 'aws' ? `https://cognito-idp.<region>.amazonaws.com/<poolId> (--issuer-style aws); JWKS at ${url}/<poolId>/.well-known/jwks.json` : `${url}/<poolId>`}`);
  if (config.seedPath !== undefined) lines.push(`  seed      ${config.seedPath}`);
  for (const pool of seeded) {
    lines.push(`  pool      ${pool.id}  ${pool.name}  (${pool.users.length} seeded users, ${pool.groups.length} groups)`);
    for (const client of pool.clients) {
      // The secret itself is not printed: stdout often ends up in logs. DescribeUserPoolClient returns it.
      lines.push(`    client  ${client.id}  ${client.name}${client.secret ? '  (has a secret: DescribeUserPoolClient shows it)' : ''}`);
    }
  }
  return lines;
}

/** A start failure in words a person can act on, and the exit code (2: bad input, 1: environment). */
export function describeStartError(error: unknown, config: EmulatorConfig): { message: string; exitCode: number } {
  if (error instanceof SeedError) return { message: error.message, exitCode: 2 };
  const { code, syscall } = error as { code?: string; syscall?: string };
  const message = (error as Error).message;
  if (code === 'EADDRINUSE') {
    return { message: `port ${config.port} on ${config.host} is already in use (choose another with --port, or --port 0 for a free one)`, exitCode: 1 };
  }
  if (code === 'EACCES' && syscall === 'listen') return { message: `not allowed to listen on port ${config.port} on ${config.host}`, exitCode: 1 };
  if (code === 'EADDRNOTAVAIL') return { message: `cannot listen on ${config.host}: no such local address`, exitCode: 1 };
  const dataFileProblem =
    (code?.startsWith('SQLITE_') ?? false) ||
    ['EACCES', 'EPERM', 'ENOTDIR', 'EISDIR', 'EROFS', 'ENOENT', 'EEXIST'].includes(code ?? '') ||
    /data file was written by a newer/.test(message);
  if (dataFileProblem) {
    return { message: `cannot open the data file ${config.dataPath}: ${message} (choose another with --data, or --data :memory:)`, exitCode: 1 };
  }
  return { message, exitCode: 1 };
}

/** `export`: the state of the data file as a seed document, to --out (YAML for .yaml/.yml) or stdout. */
export function runExport(config: EmulatorConfig, poolId: string | undefined, outPath: string | undefined): void {
  if (config.dataPath !== ':memory:' && !existsSync(config.dataPath)) {
    throw new SeedError(`no data file at ${config.dataPath} (name it with --data)`);
  }
  const store = Store.open(config.dataPath);
  try {
    const document = exportSeed(store, { poolId });
    const yaml = outPath !== undefined && ['.yaml', '.yml'].includes(extname(outPath).toLowerCase());
    const text = yaml ? toYaml(document) : `${JSON.stringify(document, null, 2)}\n`;
    if (outPath === undefined) process.stdout.write(text);
    else writeFileSync(outPath, text, { mode: 0o600 }); // it holds client secrets and password hashes
  } finally {
    store.close();
  }
}

/** `import <file>`: applies every entry of the seed document to the data file. */
export async function runImport(config: EmulatorConfig, inPath: string): Promise<string> {
  const document = readSeedFile(inPath);
  const store = Store.open(config.dataPath);
  try {
    const services = createServices(config, store, pino({ level: 'silent' }));
    const pools = await applySeed(services, document, { force: true });
    return `imported ${inPath} into ${config.dataPath}: ${pools.map((pool) => `${pool.id} (${pool.clients.length} clients, ${pool.groups.length} groups, ${pool.users.length} users)`).join(', ') || 'no pools'}`;
  } finally {
    store.close();
  }
}
