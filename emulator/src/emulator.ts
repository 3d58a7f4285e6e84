/**
 * createEmulator(config): opens the store, builds the app, listens, and returns its URL and a close().
 */
import { pino, type Logger } from 'pino';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { configFrom, type EmulatorConfig } from './config.js';
import { createServices, type ServicesHandle } from './services.js';
import { Store } from './store/store.js';
import { dirname, join } from 'node:path';
import { applySeed } from './seed/apply-seed.js';
import { readSeedFile } from './seed/read-seed.js';
import type { SeedDocument, SeededPool } from './seed/seed-document.js';
import { ensureSelfSignedCertificate } from './tls/self-signed-certificate.js';

export interface RunningEmulator {
  /** e.g. http://127.0.0.1:9329 */
  readonly url: string;
  readonly port: number;
  readonly config: EmulatorConfig;
  readonly services: ServicesHandle;
  readonly app: FastifyInstance;
  /** What the seed (--seed or the `seed` option) left in place: pool, client (with secret), group and user names. */
  readonly seeded: readonly SeededPool[];
  /** With --tls: where the self-signed certificate is (trust it with NODE_EXTRA_CA_CERTS=<certPath>). */
  readonly tls: { readonly certPath: string; readonly keyPath: string; readonly created: boolean } | undefined;
  /** Stops accepting connections, lets in-flight requests finish, closes the database. */
  close(): Promise<void>;
}

export interface CreateEmulatorOptions {
  /** A pino logger; by default one writing JSON to stdout at the configured level. */
  readonly logger?: Logger;
  /** A seed document to apply at start, instead of (or before listening, like) config.seedPath. */
  readonly seed?: SeedDocument;
}

export async function createEmulator(config: EmulatorConfig = configFrom(), options: CreateEmulatorOptions = {}): Promise<RunningEmulator> {
  const logger = options.logger ?? pino({ level: config.logLevel });
  // An invalid seed fails before the data file is touched.
  const seed = options.seed ?? (config.seedPath === undefined ? undefined : readSeedFile(config.seedPath));
  const tls = config.tls ? certificate(config) : undefined;
  const store = Store.open(config.dataPath);
  const services = createServices(config, store, logger);
  let app: FastifyInstance;
  let seeded: readonly SeededPool[] = [];
  try {
    if (seed) seeded = await applySeed(services, seed);
    app = await buildApp(services, { logger, https: tls });
    // Fastify announces "Server listening" at info; the CLI's own ready line must be the first on stdout.
    const level = app.log.level;
    if (['info', 'debug', 'trace'].includes(level)) app.log.level = 'warn';
    try {
      await app.listen({ host: config.host, port: config.port });
    } finally {
      app.log.level = level;
    }
  } catch (error) {
    store.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `${tls ? 'https' : 'http'}://${shownHost}:${port}`;
  services.setBaseUrl(url);
  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    config,
    services,
    app,
    seeded,
    tls: tls && { certPath: tls.certPath, keyPath: tls.keyPath, created: tls.created },
    close() {
      closing ??= app.close().finally(() => store.close());
      return closing;
    },
  };
}

function certificate(config: EmulatorConfig): ReturnType<typeof ensureSelfSignedCertificate> {
  const directory = tlsDirectory(config);
  try {
    return ensureSelfSignedCertificate(directory, tlsHostnames(config));
  } catch (error) {
    // Without the fs error's code, so it is not mistaken for a data-file problem.
    throw new Error(`cannot use the TLS directory ${directory} (choose another with --tls-dir): ${(error as Error).message}`);
  }
}

/** --tls-dir, else tls/ beside the data file (./.cognito-emulator/tls for an in-memory store). */
function tlsDirectory(config: EmulatorConfig): string {
  if (config.tlsDir !== undefined) return config.tlsDir;
  return config.dataPath === ':memory:' ? join('.cognito-emulator', 'tls') : join(dirname(config.dataPath), 'tls');
}

/** The names clients may reach the emulator by: the listen host and the public URL's host. */
function tlsHostnames(config: EmulatorConfig): string[] {
  const names = [config.host];
  if (config.publicUrl !== undefined) names.push(new URL(config.publicUrl).hostname.replace(/^\[|\]$/g, ''));
  return names;
}
