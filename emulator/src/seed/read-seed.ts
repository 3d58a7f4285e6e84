/**
 * Reading and checking a seed document before anything is written: the structure (our schema), each
 * `settings` object against the operation's own constraint table and Cognito rules, and the users against
 * their pool's schema and password policy. Every problem names the field, e.g.
 * `pools[0].users[1].password: Password did not conform with policy: Password not long enough`.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { Type, type TObject } from '@sinclair/typebox';
import type { CreateUserPoolClientRequest, CreateUserPoolRequest } from '@aws-sdk/client-cognito-identity-provider';
import { parseYaml } from './yaml.js';
import { settingsFromCreateRequest as appClientSettingsFrom, type AppClientSettings } from '../domain/app-client-settings.js';
import { attributesFromWire, checkRequiredAttributes } from '../domain/attributes.js';
import { checkPasswordPolicy } from '../domain/password-policy.js';
import { usernameAttributeFor } from '../domain/sign-in-names.js';
import { passwordPolicyOf, settingsFromCreateRequest as userPoolSettingsFrom, type UserPoolSettings } from '../domain/user-pool-settings.js';
import { CognitoError } from '../errors.js';
import { CreateUserPool } from '../operations/create-user-pool.js';
import { CreateUserPoolClient } from '../operations/create-user-pool-client.js';
import { validateInput } from '../protocol/validation.js';
import type { UserPoolRecord } from '../store/user-pools.js';
import { appClientSettingNames, SeedDocumentSchema, userPoolSettingNames, type SeedDocument, type SeedPool, type SeedUser } from './seed-document.js';

/** A seed that cannot be applied; the message names the source and the field. */
export class SeedError extends Error {
  override readonly name = 'SeedError';
}

// Compiled on first use: compiling at import cost every start ~60 ms, seed or not (bench/README.md).
let compiled: ReturnType<Ajv['compile']> | undefined;
const documentValidator = () => (compiled ??= new Ajv({ allErrors: true, strict: false, unicodeRegExp: true }).compile(SeedDocumentSchema));

// The operations' own input schemas, without the members the seed spells as its own keys.
const poolSettingsSchema = Type.Omit(CreateUserPool.input as TObject, ['PoolName']);
const clientSettingsSchema = Type.Omit(CreateUserPoolClient.input as TObject, ['UserPoolId', 'ClientName', 'GenerateSecret', 'ClientSecret']);

/** Reads a seed file (`.yaml`/`.yml` as YAML, anything else as JSON) and checks it. */
export function readSeedFile(path: string): SeedDocument {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new SeedError(`cannot read the seed file ${path}: ${(error as Error).message}`);
  }
  return parseSeed(text, path);
}

/** Parses seed text; YAML when `source` ends in .yaml/.yml, JSON otherwise. */
export function parseSeed(text: string, source: string): SeedDocument {
  const yaml = ['.yaml', '.yml'].includes(extname(source).toLowerCase());
  let value: unknown;
  try {
    value = yaml ? parseYaml(text, { prettyErrors: true }) : JSON.parse(text);
  } catch (error) {
    throw new SeedError(`invalid seed ${source}: not valid ${yaml ? 'YAML' : 'JSON'}: ${(error as Error).message}`);
  }
  return checkSeed(value, source);
}

/** Checks a parsed seed document; throws SeedError listing the problems, each with its field. */
export function checkSeed(value: unknown, source = 'seed'): SeedDocument {
  const validateDocument = documentValidator();
  if (!validateDocument(value)) {
    throw new SeedError(`invalid seed ${source}:\n${describeErrors(validateDocument.errors ?? []).map((line) => `  - ${line}`).join('\n')}`);
  }
  const document = value as SeedDocument;
  const problems: string[] = [];
  const poolIds = new Set<string>();
  const clientIds = new Set<string>();
  document.pools.forEach((pool, p) => {
    const at = `pools[${p}]`;
    if (poolIds.has(pool.id)) problems.push(`${at}.id: pool ${pool.id} is declared twice`);
    poolIds.add(pool.id);
    const settings = collect(problems, () => userPoolSettingsOf(pool), `${at}.settings`);
    (pool.clients ?? []).forEach((client, c) => {
      const clientAt = `${at}.clients[${c}]`;
      if (clientIds.has(client.id)) problems.push(`${clientAt}.id: client ${client.id} is declared twice`);
      clientIds.add(client.id);
      if (client.secret !== undefined && client.generateSecret) problems.push(`${clientAt}: give either secret or generateSecret, not both`);
      collect(problems, () => appClientSettingsOf(client.settings), `${clientAt}.settings`);
    });
    const groupNames = new Set<string>();
    (pool.groups ?? []).forEach((group, g) => {
      if (groupNames.has(group.name)) problems.push(`${at}.groups[${g}].name: group ${group.name} is declared twice`);
      groupNames.add(group.name);
    });
    const usernames = new Set<string>();
    (pool.users ?? []).forEach((user, u) => {
      const userAt = `${at}.users[${u}]`;
      if (usernames.has(user.username)) problems.push(`${userAt}.username: user ${user.username} is declared twice`);
      usernames.add(user.username);
      if ((user.password === undefined) === (user.credentials === undefined)) problems.push(`${userAt}: give a password (or, as export writes, credentials), exactly one`);
      if (settings) checkUser(problems, pool, settings, user, userAt);
    });
  });
  if (problems.length > 0) throw new SeedError(`invalid seed ${source}:\n${problems.map((line) => `  - ${line}`).join('\n')}`);
  return document;
}

