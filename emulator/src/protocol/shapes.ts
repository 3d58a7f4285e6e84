/**
 * Input shapes of the cognito-idp model as TypeBox schemas, with the model's length and pattern
 * constraints (shared/cognito-facts.md §2.0). Patterns are anchored: AWS matches the whole value.
 */
import { Type, type TSchema } from '@sinclair/typebox';

const anchored = (pattern: string): string => `^(?:${pattern})$`;

export const UserPoolId = Type.String({ minLength: 1, maxLength: 55, pattern: anchored('[\\w-]+_[0-9a-zA-Z]+') });
export const ClientId = Type.String({ minLength: 1, maxLength: 128, pattern: anchored('[\\w+]+') });
export const Username = Type.String({ minLength: 1, maxLength: 128, pattern: anchored('[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+') });
// The model says [\S]+ with no minimum; Cognito's docs add that a password may hold spaces but not begin or end with one.
export const Password = Type.String({ maxLength: 256, pattern: '^(?:\\S(?:[\\s\\S]*\\S)?)?$', awsPattern: '[\\S]+' });
export const SecretHash = Type.String({ minLength: 1, maxLength: 128, pattern: anchored('[\\w+=/]+') });
export const ConfirmationCode = Type.String({ minLength: 1, maxLength: 2048, pattern: anchored('[\\S]+') });
export const TokenModel = Type.String({ pattern: anchored('[A-Za-z0-9-_=.]+') });
export const Session = Type.String({ minLength: 20, maxLength: 2048 });
export const ClientSecret = Type.String({ minLength: 1, maxLength: 64, pattern: anchored('[\\w+]+') });
export const PaginationToken = Type.String({ minLength: 1, pattern: anchored('[\\S]+') });
export const NextToken = Type.String({ minLength: 1, maxLength: 131072, pattern: anchored('[\\S]+') });

export const StringMap = Type.Record(Type.String(), Type.String());
export const ClientMetadata = StringMap;

export const AttributeList = Type.Array(
  Type.Object({
    Name: Type.String({ minLength: 1, maxLength: 32, pattern: anchored('[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+') }),
    Value: Type.Optional(Type.String({ maxLength: 2048 })),
  }),
);

/** Members the model has but the emulator does not act on (analytics, device context): type-checked only. */
export const Ignored = Type.Unknown();

export const Optional = <T extends TSchema>(schema: T) => Type.Optional(schema);

// Account lifecycle, groups, attributes (issue 4).
export const GroupName = Type.String({ minLength: 1, maxLength: 128, pattern: anchored('[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+') });
export const GroupDescription = Type.String({ maxLength: 2048 });
export const ArnType = Type.String({
  minLength: 20,
  maxLength: 2048,
  pattern: anchored('arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?'),
});
export const Precedence = Type.Integer({ minimum: 0 });
/** QueryLimitType (ListUsers, ListGroups, AdminListGroupsForUser, ListUsersInGroup). */
export const QueryLimit = Type.Integer({ minimum: 0, maximum: 60 });
export const AttributeName = Type.String({ minLength: 1, maxLength: 32, pattern: anchored('[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+') });
export const AttributeNameList = Type.Array(AttributeName);

export const ClientName = Type.String({ minLength: 1, maxLength: 128, pattern: anchored('[\\w\\s+=,.@-]+') });
const validityUnit = Type.Optional(Type.Union(['seconds', 'minutes', 'hours', 'days'].map((unit) => Type.Literal(unit))));

