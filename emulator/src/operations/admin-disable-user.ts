import { Type } from '@sinclair/typebox';
import { requireUserPool } from '../domain/lookups.js';
import { revokeAllSignIns } from '../domain/revocation.js';
import { requireUserBySignInName } from '../domain/sign-in-names.js';
import { defineOperation } from '../protocol/operation.js';
import { UserPoolId, Username } from '../protocol/shapes.js';

/**
 * Deactivates the user: sign-in and refresh answer "User is disabled.", and, as the API reference says,
 * all their access tokens are revoked (they stay revoked after AdminEnableUser; the user signs in again).
 */
export const AdminDisableUser = defineOperation({
  name: 'AdminDisableUser',
  input: Type.Object({ UserPoolId, Username }),
  run(ctx, input) {
    const pool = requireUserPool(ctx.store, input.UserPoolId);
    const now = ctx.clock.now();
    ctx.store.transaction(() => {
      const user = requireUserBySignInName(ctx.store, pool, input.Username);
      ctx.store.users.setEnabled(user.id, false, now);
      revokeAllSignIns(ctx.store, user, now);
    });
    return {};
  },
});
