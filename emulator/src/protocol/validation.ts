/**
 * Checks an operation's input against its schema and answers as AWS's model validation does:
 * `InvalidParameterException: 1 validation error detected: Value at 'username' failed to satisfy
 * constraint: Member must have length less than or equal to 128`. A value of the wrong JSON type is a
 * SerializationException, as the AWS JSON protocol reports it.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { TSchema } from '@sinclair/typebox';
import { CognitoError } from '../errors.js';

// validateSchema off: the schemas are built by TypeBox, and checking them against the JSON Schema
// meta-schema cost ~50 ms on the first request (part of the emulator's cold start).
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: true, coerceTypes: false, useDefaults: false, validateSchema: false });
// Annotation only: the pattern AWS names in its message when ours is written differently.
ajv.addKeyword({ keyword: 'awsPattern', schemaType: 'string' });

const compiled = new WeakMap<TSchema, ValidateFunction>();

export function validateInput(schema: TSchema, input: unknown): void {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  if (validate(input)) return;
  const errors = validate.errors ?? [];
  const typeError = errors.find((error) => error.keyword === 'type');
  if (typeError) {
    throw new CognitoError(
      'SerializationException',
      `Unexpected value type at '${memberPath(typeError.instancePath)}': expected ${String(typeError.params.type)}`, // wording invented
    );
  }
  const messages = [...new Set(errors.map(describe).filter((message): message is string => message !== undefined))];
  if (messages.length === 0) throw new CognitoError('InvalidParameterException', 'Invalid input.');
  const count = messages.length === 1 ? '1 validation error detected' : `${messages.length} validation errors detected`;
  throw new CognitoError('InvalidParameterException', `${count}: ${messages.join('; ')}`);
}

/** `/UserAttributes/0/Name` becomes `userAttributes.1.member.name`, AWS's way of naming a member. */
function memberPath(instancePath: string, child?: string): string {
  const parts = instancePath.split('/').filter(Boolean);
  if (child !== undefined) parts.push(child);
  return parts
    .map((part) => (/^\d+$/.test(part) ? `${Number(part) + 1}.member` : part.charAt(0).toLowerCase() + part.slice(1)))
    .join('.');
}

function describe(error: ErrorObject): string | undefined {
  const at = `Value at '${memberPath(error.instancePath)}' failed to satisfy constraint: Member must`;
  switch (error.keyword) {
    case 'required':
      return `Value null at '${memberPath(error.instancePath, String(error.params.missingProperty))}' failed to satisfy constraint: Member must not be null`;
    case 'maxLength':
    case 'maxItems':
    case 'maxProperties':
      return `${at} have length less than or equal to ${String(error.params.limit)}`;
    case 'minLength':
    case 'minItems':
    case 'minProperties':
      return `${at} have length greater than or equal to ${String(error.params.limit)}`;
    case 'maximum':
      return `${at} have value less than or equal to ${String(error.params.limit)}`;
    case 'minimum':
      return `${at} have value greater than or equal to ${String(error.params.limit)}`;
    case 'pattern': {
      const shown = (error.parentSchema as { awsPattern?: string } | undefined)?.awsPattern ?? String(error.params.pattern).replace(/^\^\(\?:(.*)\)\$$/, '$1');
      return `${at} satisfy regular expression pattern: ${shown}`;
    }
    case 'enum':
      return `${at} satisfy enum value set: [${(error.params.allowedValues as unknown[]).join(', ')}]`;
    case 'anyOf':
    case 'const':
      return undefined; // the branch errors already say what is wrong
    default:
      return `${at} be valid (${error.message ?? error.keyword})`;
  }
}