/** The members of CreateUserPoolClient and UpdateUserPoolClient that make up a client's settings. */
export const AppClientSettingsMembers = {
  RefreshTokenValidity: Type.Optional(Type.Integer({ minimum: 0, maximum: 315360000 })),
  AccessTokenValidity: Type.Optional(Type.Integer({ minimum: 1, maximum: 86400 })),
  IdTokenValidity: Type.Optional(Type.Integer({ minimum: 1, maximum: 86400 })),
  TokenValidityUnits: Type.Optional(Type.Object({ AccessToken: validityUnit, IdToken: validityUnit, RefreshToken: validityUnit })),
  ReadAttributes: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 32 }))),
  WriteAttributes: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 32 }))),
  ExplicitAuthFlows: Type.Optional(
    Type.Array(
      Type.Union(
        [
          'ADMIN_NO_SRP_AUTH',
          'CUSTOM_AUTH_FLOW_ONLY',
          'USER_PASSWORD_AUTH',
          'ALLOW_ADMIN_USER_PASSWORD_AUTH',
          'ALLOW_CUSTOM_AUTH',
          'ALLOW_USER_PASSWORD_AUTH',
          'ALLOW_USER_SRP_AUTH',
          'ALLOW_REFRESH_TOKEN_AUTH',
          'ALLOW_USER_AUTH',
        ].map((flow) => Type.Literal(flow)),
      ),
    ),
  ),
  PreventUserExistenceErrors: Type.Optional(Type.Union([Type.Literal('LEGACY'), Type.Literal('ENABLED')])),
  EnableTokenRevocation: Type.Optional(Type.Boolean()),
  AuthSessionValidity: Type.Optional(Type.Integer({ minimum: 3, maximum: 15 })),
};

export const PoolName = Type.String({ minLength: 1, maxLength: 128, pattern: anchored('[\\w\\s+=,.@-]+') });

/** SchemaAttributeType (CreateUserPool Schema, AddCustomAttributes). */
export const SchemaAttribute = Type.Object({
  Name: Type.Optional(Type.String({ minLength: 1, maxLength: 20, pattern: anchored('[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+') })),
  AttributeDataType: Type.Optional(Type.Union([Type.Literal('String'), Type.Literal('Number'), Type.Literal('DateTime'), Type.Literal('Boolean')])),
  DeveloperOnlyAttribute: Type.Optional(Type.Boolean()),
  Mutable: Type.Optional(Type.Boolean()),
  Required: Type.Optional(Type.Boolean()),
});

/** The members of CreateUserPool and UpdateUserPool that both accept. */
export const UserPoolSettingsMembers = {
  Policies: Type.Optional(
    Type.Object({
      PasswordPolicy: Type.Optional(
        Type.Object({
          MinimumLength: Type.Optional(Type.Integer({ minimum: 6, maximum: 99 })),
          RequireUppercase: Type.Optional(Type.Boolean()),
          RequireLowercase: Type.Optional(Type.Boolean()),
          RequireNumbers: Type.Optional(Type.Boolean()),
          RequireSymbols: Type.Optional(Type.Boolean()),
          PasswordHistorySize: Type.Optional(Type.Integer({ minimum: 0, maximum: 24 })),
          TemporaryPasswordValidityDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
        }),
      ),
    }),
  ),
  AutoVerifiedAttributes: Type.Optional(Type.Array(Type.Union([Type.Literal('email'), Type.Literal('phone_number')]))),
  MfaConfiguration: Type.Optional(Type.Union([Type.Literal('OFF'), Type.Literal('ON'), Type.Literal('OPTIONAL')])),
  DeletionProtection: Type.Optional(Type.Union([Type.Literal('ACTIVE'), Type.Literal('INACTIVE')])),
  UserPoolTags: Type.Optional(Type.Record(Type.String(), Type.String())),
  UserPoolTier: Type.Optional(Type.Union([Type.Literal('LITE'), Type.Literal('ESSENTIALS'), Type.Literal('PLUS')])),
  EmailVerificationMessage: Type.Optional(Type.String({ minLength: 6, maxLength: 20000 })),
  EmailVerificationSubject: Type.Optional(Type.String({ minLength: 1, maxLength: 140 })),
  SmsVerificationMessage: Type.Optional(Type.String({ minLength: 6, maxLength: 140 })),
  SmsAuthenticationMessage: Type.Optional(Type.String({ minLength: 6, maxLength: 140 })),
};

/** The input of ForgotPassword and ResendConfirmationCode: an app client asking for a code for a user. */
export const CodeRequest = Type.Object({
  ClientId,
  Username,
  SecretHash: Type.Optional(SecretHash),
  ClientMetadata: Type.Optional(ClientMetadata),
  AnalyticsMetadata: Type.Optional(Ignored),
  UserContextData: Type.Optional(Ignored),
});

/** The input of CreateGroup and UpdateGroup: the same members in the model. */
export const GroupInput = Type.Object({
  GroupName,
  UserPoolId,
  Description: Type.Optional(GroupDescription),
  RoleArn: Type.Optional(ArnType),
  Precedence: Type.Optional(Precedence),
});
