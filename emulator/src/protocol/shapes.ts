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
