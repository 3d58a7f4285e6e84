/**
 * The only reader of process.env and argv. Defaults < COGNITO_EMULATOR_* environment < command-line flags.
 * The result is validated once, frozen and passed down.
 */
import { parseArgs } from 'node:util';

export type PasswordHashing = 'fast' | 'strong';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
/** `local`: iss is `<public url>/<poolId>`; `aws`: iss is `https://cognito-idp.<region>.amazonaws.com/<poolId>`. */
export type IssuerStyle = 'local' | 'aws';
/** `auto`: pretty lines when stdout is a terminal, JSON lines otherwise. */
export type LogFormat = 'auto' | 'json' | 'pretty';

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
  /** A seed file (JSON or YAML) applied at start; undefined for none. */
  readonly seedPath: string | undefined;
  readonly issuerStyle: IssuerStyle;
  /** Serve HTTPS with a self-signed certificate (generated on first start, kept in tlsDir). */
  readonly tls: boolean;
  /** Where the certificate and key live; undefined means `tls/` beside the data file (./.cognito-emulator/tls in memory). */
  readonly tlsDir: string | undefined;
  readonly logFormat: LogFormat;
}

interface FlagSpec {
  readonly key: keyof EmulatorConfig;
  readonly flag: string;
  readonly env: string;
  readonly defaultValue: string | undefined;
  readonly description: string;
  /** A switch (`--tls`), true when given; its environment variable takes true/false/1/0. */
  readonly boolean?: true;
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
  { key: 'logFormat', flag: 'log-format', env: 'COGNITO_EMULATOR_LOG_FORMAT', defaultValue: 'auto', description: "auto (pretty in a terminal, JSON otherwise) | json | pretty" },
  { key: 'seedPath', flag: 'seed', env: 'COGNITO_EMULATOR_SEED', defaultValue: undefined, description: 'Seed file (JSON or YAML) with pools, clients, groups and users to create or update at start' },
  { key: 'issuerStyle', flag: 'issuer-style', env: 'COGNITO_EMULATOR_ISSUER_STYLE', defaultValue: 'local', description: "Token iss: 'local' (<public url>/<poolId>) or 'aws' (https://cognito-idp.<region>.amazonaws.com/<poolId>)" },
  { key: 'tls', flag: 'tls', env: 'COGNITO_EMULATOR_TLS', defaultValue: 'false', description: 'Serve HTTPS with a self-signed certificate made on first start (its path is printed)', boolean: true },
  { key: 'tlsDir', flag: 'tls-dir', env: 'COGNITO_EMULATOR_TLS_DIR', defaultValue: undefined, description: 'Directory of the TLS certificate and key (default: tls/ beside the data file)' },
];

/** Every flag with its environment variable and default, for --help, docs and tests (e.g. the compose file's check). */
export const flagReference = (): ReadonlyArray<{ flag: string; env: string; defaultValue: string | undefined; key: keyof EmulatorConfig }> =>
  flagSpecs.map(({ flag, env, defaultValue, key }) => ({ flag: `--${flag}`, env, defaultValue, key }));

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
  const { values } = parseCommandLine(argv, {}, false);
  return { config: validate(rawSettings(values, env), {}), help: values.help === true };
}

/**
 * What `cognito-emulator [command] [flags]` asks for. Commands other than `serve` share the server's
 * flags and environment (they need --data, --region, ...):
 * - `export [--pool <id>] [--out <file>]`: the data file's state as a seed document (stdout by default);
 * - `import <file>`: applies a seed document to the data file (every entry, as if new or changed);
 * - `healthcheck`: exits 0 when the emulator configured by the same flags/env answers /_emulator/health.
 */
export type Command =
  | { readonly kind: 'serve'; readonly config: EmulatorConfig; readonly help: boolean }
  | { readonly kind: 'export'; readonly config: EmulatorConfig; readonly poolId: string | undefined; readonly outPath: string | undefined }
  | { readonly kind: 'import'; readonly config: EmulatorConfig; readonly inPath: string }
  | { readonly kind: 'healthcheck'; readonly config: EmulatorConfig };

export const commandNames = ['serve', 'export', 'import', 'healthcheck'] as const;

