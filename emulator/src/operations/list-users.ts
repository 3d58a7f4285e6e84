import { Type } from '@sinclair/typebox';
import { attributesToWire } from '../domain/attributes.js';
import { requireUserPool } from '../domain/lookups.js';
import { parseUserFilter } from '../domain/user-filter.js';
import { decodeUserPosition, encodeUserPosition } from '../domain/user-pagination.js';
import { userToWire } from '../domain/wire.js';
import { fail } from '../errors.js';
import { defineOperation } from '../protocol/operation.js';
import { AttributeName, PaginationToken, QueryLimit, UserPoolId } from '../protocol/shapes.js';
import type { UserRecord } from '../store/users.js';

/**
 * Lists a pool's users, optionally filtered (domain/user-filter.ts) and paged. Filters are index lookups
 * (store/user-search.ts), so this stays fast on large pools. `sub` is always in the answer; asking for it
 * in AttributesToGet is refused, as real Cognito does ("Input fails to satisfy the constraints.", observed).
 */
export const ListUsers = defineOperation({
  name: 'ListUsers',
  input: Type.Object({
    UserPoolId,
    AttributesToGet: Type.Optional(Type.Array(AttributeName)),
    // 0 is allowed by the model; like other AWS list calls the emulator reads it as "the default" [unsure].
    Limit: Type.Optional(QueryLimit),
    PaginationToken: Type.Optional(PaginationToken),
    Filter: Type.Optional(Type.String({ maxLength: 256 })),
  }),
  run(ctx, input) {
    const pool = requireUserPool(ctx.store, input.UserPoolId);
    if (input.AttributesToGet?.includes('sub')) fail('InvalidParameterException', 'Input fails to satisfy the constraints.');
    const only = input.AttributesToGet && new Set(input.AttributesToGet);
    const filter = parseUserFilter(pool, input.Filter);
    const limit = input.Limit || 60;
    const rows = filter === 'no-one' ? [] : ctx.store.userSearch.page(pool.id, filter === 'everyone' ? undefined : filter, decodeUserPosition(input.PaginationToken), limit + 1);
    const page = rows.slice(0, limit);
    const users = page.map((row) => ctx.store.users.findById(row.id)).filter((user): user is UserRecord => user !== undefined);
    const last = page.at(-1);
    const prefixed = filter !== 'everyone' && filter !== 'no-one' && filter.match === 'prefix';
    return {
      Users: users.map((user) => ({ ...userToWire(user), ...(only && { Attributes: attributesToWire(user.sub, user.attributes, only) }) })),
      ...(rows.length > limit && last && { PaginationToken: encodeUserPosition(prefixed ? last : { id: last.id }) }),
    };
  },
});
