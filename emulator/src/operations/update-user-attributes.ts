import { Type } from '@sinclair/typebox';
import { updateUserAttributes } from '../domain/attribute-changes.js';
import { checkWritable } from '../domain/attribute-permissions.js';
import { attributesFromWire } from '../domain/attributes.js';
import { requireSignedInUser } from '../domain/signed-in-user.js';
import { defineOperation } from '../protocol/operation.js';
import { AttributeList, ClientMetadata, TokenModel } from '../protocol/shapes.js';

/**
 * The signed-in user edits their own attributes, within their app client's WriteAttributes. A changed
 * email or phone number becomes unverified and, in pools that auto-verify it, a VERIFY_ATTRIBUTE code goes
 * to the new address (VerifyUserAttribute redeems it); the answer lists those deliveries.
 */
export const UpdateUserAttributes = defineOperation({
  name: 'UpdateUserAttributes',
  input: Type.Object({
    UserAttributes: AttributeList,
    AccessToken: TokenModel,
    ClientMetadata: Type.Optional(ClientMetadata),
  }),
  async run(ctx, input) {
    const { pool, user, client } = await requireSignedInUser(ctx, input.AccessToken);
    checkWritable(client, input.UserAttributes.map((attribute) => attribute.Name));
    const updates = attributesFromWire(pool.settings, input.UserAttributes);
    const { codeDeliveries } = updateUserAttributes(ctx, pool, user, updates, { admin: false });
    return codeDeliveries.length > 0 ? { CodeDeliveryDetailsList: codeDeliveries } : {};
  },
});
