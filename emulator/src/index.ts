export { createEmulator, type RunningEmulator, type CreateEmulatorOptions } from './emulator.js';
export { configFrom, configFromCommandLine, helpText, type EmulatorConfig } from './config.js';
