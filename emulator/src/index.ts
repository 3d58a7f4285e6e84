export { createEmulator, type RunningEmulator, type CreateEmulatorOptions } from './emulator.js';
export { configFrom, configFromCommandLine, helpText, type EmulatorConfig } from './config.js';
export { startEmulator, type StartEmulatorOptions, type StartedEmulator } from './start-emulator.js';
export { readSeedFile, parseSeed, checkSeed, SeedError } from './seed/read-seed.js';
export { exportSeed } from './seed/export-seed.js';
export type { SeedDocument, SeedPool, SeedClient, SeedGroup, SeedUser, SeededPool } from './seed/seed-document.js';
export type { IssuerStyle, LogFormat } from './config.js';
