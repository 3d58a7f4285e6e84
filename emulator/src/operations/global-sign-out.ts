import { Type } from '@sinclair/typebox';
import { revokeAllSignIns } from '../domain/revocation.js';
import { requireSignedInUser } from '../domain/signed-in-user.js';
import { defineOperation } from '../protocol/operation.js';
import { TokenModel } from '../protocol/shapes.js';

/**
 * Signs the user out of every device: all their refresh tokens and every access token issued before stop
 * working on the API ("... has been revoked"); ID tokens stay verifiable offline until they expire.
 */
export const GlobalSignOut = defineOperation({
  name: 'GlobalSignOut',
  input: Type.Object({ AccessToken: TokenModel }),
  async run(ctx, input) {
    const { user } = await requireSignedInUser(ctx, input.AccessToken);
    const now = ctx.clock.now();
    ctx.store.transaction(() => revokeAllSignIns(ctx.store, user, now));
    return {};
  },
});
