/**
 * JSON for the web console (/_emulator/ui), usable by scripts too:
 *   GET  /_emulator/pools                                  pools with their clients and groups
 *   GET  /_emulator/pools/<poolId>/users                   users with status, enabled, attributes and groups
 *   POST /_emulator/pools/<poolId>/users/<username>/<action>   confirm | disable | enable | reset-password | delete
 * Actions run the AWS operations themselves (AdminConfirmSignUp, AdminDisableUser, ...) in-process, so the
 * console obeys exactly the rules an SDK call would.
 */
import type { FastifyInstance } from 'fastify';
import { requireUserPool } from '../domain/lookups.js';
import { fail } from '../errors.js';
import { operations } from '../operations/index.js';
import type { Services } from '../protocol/operation.js';
import { validateInput } from '../protocol/validation.js';

const actions = {
  confirm: 'AdminConfirmSignUp',
  disable: 'AdminDisableUser',
  enable: 'AdminEnableUser',
  'reset-password': 'AdminResetUserPassword',
  delete: 'AdminDeleteUser',
} as const;

const userPageSize = 60;
/** The console lists at most this many users per pool (newest last); the API has ListUsers for more. */
const maxListedUsers = 1000;

export function registerConsoleRoutes(app: FastifyInstance, services: Services): void {
  const { store } = services;

  app.get('/_emulator/pools', async () => {
    const pools = [];
    for (let after: { createdAt: number; id: string } | undefined; ; ) {
      const page = store.userPools.page(after, 60);
      pools.push(...page);
      if (page.length < 60) break;
      after = { createdAt: page.at(-1)!.createdAt, id: page.at(-1)!.id };
    }
    return {
      pools: pools.map((pool) => ({
        id: pool.id,
        name: pool.name,
        createdAt: new Date(pool.createdAt).toISOString(),
        userCount: store.userPools.countUsers(pool.id),
        usernameAttributes: pool.settings.UsernameAttributes ?? [],
        issuer: services.issuerFor(pool.id),
        jwksUri: services.jwksUriFor(pool.id),
        clients: store.appClients.page(pool.id, undefined, 100).map((client) => ({
          id: client.id,
          name: client.name,
          hasSecret: client.secret !== undefined,
          explicitAuthFlows: client.settings.ExplicitAuthFlows ?? [],
        })),
        groups: store.groups.page(pool.id, undefined, 100).map((group) => ({
          name: group.name,
          precedence: group.precedence ?? null,
          description: group.description ?? null,
        })),
      })),
    };
  });

  app.get<{ Params: { userPoolId: string } }>('/_emulator/pools/:userPoolId/users', async (request) => {
    const pool = requireUserPool(store, request.params.userPoolId);
    const users = [];
    for (let after = 0; users.length < maxListedUsers; ) {
      const ids = store.userSearch.ids(pool.id, undefined, after, userPageSize);
      for (const id of ids) {
        const user = store.users.findById(id);
        if (!user) continue;
        users.push({
          username: user.username,
          sub: user.sub,
          status: user.status,
          enabled: user.enabled,
          attributes: user.attributes,
          groups: store.groups.allForUser(user.id).map((group) => group.name),
          createdAt: new Date(user.createdAt).toISOString(),
          updatedAt: new Date(user.updatedAt).toISOString(),
        });
      }
      if (ids.length < userPageSize) break;
      after = ids.at(-1)!;
    }
    return { users };
  });

  app.post<{ Params: { userPoolId: string; username: string; action: string } }>(
    '/_emulator/pools/:userPoolId/users/:username/:action',
    async (request) => {
      const { userPoolId, username, action } = request.params;
      const operationName = actions[action as keyof typeof actions];
      if (!operationName) fail('InvalidParameterException', `Unknown action ${action}; one of ${Object.keys(actions).join(', ')}.`);
      const operation = operations.get(operationName) ?? fail('NotImplementedException', `${operationName} is not implemented yet.`);
      const input = { UserPoolId: userPoolId, Username: username };
      validateInput(operation.input, input);
      await operation.run({ ...services, requestId: request.id, log: request.log }, input as never);
      request.log.info({ userPoolId, action }, `console: ${operationName}`);
      return { action, operation: operationName };
    },
  );
}
