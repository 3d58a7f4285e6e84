/**
 * What a user pool remembers of its CreateUserPool request, with Cognito's defaults filled in, and the
 * rules read from it. Stored as JSON and echoed by DescribeUserPool.
 */
import type {
  CreateUserPoolRequest,
  PasswordPolicyType,
  SchemaAttributeType,
  UpdateUserPoolRequest,
  UserPoolType,
} from '@aws-sdk/client-cognito-identity-provider';
import { fail } from '../errors.js';

export type UserPoolSettings = Omit<
  UserPoolType,
  'Id' | 'Name' | 'CreationDate' | 'LastModifiedDate' | 'Arn' | 'EstimatedNumberOfUsers' | 'Status'
>;

const stringAttribute = (Name: string, Mutable = true, MinLength = '0', MaxLength = '2048', Required = false): SchemaAttributeType => ({
  Name,
  AttributeDataType: 'String',
  DeveloperOnlyAttribute: false,
  Mutable,
  Required,
  StringAttributeConstraints: { MinLength, MaxLength },
});

const booleanAttribute = (Name: string): SchemaAttributeType => ({
  Name,
  AttributeDataType: 'Boolean',
  DeveloperOnlyAttribute: false,
  Mutable: true,
  Required: false,
});

/** The standard schema every pool has, in the order Cognito echoes it. */
export const standardSchema: readonly SchemaAttributeType[] = [
  stringAttribute('sub', false, '1', '2048', true),
  ...['name', 'given_name', 'family_name', 'middle_name', 'nickname', 'preferred_username', 'profile', 'picture', 'website', 'email'].map((name) =>
    stringAttribute(name),
  ),
  booleanAttribute('email_verified'),
  stringAttribute('gender'),
  stringAttribute('birthdate', true, '10', '10'),
  ...['zoneinfo', 'locale', 'phone_number'].map((name) => stringAttribute(name)),
  booleanAttribute('phone_number_verified'),
  stringAttribute('address'),
  {
    Name: 'updated_at',
    AttributeDataType: 'Number',
    DeveloperOnlyAttribute: false,
    Mutable: true,
    Required: false,
    NumberAttributeConstraints: { MinValue: '0' },
  },
];

const standardNames = new Set(standardSchema.map((attribute) => attribute.Name));

export const defaultPasswordPolicy: Required<Pick<PasswordPolicyType, 'MinimumLength' | 'RequireUppercase' | 'RequireLowercase' | 'RequireNumbers' | 'RequireSymbols' | 'TemporaryPasswordValidityDays'>> = {
  MinimumLength: 8,
  RequireUppercase: true,
  RequireLowercase: true,
  RequireNumbers: true,
  RequireSymbols: true,
  TemporaryPasswordValidityDays: 7,
};

/** Cognito's view of the request: defaults filled in, the Schema merged into the standard schema. */
export function settingsFromCreateRequest(request: CreateUserPoolRequest): UserPoolSettings {
  const { PoolName: _poolName, Schema, Policies, ...rest } = request;
  if (rest.UsernameAttributes?.length && rest.AliasAttributes?.length) {
    fail('InvalidParameterException', 'Only one of the aliasAttributes or usernameAttributes can be set in a User Pool.');
  }
  const givenPolicy = Policies?.PasswordPolicy;
  const passwordPolicy: PasswordPolicyType = givenPolicy
    ? {
        MinimumLength: givenPolicy.MinimumLength ?? defaultPasswordPolicy.MinimumLength,
        RequireUppercase: givenPolicy.RequireUppercase ?? false,
        RequireLowercase: givenPolicy.RequireLowercase ?? false,
        RequireNumbers: givenPolicy.RequireNumbers ?? false,
        RequireSymbols: givenPolicy.RequireSymbols ?? false,
        ...(givenPolicy.PasswordHistorySize !== undefined && { PasswordHistorySize: givenPolicy.PasswordHistorySize }),
        TemporaryPasswordValidityDays: givenPolicy.TemporaryPasswordValidityDays || defaultPasswordPolicy.TemporaryPasswordValidityDays,
      }
    : { ...defaultPasswordPolicy };
  return {
    ...rest,
    Policies: {
      PasswordPolicy: passwordPolicy,
      SignInPolicy: Policies?.SignInPolicy ?? { AllowedFirstAuthFactors: ['PASSWORD'] },
    },
    DeletionProtection: rest.DeletionProtection ?? 'INACTIVE',
    LambdaConfig: rest.LambdaConfig ?? {},
    SchemaAttributes: mergeSchema(Schema ?? []),
    VerificationMessageTemplate: rest.VerificationMessageTemplate ?? { DefaultEmailOption: 'CONFIRM_WITH_CODE' },
    MfaConfiguration: rest.MfaConfiguration ?? 'OFF',
    EmailConfiguration: rest.EmailConfiguration ?? { EmailSendingAccount: 'COGNITO_DEFAULT' },
    AdminCreateUserConfig: {
      AllowAdminCreateUserOnly: rest.AdminCreateUserConfig?.AllowAdminCreateUserOnly ?? false,
      UnusedAccountValidityDays: rest.AdminCreateUserConfig?.UnusedAccountValidityDays ?? 7,
      ...(rest.AdminCreateUserConfig?.InviteMessageTemplate && { InviteMessageTemplate: rest.AdminCreateUserConfig.InviteMessageTemplate }),
    },
    UserPoolTier: rest.UserPoolTier ?? 'ESSENTIALS',
  };
}

