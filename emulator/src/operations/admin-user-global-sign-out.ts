import { Type } from '@sinclair/typebox';
import { requireUserPool } from '../domain/lookups.js';
import { revokeAllSignIns } from '../domain/revocation.js';
import { requireUserBySignInName } from '../domain/sign-in-names.js';
import { defineOperation } from '../protocol/operation.js';
import { UserPoolId, Username } from '../protocol/shapes.js';

/** GlobalSignOut on the administrator's say-so: every refresh token and earlier access token of the user is revoked. */
export const AdminUserGlobalSignOut = defineOperation({
  name: 'AdminUserGlobalSignOut',
  input: Type.Object({ UserPoolId, Username }),
  run(ctx, input) {
    const pool = requireUserPool(ctx.store, input.UserPoolId);
    const now = ctx.clock.now();
    ctx.store.transaction(() => revokeAllSignIns(ctx.store, requireUserBySignInName(ctx.store, pool, input.Username), now));
    return {};
  },
});
