#!/usr/bin/env node
/**
 * `cognito-emulator [flags]`: starts the emulator and prints one line with its URL when ready.
 * SIGINT/SIGTERM close it gracefully: in-flight requests finish, then the database closes.
 */
import { ConfigError, configFromCommandLine, helpText } from './config.js';
import { createEmulator } from './emulator.js';

async function main(): Promise<void> {
  let parsed: ReturnType<typeof configFromCommandLine>;
  try {
    parsed = configFromCommandLine(process.argv.slice(2), process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`cognito-emulator: ${error.message}\nRun with --help to see every flag.\n`);
      process.exit(2);
    }
    throw error;
  }
  if (parsed.help) {
    process.stdout.write(`${helpText()}\n`);
    return;
  }
  const { config } = parsed;
  let emulator: Awaited<ReturnType<typeof createEmulator>>;
  try {
    emulator = await createEmulator(config);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason =
      code === 'EADDRINUSE'
        ? `port ${config.port} on ${config.host} is already in use (choose another with --port, or --port 0 for a free one)`
        : code === 'SQLITE_CANTOPEN' || code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT'
          ? `cannot open the data file ${config.dataPath}: ${(error as Error).message}`
          : (error as Error).message;
    process.stderr.write(`cognito-emulator: ${reason}\n`);
    process.exit(1);
  }
  const data = config.dataPath === ':memory:' ? 'in memory' : config.dataPath;
  process.stdout.write(`cognito-emulator listening on ${emulator.url} (data: ${data})\n`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    emulator.services.log.info({ signal }, 'shutting down');
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`cognito-emulator: error while closing: ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

void main();