/** The pool's settings as CreateUserPool would store them. */
export function userPoolSettingsOf(pool: SeedPool): UserPoolSettings {
  const settings = pool.settings ?? {};
  const unknown = Object.keys(settings).find((key) => !userPoolSettingNames.has(key));
  if (unknown) throw new CognitoError('InvalidParameterException', `unknown setting "${unknown}" (CreateUserPool member names, AWS casing)`);
  validateInput(poolSettingsSchema, settings);
  return userPoolSettingsFrom({ ...(settings as Partial<CreateUserPoolRequest>), PoolName: pool.name });
}

/** The client's settings as CreateUserPoolClient would store them. */
export function appClientSettingsOf(settings: Record<string, unknown> = {}): AppClientSettings {
  const unknown = Object.keys(settings).find((key) => !appClientSettingNames.has(key));
  if (unknown) throw new CognitoError('InvalidParameterException', `unknown setting "${unknown}" (CreateUserPoolClient member names, AWS casing)`);
  validateInput(clientSettingsSchema, settings);
  return appClientSettingsFrom(settings as unknown as CreateUserPoolClientRequest);
}

/** Attribute values as Cognito keeps them: strings ("true", "42"). */
export const attributeStrings = (user: SeedUser): Record<string, string> =>
  Object.fromEntries(Object.entries(user.attributes ?? {}).map(([name, value]) => [name, String(value)]));

function checkUser(problems: string[], pool: SeedPool, settings: UserPoolSettings, user: SeedUser, at: string): void {
  const record = poolRecordFor(pool, settings);
  const attributes = collect(
    problems,
    () => attributesFromWire(settings, Object.entries(attributeStrings(user)).map(([Name, Value]) => ({ Name, Value }))),
    `${at}.attributes`,
  );
  const nameAttribute = collect(problems, () => usernameAttributeFor(record, user.username) ?? null, `${at}.username`);
  if (attributes && nameAttribute !== undefined) {
    if (nameAttribute) attributes[nameAttribute] = user.username;
    collect(problems, () => checkRequiredAttributes(settings, attributes), `${at}.attributes`);
  }
  if (user.password !== undefined) collect(problems, () => checkPasswordPolicy(user.password!, passwordPolicyOf(settings)), `${at}.password`);
}

/** The few fields of a pool record the domain rules read, for checks made before the pool exists. */
export const poolRecordFor = (pool: SeedPool, settings: UserPoolSettings): UserPoolRecord => ({
  id: pool.id,
  name: pool.name,
  settings,
  serverSecret: Buffer.alloc(0),
  createdAt: 0,
  updatedAt: 0,
});

/** Runs a Cognito rule; its failure becomes a problem at `at` (undefined is returned then). */
function collect<T>(problems: string[], check: () => T, at: string): T | undefined {
  try {
    return check();
  } catch (error) {
    if (error instanceof CognitoError) {
      problems.push(`${at}: ${error.message}`);
      return undefined;
    }
    throw error;
  }
}

/** `/pools/0/clients/1/id` -> `pools[0].clients[1].id`. */
const fieldPath = (instancePath: string, child?: string): string =>
  [...instancePath.split('/').filter(Boolean), ...(child === undefined ? [] : [child])]
    .map((part, index) => (/^\d+$/.test(part) ? `[${part}]` : `${index === 0 ? '' : '.'}${part}`))
    .join('') || '(document)';

const hints: Record<string, string> = {
  '^[a-z]{2}(-gov)?-[a-z]+-\\d_[0-9a-zA-Z]+$': 'must look like <region>_<alphanumerics>, e.g. us-east-1_Example01',
  '^[\\w+]+$': 'may hold only letters, digits, _ and +',
  '^\\S+$': 'must not contain whitespace',
};

function describeErrors(errors: readonly ErrorObject[]): string[] {
  // A failed union reports each branch too; keep only the union's own line for that field.
  const unionPaths = new Set(errors.filter((error) => error.keyword === 'anyOf').map((error) => error.instancePath));
  const lines = errors
    .filter((error) => error.keyword === 'anyOf' || !unionPaths.has(error.instancePath))
    .map((error) => {
      switch (error.keyword) {
        case 'additionalProperties':
          return `${fieldPath(error.instancePath, String(error.params.additionalProperty))}: unknown field`;
        case 'required':
          return `${fieldPath(error.instancePath, String(error.params.missingProperty))}: is required`;
        case 'pattern':
          return `${fieldPath(error.instancePath)}: ${hints[String(error.params.pattern)] ?? `must match ${String(error.params.pattern)}`}`;
        case 'anyOf':
          return `${fieldPath(error.instancePath)}: must be one of the allowed values${describeUnion(error)}`;
        case 'const':
          return `${fieldPath(error.instancePath)}: must be ${JSON.stringify(error.params.allowedValue)}`;
        default:
          return `${fieldPath(error.instancePath)}: ${error.message ?? error.keyword}`;
      }
    });
  return [...new Set(lines)].slice(0, 10);
}

function describeUnion(error: ErrorObject): string {
  const branches = (error.schema as Array<{ const?: unknown; type?: string }> | undefined) ?? [];
  const values = branches.map((branch) => (branch.const !== undefined ? JSON.stringify(branch.const) : branch.type)).filter(Boolean);
  return values.length ? ` (${values.join(', ')})` : '';
}
