#!/usr/bin/env node
/**
 * `cognito-emulator [flags]`: starts the emulator and prints one line with its URL when ready.
 * SIGINT/SIGTERM close it gracefully: in-flight requests finish, then the database closes.
 */
import { commandFromCommandLine, ConfigError, helpText, type Command } from './config.js';
import type { RunningEmulator } from './emulator.js';
import { runHealthcheck } from './healthcheck.js';

// The server's modules load only when needed, so --help and the Docker healthcheck start fast.
const loadServer = () => Promise.all([import('./emulator.js'), import('./cli-support.js')]);

async function main(): Promise<void> {
  let parsed: Command;
  try {
    parsed = commandFromCommandLine(process.argv.slice(2), process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`cognito-emulator: ${error.message}\nRun with --help to see every flag.\n`);
      process.exit(2);
    }
    throw error;
  }
  if (parsed.kind === 'serve' && parsed.help) {
    process.stdout.write(`${helpText()}\n`);
    return;
  }
  const { config } = parsed;
  if (parsed.kind === 'healthcheck') process.exit((await runHealthcheck(config)) ? 0 : 1);
  const [{ createEmulator }, { bannerLines, createCliLogger, describeStartError, runExport, runImport }] = await loadServer();
  if (parsed.kind !== 'serve') {
    try {
      if (parsed.kind === 'export') runExport(config, parsed.poolId, parsed.outPath);
      if (parsed.kind === 'import') process.stdout.write(`${await runImport(config, parsed.inPath)}\n`);
      return;
    } catch (error) {
      const { message, exitCode } = describeStartError(error, config);
      process.stderr.write(`cognito-emulator: ${message}\n`);
      process.exit(exitCode);
    }
  }
  let emulator: RunningEmulator;
  try {
    emulator = await createEmulator(config, { logger: await createCliLogger(config, process.stdout.isTTY === true) });
  } catch (error) {
    const { message, exitCode } = describeStartError(error, config);
    process.stderr.write(`cognito-emulator: ${message}\n`);
    process.exit(exitCode);
  }
  const data = config.dataPath === ':memory:' ? 'in memory' : config.dataPath;
  // Tools and tests parse this first line; keep it exactly so. The banner follows (not with --log-level silent).
  process.stdout.write(`cognito-emulator listening on ${emulator.url} (data: ${data})\n`);
  if (config.logLevel !== 'silent') process.stdout.write(`${bannerLines(emulator).join('\n')}\n`);

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
