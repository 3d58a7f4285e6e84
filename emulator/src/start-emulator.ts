/**
 * startEmulator(options): the one-line start for test runners (a vitest or jest globalSetup). Same server
 * as the CLI, with test-friendly defaults: a free port, an in-memory store, warnings-only logging.
 */
import type { Logger } from 'pino';
import { configFrom, type EmulatorConfig } from './config.js';
import { createEmulator, type RunningEmulator } from './emulator.js';
import { checkSeed } from './seed/read-seed.js';
import type { SeedDocument, SeededPool } from './seed/seed-document.js';

export interface StartEmulatorOptions extends Partial<Omit<EmulatorConfig, 'seedPath'>> {
  /** A seed file (JSON or YAML) or a seed document, applied before the emulator answers. */
  readonly seed?: string | SeedDocument;
  /** A pino logger; by default JSON on stdout at `logLevel`. */
  readonly logger?: Logger;
}

export interface StartedEmulator extends RunningEmulator {
  /** The `iss` of a pool's tokens (depends on issuerStyle). */
  issuerFor(userPoolId: string): string;
  /** Where this emulator serves the pool's JWKS. */
  jwksUriFor(userPoolId: string): string;
  /** A seeded pool by id or name; throws when the seed has none such. */
  pool(idOrName: string): SeededPool;
}

export async function startEmulator(options: StartEmulatorOptions = {}): Promise<StartedEmulator> {
  const { seed, logger, ...overrides } = options;
  const config = configFrom({
    port: 0,
    dataPath: ':memory:',
    logLevel: 'warn',
    ...overrides,
    ...(typeof seed === 'string' && { seedPath: seed }),
  });
  const emulator = await createEmulator(config, {
    ...(logger && { logger }),
    ...(seed !== undefined && typeof seed !== 'string' && { seed: checkSeed(seed, 'the seed option') }),
  });
  return {
    ...emulator,
    close: () => emulator.close(),
    issuerFor: (userPoolId) => emulator.services.issuerFor(userPoolId),
    jwksUriFor: (userPoolId) => emulator.services.jwksUriFor(userPoolId),
    pool(idOrName) {
      const found = emulator.seeded.find((pool) => pool.id === idOrName || pool.name === idOrName);
      if (!found) throw new Error(`The seed has no pool ${idOrName} (seeded: ${emulator.seeded.map((pool) => pool.id).join(', ') || 'none'})`);
      return found;
    },
  };
}
