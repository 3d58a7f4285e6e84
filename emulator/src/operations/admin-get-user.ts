import { Type } from '@sinclair/typebox';
import { attributesToWire } from '../domain/attributes.js';
import { requireUserPool } from '../domain/lookups.js';
import { requireUserBySignInName } from '../domain/sign-in-names.js';
import { wireTime } from '../domain/wire.js';
import { defineOperation } from '../protocol/operation.js';
import { UserPoolId, Username } from '../protocol/shapes.js';

export const AdminGetUser = defineOperation({
  name: 'AdminGetUser',
  input: Type.Object({ UserPoolId, Username }),
  run(ctx, input) {
    const pool = requireUserPool(ctx.store, input.UserPoolId);
    const user = requireUserBySignInName(ctx.store, pool, input.Username);
    return {
      Username: user.username,
      UserAttributes: attributesToWire(user.sub, user.attributes),
      UserCreateDate: wireTime(user.createdAt),
      UserLastModifiedDate: wireTime(user.updatedAt),
      Enabled: user.enabled,
      UserStatus: user.status,
    };
  },
});
