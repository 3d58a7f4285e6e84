/**
 * User attributes: checking them against the pool's schema, and the shapes Cognito returns them in
 * (the `[{Name, Value}]` wire list with `sub` first, and typed ID-token claims).
 */
import type { AttributeType, CodeDeliveryDetailsType } from '@aws-sdk/client-cognito-identity-provider';
import { fail } from '../errors.js';
import type { UserPoolSettings } from './user-pool-settings.js';

export type AttributeMap = Record<string, string>;

function schemaProblem(name: string, reason: string): never {
  return fail('InvalidParameterException', `Attributes did not conform to the schema: ${name}: ${reason}`);
}

// Loose on purpose: Cognito's own email check accepts most addresses with one @ and a dotted domain.
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const phonePattern = /^\+[0-9]{4,15}$/;

/** Turns the wire list into a map, checking each name and value against the schema. Later duplicates win. */
export function attributesFromWire(settings: UserPoolSettings, list: readonly AttributeType[] | undefined): AttributeMap {
  const schema = new Map((settings.SchemaAttributes ?? []).map((attribute) => [attribute.Name, attribute]));
  const attributes: AttributeMap = {};
  for (const { Name: name = '', Value: value = '' } of list ?? []) {
    const definition = schema.get(name);
    if (!definition || name === 'sub') schemaProblem(name, 'Attribute does not exist in the schema.');
    const maxLength = Number(definition.StringAttributeConstraints?.MaxLength ?? 2048);
    const minLength = Number(definition.StringAttributeConstraints?.MinLength ?? 0);
    if (definition.AttributeDataType === 'String' && value !== '' && (value.length > maxLength || value.length < minLength)) {
      schemaProblem(name, `String must be no fewer than ${minLength} and no more than ${maxLength} characters`); // wording invented
    }
    if (definition.AttributeDataType === 'Boolean' && value !== 'true' && value !== 'false') {
      schemaProblem(name, 'Attribute value must be a boolean.'); // wording invented
    }
    if (definition.AttributeDataType === 'Number' && value !== '' && !Number.isFinite(Number(value))) {
      schemaProblem(name, 'Attribute value must be a number.'); // wording invented
    }
    if (name === 'email' && value !== '' && !emailPattern.test(value)) fail('InvalidParameterException', 'Invalid email address format.');
    if (name === 'phone_number' && value !== '' && !phonePattern.test(value)) fail('InvalidParameterException', 'Invalid phone number format.');
    attributes[name] = value;
  }
  return attributes;
}

/** Every attribute the schema marks required must be present and non-empty. */
export function checkRequiredAttributes(settings: UserPoolSettings, attributes: AttributeMap): void {
  for (const definition of settings.SchemaAttributes ?? []) {
    const name = definition.Name ?? '';
    if (definition.Required && name !== 'sub' && !attributes[name]) schemaProblem(name, 'The attribute is required');
  }
}

/** The wire list: `sub` first, then the rest in the order they were set. */
export function attributesToWire(sub: string, attributes: Readonly<AttributeMap>, only?: ReadonlySet<string>): AttributeType[] {
  const list: AttributeType[] = [{ Name: 'sub', Value: sub }];
  for (const [name, value] of Object.entries(attributes)) {
    if (!only || only.has(name)) list.push({ Name: name, Value: value });
  }
  return list;
}

/** Attribute values typed as ID-token claims: verified flags as booleans, updated_at as a number, address as an OIDC object. */
export function attributesAsClaims(attributes: Readonly<AttributeMap>, readable: ReadonlySet<string> | undefined): Record<string, unknown> {
  const claims: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (readable && !readable.has(name)) continue;
    if (name.startsWith('dev:')) continue; // developer-only attributes never reach tokens
    if (name === 'email_verified' || name === 'phone_number_verified') claims[name] = value === 'true';
    else if (name === 'updated_at' && Number.isFinite(Number(value))) claims[name] = Number(value);
    else if (name === 'address') claims[name] = { formatted: value };
    else claims[name] = value; // custom attributes are always strings in tokens
  }
  return claims;
}

/** How Cognito shows where a code went: `b***@g***` for an email, `+*******1212` for a phone. */
export function maskDestination(destination: string): string {
  const at = destination.indexOf('@');
  if (at > 0) return `${destination[0]}***@${destination[at + 1] ?? ''}***`;
  return `+${'*'.repeat(Math.max(0, destination.length - 5))}${destination.slice(-4)}`;
}

/**
 * Under PreventUserExistenceErrors, a code "sent" to an account that does not exist (or cannot receive it):
 * a plausible CodeDeliveryDetails derived from the name typed, and no message.
 */
export function simulatedCodeDelivery(name: string): { CodeDeliveryDetails: CodeDeliveryDetailsType } {
  const looksLikeEmail = name.includes('@');
  return {
    CodeDeliveryDetails: {
      Destination: maskDestination(looksLikeEmail ? name : '+10000000000'),
      DeliveryMedium: looksLikeEmail ? 'EMAIL' : 'SMS',
      AttributeName: looksLikeEmail ? 'email' : 'phone_number',
    },
  };
}
