import { Type } from '@sinclair/typebox';
import { deleteUserAttributes } from '../domain/attribute-changes.js';
import { checkWritable } from '../domain/attribute-permissions.js';
import { requireSignedInUser } from '../domain/signed-in-user.js';
import { defineOperation } from '../protocol/operation.js';
import { AttributeNameList, TokenModel } from '../protocol/shapes.js';

/** The signed-in user deletes some of their attributes (those their app client may write; not required ones). */
export const DeleteUserAttributes = defineOperation({
  name: 'DeleteUserAttributes',
  input: Type.Object({ UserAttributeNames: AttributeNameList, AccessToken: TokenModel }),
  async run(ctx, input) {
    const { pool, user, client } = await requireSignedInUser(ctx, input.AccessToken);
    checkWritable(client, input.UserAttributeNames);
    deleteUserAttributes(ctx, pool, user, input.UserAttributeNames);
    return {};
  },
});
