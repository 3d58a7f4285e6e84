/**
 * POST /_emulator/reset: back to an empty emulator (every pool with its clients, users, groups, keys, codes,
 * messages and tokens) and the system clock.
 * POST /_emulator/pools/<poolId>/reset: one pool's users with their codes, tokens, sessions and group
 * memberships, and its outbox; the pool's settings, app clients, groups and signing keys stay, so a test
 * suite can reuse a pool between tests.
 */
import type { FastifyInstance } from 'fastify';
import { requireUserPool } from '../domain/lookups.js';
import type { Services } from '../protocol/operation.js';

export function registerResetRoutes(app: FastifyInstance, services: Services): void {
  const { store } = services;

  app.post('/_emulator/reset', async (request) => {
    const poolIds = store.userPools.allIds();
    store.transaction(() => {
      for (const id of poolIds) store.userPools.delete(id);
    });
    for (const id of poolIds) services.keys.forgetPool(id);
    services.clock.reset();
    request.log.info({ deletedUserPools: poolIds.length }, 'reset: everything');
    return { reset: 'everything', deletedUserPools: poolIds.length };
  });

  app.post<{ Params: { userPoolId: string } }>('/_emulator/pools/:userPoolId/reset', async (request) => {
    const pool = requireUserPool(store, request.params.userPoolId);
    const deletedUsers = store.transaction(() => {
      store.messages.deleteForPool(pool.id);
      return store.users.deleteAllInPool(pool.id);
    });
    request.log.info({ userPoolId: pool.id, deletedUsers }, 'reset: pool');
    return { reset: pool.id, deletedUsers };
  });
}