export function commandFromCommandLine(argv: readonly string[], env: NodeJS.ProcessEnv): Command {
  const first = argv[0];
  const name = first !== undefined && !first.startsWith('-') ? first : 'serve';
  const rest = name === first ? argv.slice(1) : argv;
  switch (name) {
    case 'serve':
      return { kind: 'serve', ...configFromCommandLine(rest, env) };
    case 'export': {
      const { values } = parseCommandLine(rest, { pool: { type: 'string' }, out: { type: 'string' } }, false);
      if (values.help === true) return { kind: 'serve', config: validate(rawSettings(values, env), {}), help: true };
      const poolId = typeof values.pool === 'string' ? values.pool : undefined;
      const outPath = typeof values.out === 'string' ? values.out : undefined;
      return { kind: 'export', config: validate(rawSettings(values, env), {}), poolId, outPath };
    }
    case 'import': {
      const { values, positionals } = parseCommandLine(rest, {}, true);
      if (values.help === true) return { kind: 'serve', config: validate(rawSettings(values, env), {}), help: true };
      if (positionals.length !== 1) throw new ConfigError('import takes exactly one seed file: cognito-emulator import <file> [--data <file>]');
      return { kind: 'import', config: validate(rawSettings(values, env), {}), inPath: positionals[0]! };
    }
    case 'healthcheck': {
      const { values } = parseCommandLine(rest, {}, false);
      return { kind: 'healthcheck', config: validate(rawSettings(values, env), {}) };
    }
    default:
      throw new ConfigError(`unknown command "${name}" (commands: ${commandNames.join(', ')})`);
  }
}

type ParsedValues = Record<string, string | boolean | Array<string | boolean> | undefined>;

function parseCommandLine(
  argv: readonly string[],
  extra: Record<string, { type: 'string' | 'boolean' }>,
  allowPositionals: boolean,
): { values: ParsedValues; positionals: string[] } {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = { help: { type: 'boolean', short: 'h' }, ...extra };
  for (const spec of flagSpecs) options[spec.flag] = { type: spec.boolean ? 'boolean' : 'string' };
  try {
    const parsed = parseArgs({ args: [...argv], options, allowPositionals, strict: true });
    return { values: parsed.values as ParsedValues, positionals: parsed.positionals };
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}

/** Each setting as text: the flag when given, else its environment variable, else the default. */
function rawSettings(values: ParsedValues, env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const raw: Record<string, string | undefined> = {};
  for (const spec of flagSpecs) {
    const fromFlag = values[spec.flag];
    raw[spec.key] = typeof fromFlag === 'string' ? fromFlag : fromFlag === true ? 'true' : env[spec.env] ?? spec.defaultValue;
  }
  return raw;
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
  const issuerStyle = overrides.issuerStyle ?? raw.issuerStyle ?? 'local';
  if (issuerStyle !== 'local' && issuerStyle !== 'aws') throw new ConfigError(`--issuer-style must be 'local' or 'aws', got "${issuerStyle}"`);
  const logFormat = overrides.logFormat ?? raw.logFormat ?? 'auto';
  if (logFormat !== 'auto' && logFormat !== 'json' && logFormat !== 'pretty') {
    throw new ConfigError(`--log-format must be 'auto', 'json' or 'pretty', got "${logFormat}"`);
  }
  const tls = overrides.tls ?? parseSwitch('--tls', raw.tls);
  const seedPath = overrides.seedPath ?? (raw.seedPath || undefined);
  const tlsDir = overrides.tlsDir ?? (raw.tlsDir || undefined);
  return Object.freeze({
    host: overrides.host ?? raw.host ?? '127.0.0.1',
    port,
    dataPath,
    region,
    accountId,
    publicUrl: publicUrl?.replace(/\/+$/, ''),
    passwordHashing,
    logLevel,
    seedPath,
    issuerStyle,
    tls,
    tlsDir,
    logFormat,
  });
}

function parseSwitch(flag: string, value: string | undefined): boolean {
  const normalized = (value ?? 'false').toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(normalized)) return true;
  if (['false', '0', 'no', 'off', ''].includes(normalized)) return false;
  throw new ConfigError(`${flag} takes true or false, got "${value}"`);
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
    lines.push(`  --${spec.flag}${spec.boolean ? '' : ' <value>'}`.padEnd(30) + spec.description);
    lines.push(' '.repeat(30) + `env ${spec.env}, default ${spec.defaultValue ?? '(none)'}`);
  }
  lines.push('  -h, --help'.padEnd(30) + 'Show this help and exit');
  lines.push(
    '',
    'Commands (default: serve; each takes the flags above, e.g. --data):',
    '  serve'.padEnd(30) + 'Run the emulator',
    '  export [--pool <id>] [--out <file>]'.padEnd(30) + '\n' + ' '.repeat(30) + 'Write the state (or one pool) as a seed document (JSON; YAML when --out ends in .yaml/.yml)',
    '  import <file>'.padEnd(30) + 'Apply a seed document (JSON or YAML) to the data file',
    '  healthcheck'.padEnd(30) + 'Exit 0 when the emulator configured by the same flags/env answers /_emulator/health',
  );
  return lines.join('\n');
}
