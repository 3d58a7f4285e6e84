/**
 * The emulator's own endpoints, all under /_emulator/ and never mixed into the AWS surface: health, the
 * outbox of codes and messages Cognito would have sent, the clock (clock-routes.ts) and resets (reset-routes.ts).
 */
import type { FastifyInstance } from 'fastify';
import type { Services } from '../protocol/operation.js';
import { registerClockRoutes } from './clock-routes.js';
import { registerResetRoutes } from './reset-routes.js';
import { registerConsoleRoutes } from './console-routes.js';
import { registerSeedRoutes } from './seed-routes.js';
import { registerUiRoutes } from './ui-routes.js';

export function registerControlRoutes(app: FastifyInstance, services: Services): void {
  registerClockRoutes(app, services);
  registerResetRoutes(app, services);
  registerConsoleRoutes(app, services);
  registerSeedRoutes(app, services);
  registerUiRoutes(app);

  app.get('/_emulator/health', async () => ({ status: 'ok', time: new Date(services.clock.now()).toISOString() }));

  app.get<{ Params: { userPoolId: string }; Querystring: { username?: string } }>(
    '/_emulator/pools/:userPoolId/messages',
    async (request, reply) => {
      const { userPoolId } = request.params;
      if (!services.store.userPools.find(userPoolId)) {
        return reply.code(404).send({ __type: 'ResourceNotFoundException', message: `User pool ${userPoolId} does not exist.` });
      }
      const messages = services.store.messages.list(userPoolId, request.query.username || undefined).map((message) => ({
        username: message.username,
        destination: message.destination,
        deliveryMedium: message.deliveryMedium,
        kind: message.kind,
        code: message.code ?? null,
        createdAt: new Date(message.createdAt).toISOString(),
      }));
      return { messages };
    },
  );
}
