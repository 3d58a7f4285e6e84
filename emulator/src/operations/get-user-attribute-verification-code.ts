import { Type } from '@sinclair/typebox';
import { sendVerificationCode } from '../domain/attribute-changes.js';
import { requireSignedInUser } from '../domain/signed-in-user.js';
import { defineOperation } from '../protocol/operation.js';
import { AttributeName, ClientMetadata, TokenModel } from '../protocol/shapes.js';

/** Sends a fresh VERIFY_ATTRIBUTE code (24 hours) to the signed-in user's email or phone number. */
export const GetUserAttributeVerificationCode = defineOperation({
  name: 'GetUserAttributeVerificationCode',
  input: Type.Object({ AccessToken: TokenModel, AttributeName, ClientMetadata: Type.Optional(ClientMetadata) }),
  async run(ctx, input) {
    const { user } = await requireSignedInUser(ctx, input.AccessToken);
    return { CodeDeliveryDetails: sendVerificationCode(ctx, user, input.AttributeName) };
  },
});
