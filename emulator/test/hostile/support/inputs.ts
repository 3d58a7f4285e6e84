/**
 * Inputs for fuzzing operations, derived from each operation's own input schema (so operations added to
 * the registry are covered without touching the tests):
 * - `plausibleInput`: well-typed values, often the real ids, names and tokens of a fixture pool, so that
 *   the fuzzing gets past validation into the operation's rules and store;
 * - `hostileInput`: the same, then type-confused, truncated, padded, nested, nulled and extended.
 */
import fc from 'fast-check';

/** The subset of JSON Schema that TypeBox emits for our input shapes. */
export interface Schema {
  type?: string;
  const?: unknown;
  anyOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  patternProperties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
}

export interface Fixture {
  readonly poolId: string;
  readonly clientId: string;
  readonly username: string;
  readonly password: string;
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly groupName: string;
}

const text = (max = 40) => fc.string({ maxLength: max, unit: 'grapheme' });

/** Values worth trying for a member, by its AWS name: the fixture's real ones first. */
function knownValues(name: string, fixture: Fixture): fc.Arbitrary<unknown> | undefined {
  const password = fc.constantFrom(fixture.password, 'Another-Passw0rd!', 'short', ' Leading-Sp4ce!');
  switch (name) {
    case 'UserPoolId':
      return fc.constantFrom(fixture.poolId, 'us-east-1_doesNotExist', `${fixture.poolId}x`);
    case 'ClientId':
      return fc.constantFrom(fixture.clientId, 'abcdefghijklmnopqrstuvwxyz');
    case 'Username':
      return fc.oneof(fc.constantFrom(fixture.username, 'nobody', 'e@example.com', '+15555550100'), text(20));
    case 'Password':
    case 'ProposedPassword':
    case 'PreviousPassword':
    case 'TemporaryPassword':
      return password;
    case 'AccessToken':
      return fc.constantFrom(fixture.accessToken, 'abc.def.ghi', fixture.refreshToken);
    case 'RefreshToken':
    case 'Token':
      return fc.constantFrom(fixture.refreshToken, fixture.accessToken, 'abc.def.ghi.jkl.mno');
    case 'ConfirmationCode':
    case 'Code':
      return fc.oneof(fc.constantFrom('123456', '000000'), fc.stringMatching(/^\d{1,8}$/));
    case 'GroupName':
      return fc.constantFrom(fixture.groupName, 'no-such-group');
    case 'Session':
      return fc.string({ minLength: 20, maxLength: 80 });
    case 'Filter':
      return fc.oneof(fc.constantFrom('username = "x"', 'email ^= "a"', 'sub = ', 'status = "Enabled"', '"'), text(30));
    case 'AttributeName':
      return fc.constantFrom('email', 'phone_number', 'custom:x', 'sub');
    case 'AuthParameters':
      return fc.oneof(
        fc.record({ USERNAME: fc.constantFrom(fixture.username, 'nobody'), PASSWORD: password }),
        fc.record({ REFRESH_TOKEN: fc.constantFrom(fixture.refreshToken, 'x.y.z') }),
        fc.record({ USERNAME: fc.constant(fixture.username), SRP_A: fc.stringMatching(/^[0-9a-f]{1,768}$/) }),
        fc.dictionary(fc.constantFrom('USERNAME', 'PASSWORD', 'REFRESH_TOKEN', 'SRP_A', 'SECRET_HASH', 'DEVICE_KEY'), text(30), { maxKeys: 4 }),
      );
    case 'ChallengeResponses':
      return fc.dictionary(
        fc.constantFrom('USERNAME', 'PASSWORD', 'REFRESH_TOKEN', 'SRP_A', 'SECRET_HASH', 'NEW_PASSWORD', 'PASSWORD_CLAIM_SIGNATURE', 'PASSWORD_CLAIM_SECRET_BLOCK', 'TIMESTAMP', 'ANSWER'),
        fc.oneof(fc.constantFrom(fixture.username, fixture.password, fixture.refreshToken, 'ABCDEF0123', 'Mon Jan 1 00:00:00 UTC 2024'), text(30)),
        { maxKeys: 5 },
      );
    case 'UserAttributes':
      return fc.array(
        fc.record({ Name: fc.constantFrom('email', 'phone_number', 'name', 'sub', 'email_verified', 'custom:tier', 'address'), Value: fc.oneof(text(30), fc.constant('e@example.com')) }),
        { maxLength: 3 },
      );
    default:
      return undefined;
  }
}

