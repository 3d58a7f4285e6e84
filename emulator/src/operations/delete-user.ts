import { Type } from '@sinclair/typebox';
import { requireSignedInUser } from '../domain/signed-in-user.js';
import { defineOperation } from '../protocol/operation.js';
import { TokenModel } from '../protocol/shapes.js';

/** The signed-in user deletes their own account; their tokens, codes and group memberships go with it. */
export const DeleteUser = defineOperation({
  name: 'DeleteUser',
  input: Type.Object({ AccessToken: TokenModel }),
  async run(ctx, input) {
    const { user } = await requireSignedInUser(ctx, input.AccessToken);
    ctx.store.transaction(() => ctx.store.users.delete(user.id));
    return {};
  },
});
