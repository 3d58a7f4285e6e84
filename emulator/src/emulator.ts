/**
 * createEmulator(config): opens the store, builds the app, listens, and returns its URL and a close().
 */
import { pino, type Logger } from 'pino';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { configFrom, type EmulatorConfig } from './config.js';
import { createServices, type ServicesHandle } from './services.js';
import { Store } from './store/store.js';

export interface RunningEmulator {
  /** e.g. http://127.0.0.1:9329 */
  readonly url: string;
  readonly port: number;
  readonly config: EmulatorConfig;
  readonly services: ServicesHandle;
  readonly app: FastifyInstance;
  /** Stops accepting connections, lets in-flight requests finish, closes the database. */
  close(): Promise<void>;
}

export interface CreateEmulatorOptions {
  /** A pino logger; by default one writing JSON to stdout at the configured level. */
  readonly logger?: Logger;
}

export async function createEmulator(config: EmulatorConfig = configFrom(), options: CreateEmulatorOptions = {}): Promise<RunningEmulator> {
  const logger = options.logger ?? pino({ level: config.logLevel });
  const store = Store.open(config.dataPath);
  const services = createServices(config, store, logger);
  let app: FastifyInstance;
  try {
    app = await buildApp(services, { logger });
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    store.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${shownHost}:${port}`;
  services.setBaseUrl(url);
  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    config,
    services,
    app,
    close() {
      closing ??= app.close().finally(() => store.close());
      return closing;
    },
  };
}