/** Well-typed values for `schema`; string constraints are a hint, not a promise (validation must cope). */
export function plausibleValue(schema: Schema, fixture: Fixture, name?: string, depth = 0): fc.Arbitrary<unknown> {
  const known = name === undefined ? undefined : knownValues(name, fixture);
  const derived = fromSchema(schema, fixture, depth);
  return known ? fc.oneof({ arbitrary: known, weight: 3 }, { arbitrary: derived, weight: 1 }) : derived;
}

function fromSchema(schema: Schema, fixture: Fixture, depth: number): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.anyOf?.length) return fc.oneof(...schema.anyOf.map((branch) => fromSchema(branch, fixture, depth)));
  switch (schema.type) {
    case 'string': {
      const minLength = schema.minLength ?? 0;
      const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 40, 40));
      return fc.oneof(
        { arbitrary: fc.string({ minLength, maxLength }), weight: 1 },
        { arbitrary: fc.stringMatching(new RegExp(`^[a-zA-Z0-9_]{${Math.max(1, minLength)},${Math.max(1, maxLength)}}$`)), weight: 3 },
      );
    }
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -10, max: Math.min(schema.maximum ?? 1000, 1_000_000) });
    case 'number':
      return fc.double({ noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return depth > 3 ? fc.constant([]) : fc.array(plausibleValue(schema.items ?? {}, fixture, undefined, depth + 1), { maxLength: 3 });
    case 'object': {
      if (schema.properties) {
        // Every required member, and a few optional ones: the more members, the likelier one is invalid.
        const required = new Set(schema.required ?? []);
        const optional = Object.keys(schema.properties).filter((key) => !required.has(key));
        return fc.subarray(optional, { maxLength: Math.min(3, optional.length) }).chain((chosen) => {
          const members: Record<string, fc.Arbitrary<unknown>> = {};
          for (const key of [...required, ...chosen]) {
            members[key] = depth > 3 ? fc.constant(undefined) : plausibleValue(schema.properties![key] ?? {}, fixture, key, depth + 1);
          }
          return fc.record(members).map(dropUndefined);
        });
      }
      const valueSchema = Object.values(schema.patternProperties ?? {})[0] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : {});
      return fc.dictionary(text(10), fromSchema(valueSchema, fixture, depth + 1), { maxKeys: 3 });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

const dropUndefined = (value: unknown): unknown =>
  value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined)) : value;

/** A value of any JSON type that breaks what a member expects. */
export const confusedValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1e308, -0, '', ' ', '\u0000', '\uD800', '\uFFFF', '0x10', 'null', '[]', '{}', '__proto__', 'constructor'),
  fc.integer(),
  fc.double(),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme-composite', maxLength: 30 }),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  fc.integer({ min: 1_000, max: 300_000 }).map((length) => 'x'.repeat(length)), // huge, up to a third of the body limit
  fc.integer({ min: 1, max: 30 }).map((length) => '\u{1F600}\u0301\u202E'.repeat(length)),
  fc.integer({ min: 10, max: 2_000 }).map((depth) => nested(depth)),
);

function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level++) value = level % 2 ? [value] : { a: value };
  return value;
}

/** A plausible input, then broken in one to three ways. */
export function hostileInput(schema: Schema, fixture: Fixture): fc.Arbitrary<unknown> {
  const names = [...Object.keys(schema.properties ?? {}), 'Extra', '__proto__', 'constructor'];
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('replace' as const), name: fc.constantFrom(...names), value: confusedValue }),
    fc.record({ kind: fc.constant('delete' as const), name: fc.constantFrom(...names) }),
    fc.record({ kind: fc.constant('add' as const), name: fc.string({ maxLength: 12 }), value: fc.jsonValue({ maxDepth: 3 }) }),
  );
  return fc.tuple(plausibleValue(schema, fixture), fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([input, mutations]) => {
    // Assigned with defineProperty so "__proto__" becomes an own member, as JSON.parse would make it.
    const target: Record<string, unknown> = { ...(input as Record<string, unknown>) };
    for (const change of mutations) {
      if (change.kind === 'delete') delete target[change.name];
      else Object.defineProperty(target, change.name, { value: change.value, enumerable: true, configurable: true, writable: true });
    }
    return target;
  });
}

/** Bodies that are not objects of the operation's shape at all. */
export const strangeBody: fc.Arbitrary<string> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom('', '{', '{"a":', 'null', '[]', '"x"', '{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"polluted":1}}}', '\uFEFF{}', '{}{}'),
  fc.integer({ min: 1_000, max: 50_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
);