/** Standard attributes named in the request change the standard entry; any other name becomes `custom:<name>`. */
function mergeSchema(requested: readonly SchemaAttributeType[]): SchemaAttributeType[] {
  const merged = standardSchema.map((attribute) => ({ ...attribute }));
  const seen = new Set<string>();
  for (const attribute of requested) {
    const name = attribute.Name ?? '';
    if (seen.has(name)) fail('InvalidParameterException', `Duplicate attribute name: ${name}`); // wording invented
    seen.add(name);
    if (standardNames.has(name)) {
      const index = merged.findIndex((existing) => existing.Name === name);
      const standard = merged[index]!;
      merged[index] = {
        ...standard,
        Mutable: attribute.Mutable ?? standard.Mutable,
        Required: attribute.Required ?? standard.Required,
        ...(attribute.StringAttributeConstraints && { StringAttributeConstraints: attribute.StringAttributeConstraints }),
      };
      continue;
    }
    merged.push(customSchemaAttribute(attribute));
  }
  return merged;
}

/** A custom attribute as the schema holds it: `custom:<name>`, or `dev:custom:<name>` when developer-only. */
export function customSchemaAttribute(attribute: SchemaAttributeType): SchemaAttributeType {
  const name = attribute.Name ?? '';
  if (attribute.Required) fail('InvalidParameterException', 'Required custom attributes are not supported currently.');
  if (!attribute.AttributeDataType) fail('InvalidParameterException', `Attribute data type is required for custom attribute ${name}`); // wording invented
  const prefix = attribute.DeveloperOnlyAttribute ? 'dev:custom:' : 'custom:';
  return {
    Name: `${prefix}${name.replace(/^(dev:)?custom:/, '')}`,
    AttributeDataType: attribute.AttributeDataType,
    DeveloperOnlyAttribute: attribute.DeveloperOnlyAttribute ?? false,
    Mutable: attribute.Mutable ?? true,
    Required: false,
    ...(attribute.StringAttributeConstraints && { StringAttributeConstraints: attribute.StringAttributeConstraints }),
    ...(attribute.NumberAttributeConstraints && { NumberAttributeConstraints: attribute.NumberAttributeConstraints }),
  };
}

/**
 * UpdateUserPool's view of the request. As the API reference warns, "If you don't provide a value for an
 * attribute, Amazon Cognito sets it to its default value": the settings are rebuilt from the request with
 * CreateUserPool's defaults. What cannot change after creation (schema, sign-in names, case sensitivity)
 * is kept, and so is the tier when the request does not name one.
 */
export function settingsFromUpdateRequest(current: UserPoolSettings, request: UpdateUserPoolRequest): UserPoolSettings {
  const { UserPoolId: _id, PoolName: _name, ...rest } = request;
  const rebuilt = settingsFromCreateRequest({ ...rest, PoolName: _name ?? '' });
  return {
    ...rebuilt,
    SchemaAttributes: current.SchemaAttributes,
    ...(current.UsernameAttributes && { UsernameAttributes: current.UsernameAttributes }),
    ...(current.AliasAttributes && { AliasAttributes: current.AliasAttributes }),
    ...(current.UsernameConfiguration && { UsernameConfiguration: current.UsernameConfiguration }),
    UserPoolTier: rest.UserPoolTier ?? current.UserPoolTier ?? rebuilt.UserPoolTier,
  };
}

/** Cognito's API default is case-sensitive usernames when the pool does not say otherwise. */
export const isUsernameCaseSensitive = (settings: UserPoolSettings): boolean => settings.UsernameConfiguration?.CaseSensitive ?? true;

export const passwordPolicyOf = (settings: UserPoolSettings): PasswordPolicyType => settings.Policies?.PasswordPolicy ?? defaultPasswordPolicy;
