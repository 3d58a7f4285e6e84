/**
 * The seed document: pools with fixed ids, their app clients, groups and users. The same format is read by
 * `--seed` and `import`, and written by `export`. Keys of our own are camelCase; `settings` objects are the
 * AWS request shapes (CreateUserPool / CreateUserPoolClient members, AWS casing), checked by the same
 * constraint tables the operations use.
 */
import { Type, type Static } from '@sinclair/typebox';

const UserStatus = Type.Union([
  Type.Literal('CONFIRMED'),
  Type.Literal('UNCONFIRMED'),
  Type.Literal('FORCE_CHANGE_PASSWORD'),
  Type.Literal('RESET_REQUIRED'),
]);

const AttributeValue = Type.Union([Type.String({ maxLength: 2048 }), Type.Boolean(), Type.Number()]);

export const SeedUserSchema = Type.Object(
  {
    /** The sign-in name: in email/phone-as-username pools, the email or phone number. */
    username: Type.String({ minLength: 1, maxLength: 128, pattern: '^[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+$' }),
    /** Plaintext, checked against the pool's password policy; stored only as a hash. */
    password: Type.Optional(Type.String({ minLength: 1, maxLength: 256, pattern: '^\\S+$' })),
    /** What `export` writes instead of a password: the stored hash and SRP verifier. */
    credentials: Type.Optional(
      Type.Object(
        {
          passwordHash: Type.String({ minLength: 1, pattern: '^\\$argon2' }),
          srpSalt: Type.Optional(Type.String({ pattern: '^[0-9a-f]+$' })),
          srpVerifier: Type.Optional(Type.String({ pattern: '^[0-9a-f]+$' })),
        },
        { additionalProperties: false },
      ),
    ),
    /** A fixed `sub` (UUID), e.g. for an .env file; generated when absent. */
    sub: Type.Optional(Type.String({ pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' })),
    status: Type.Optional(UserStatus),
    enabled: Type.Optional(Type.Boolean()),
    attributes: Type.Optional(Type.Record(Type.String({ minLength: 1, maxLength: 32 }), AttributeValue)),
    groups: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 128 }))),
  },
  { additionalProperties: false },
);

export const SeedGroupSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 128, pattern: '^[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+$' }),
    description: Type.Optional(Type.String({ maxLength: 2048 })),
    precedence: Type.Optional(Type.Integer({ minimum: 0 })),
    roleArn: Type.Optional(Type.String({ minLength: 20, maxLength: 2048 })),
  },
  { additionalProperties: false },
);

export const SeedClientSchema = Type.Object(
  {
    /** A fixed client id (`[\w+]+`, up to 128; real ones are 26 lower-case alphanumerics). */
    id: Type.String({ minLength: 1, maxLength: 128, pattern: '^[\\w+]+$' }),
    name: Type.String({ minLength: 1, maxLength: 128, pattern: '^[\\w\\s+=,.@-]+$' }),
    /** A fixed secret (24..64 of `[\w+]`). Exclusive with generateSecret. */
    secret: Type.Optional(Type.String({ minLength: 24, maxLength: 64, pattern: '^[\\w+]+$' })),
    /** Generate a secret once, on first apply; it is kept afterwards (see the banner or `export`). */
    generateSecret: Type.Optional(Type.Boolean()),
    /** CreateUserPoolClient members: ExplicitAuthFlows, AccessTokenValidity, TokenValidityUnits, ... */
    settings: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { additionalProperties: false },
);

export const SeedPoolSchema = Type.Object(
  {
    /** `<region>_<alphanumerics>`, e.g. us-east-1_Example01 (max 55). */
    id: Type.String({ maxLength: 55, pattern: '^[a-z]{2}(-gov)?-[a-z]+-\\d_[0-9a-zA-Z]+$' }),
    name: Type.String({ minLength: 1, maxLength: 128, pattern: '^[\\w\\s+=,.@-]+$' }),
    /** CreateUserPool members: Policies, Schema, UsernameAttributes, AutoVerifiedAttributes, ... */
    settings: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    clients: Type.Optional(Type.Array(SeedClientSchema)),
    groups: Type.Optional(Type.Array(SeedGroupSchema)),
    users: Type.Optional(Type.Array(SeedUserSchema)),
  },
  { additionalProperties: false },
);

export const SeedDocumentSchema = Type.Object(
  {
    version: Type.Optional(Type.Literal(1)),
    pools: Type.Array(SeedPoolSchema),
  },
  { additionalProperties: false },
);

export type SeedUser = Static<typeof SeedUserSchema>;
export type SeedGroup = Static<typeof SeedGroupSchema>;
export type SeedClient = Static<typeof SeedClientSchema>;
export type SeedPool = Static<typeof SeedPoolSchema>;
export type SeedDocument = Static<typeof SeedDocumentSchema>;

/** What a seed left in place, for the banner and `startEmulator()`: ids to put in an .env file. */
export interface SeededPool {
  readonly id: string;
  readonly name: string;
  readonly clients: ReadonlyArray<{ readonly id: string; readonly name: string; readonly secret: string | undefined }>;
  readonly groups: readonly string[];
  readonly users: readonly string[];
}

/** Members of CreateUserPoolRequest (AWS model) that a pool's `settings` may hold; PoolName is the seed's `name`. */
export const userPoolSettingNames: ReadonlySet<string> = new Set([
  'Policies',
  'DeletionProtection',
  'LambdaConfig',
  'AutoVerifiedAttributes',
  'AliasAttributes',
  'UsernameAttributes',
  'SmsVerificationMessage',
  'EmailVerificationMessage',
  'EmailVerificationSubject',
  'VerificationMessageTemplate',
  'SmsAuthenticationMessage',
  'MfaConfiguration',
  'UserAttributeUpdateSettings',
  'DeviceConfiguration',
  'EmailConfiguration',
  'SmsConfiguration',
  'UserPoolTags',
  'AdminCreateUserConfig',
  'Schema',
  'UserPoolAddOns',
  'UsernameConfiguration',
  'AccountRecoverySetting',
  'UserPoolTier',
]);

/** Members of CreateUserPoolClientRequest that a client's `settings` may hold (name and secret are seed keys). */
export const appClientSettingNames: ReadonlySet<string> = new Set([
  'RefreshTokenValidity',
  'AccessTokenValidity',
  'IdTokenValidity',
  'TokenValidityUnits',
  'ReadAttributes',
  'WriteAttributes',
  'ExplicitAuthFlows',
  'SupportedIdentityProviders',
  'CallbackURLs',
  'LogoutURLs',
  'DefaultRedirectURI',
  'AllowedOAuthFlows',
  'AllowedOAuthScopes',
  'AllowedOAuthFlowsUserPoolClient',
  'AnalyticsConfiguration',
  'PreventUserExistenceErrors',
  'EnableTokenRevocation',
  'EnablePropagateAdditionalUserContextData',
  'AuthSessionValidity',
  'RefreshTokenRotation',
]);
