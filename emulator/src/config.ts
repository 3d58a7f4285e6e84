/**
 * The only reader of process.env and argv. Defaults < COGNITO_EMULATOR_* environment < command-line flags.
 * The result is validated once, frozen and passed down.
 */
import { parseArgs } from 'node:util';

export type PasswordHashing = 'fast' | 'strong';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface EmulatorConfig {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** A SQLite file path, or ':memory:'. */
  readonly dataPath: string;
  readonly region: string;
  /** Account id used in pool ARNs. */
  readonly accountId: string;
  /** Base URL of token issuers and the JWKS; undefined means "the address the emulator listens on". */
  readonly publicUrl: string | undefined;
  readonly passwordHashing: PasswordHashing;
  readonly logLevel: LogLevel;
}

interface FlagSpec {
  readonly key: keyof EmulatorConfig;
  readonly flag: string;
  readonly env: string;
  readonly defaultValue: string | undefined;
  readonly description: string;
}

const flagSpecs: readonly FlagSpec[] = [
  { key: 'port', flag: 'port', env: 'COGNITO_EMULATOR_PORT', defaultValue: '9329', description: 'TCP port to listen on (0 picks a free one)' },
  { key: 'host', flag: 'host', env: 'COGNITO_EMULATOR_HOST', defaultValue: '127.0.0.1', description: 'Interface to listen on (0.0.0.0 for all)' },
  { key: 'dataPath', flag: 'data', env: 'COGNITO_EMULATOR_DATA', defaultValue: './.cognito-emulator/emulator.db', description: "SQLite file holding all state, or ':memory:' for a throwaway run" },
  { key: 'region', flag: 'region', env: 'COGNITO_EMULATOR_REGION', defaultValue: 'us-east-1', description: 'Region used in pool ids and ARNs' },
  { key: 'accountId', flag: 'account-id', env: 'COGNITO_EMULATOR_ACCOUNT_ID', defaultValue: '000000000000', description: 'AWS account id used in pool ARNs' },
  { key: 'publicUrl', flag: 'public-url', env: 'COGNITO_EMULATOR_PUBLIC_URL', defaultValue: undefined, description: 'Base URL put in token issuers (default: http://<host>:<port>)' },
  { key: 'passwordHashing', flag: 'password-hashing', env: 'COGNITO_EMULATOR_PASSWORD_HASHING', defaultValue: 'fast', description: "argon2id cost: 'fast' (emulator default, a few ms) or 'strong' (production-strength)" },
  { key: 'logLevel', flag: 'log-level', env: 'COGNITO_EMULATOR_LOG_LEVEL', defaultValue: 'info', description: 'fatal | error | warn | info | debug | trace | silent' },
];

export class ConfigError extends Error {}

const logLevels: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Builds the configuration from programmatic overrides only (for in-process use and tests). */
export function configFrom(overrides: Partial<EmulatorConfig> = {}): EmulatorConfig {
  const raw: Record<string, string | undefined> = {};
  for (const spec of flagSpecs) raw[spec.key] = spec.defaultValue;
  return validate(raw, overrides);
}

/** Builds the configuration of the command line: defaults, then the environment, then flags. */
export function configFromCommandLine(argv: readonly string[], env: NodeJS.ProcessEnv): { config: EmulatorConfig; help: boolean } {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = { help: { type: 'boolean', short: 'h' } };
  for (const spec of flagSpecs) options[spec.flag] = { type: 'string' };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: false, strict: true });
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  const raw: Record<string, string | undefined> = {};
  for (const spec of flagSpecs) {
    const fromFlag = parsed.values[spec.flag];
    raw[spec.key] = typeof fromFlag === 'string' ? fromFlag : env[spec.env] ?? spec.defaultValue;
  }
  return { config: validate(raw, {}), help: parsed.values.help === true };
}

function validate(raw: Record<string, string | undefined>, overrides: Partial<EmulatorConfig>): EmulatorConfig {
  const port = overrides.port ?? Number(raw.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`--port must be an integer 0..65535, got "${raw.port}"`);
  const passwordHashing = overrides.passwordHashing ?? raw.passwordHashing;
  if (passwordHashing !== 'fast' && passwordHashing !== 'strong') {
    throw new ConfigError(`--password-hashing must be 'fast' or 'strong', got "${passwordHashing}"`);
  }
  const logLevel = (overrides.logLevel ?? raw.logLevel) as LogLevel;
  if (!logLevels.includes(logLevel)) throw new ConfigError(`--log-level must be one of ${logLevels.join(', ')}, got "${logLevel}"`);
  const region = overrides.region ?? raw.region ?? '';
  if (!/^[a-z]{2}(-gov)?-[a-z]+-\d$/.test(region)) throw new ConfigError(`--region must look like us-east-1, got "${region}"`);
  const accountId = overrides.accountId ?? raw.accountId ?? '';
  if (!/^\d{12}$/.test(accountId)) throw new ConfigError(`--account-id must be 12 digits, got "${accountId}"`);
  const publicUrl = overrides.publicUrl ?? raw.publicUrl;
  if (publicUrl !== undefined) {
    try {
      new URL(publicUrl);
    } catch {
      throw new ConfigError(`--public-url must be an absolute URL, got "${publicUrl}"`);
    }
  }
  const dataPath = overrides.dataPath ?? raw.dataPath ?? ':memory:';
  if (dataPath === '') throw new ConfigError('--data must be a file path or :memory:');
  return Object.freeze({
    host: overrides.host ?? raw.host ?? '127.0.0.1',
    port,
    dataPath,
    region,
    accountId,
    publicUrl: publicUrl?.replace(/\/+$/, ''),
    passwordHashing,
    logLevel,
  });
}

export function helpText(): string {
  const lines = [
    'cognito-emulator: a local, offline, wire-compatible emulator of Amazon Cognito User Pools',
    '',
    'Usage: cognito-emulator [flags]      (from the repository: npm start -- [flags])',
    '',
    'Flags (each can also be set through its environment variable; flags win):',
  ];
  for (const spec of flagSpecs) {
    lines.push(`  --${spec.flag} <value>`.padEnd(30) + spec.description);
    lines.push(' '.repeat(30) + `env ${spec.env}, default ${spec.defaultValue ?? '(none)'}`);
  }
  lines.push('  -h, --help'.padEnd(30) + 'Show this help and exit');
  return lines.join('\n');
}
