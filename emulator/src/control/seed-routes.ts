/**
 * Export and import of a running emulator's state, in the seed format (seed/seed-document.ts):
 *   GET  /_emulator/export[?pool=<poolId>][&format=yaml]   the state, or one pool, as a seed document
 *   POST /_emulator/import                                 applies a seed document (JSON, or YAML with a
 *                                                          YAML content type), every entry as if changed
 * An export holds client secrets and password hashes: it is for local fixtures, like the emulator itself.
 */
import type { FastifyInstance } from 'fastify';
import { parseYaml, toYaml } from '../seed/yaml.js';
import { CognitoError, fail } from '../errors.js';
import type { Services } from '../protocol/operation.js';
import { applySeed } from '../seed/apply-seed.js';
import { exportSeed } from '../seed/export-seed.js';
import { checkSeed, SeedError } from '../seed/read-seed.js';

export function registerSeedRoutes(app: FastifyInstance, services: Services): void {
  // Encapsulated, so the YAML body parser exists for these routes only.
  void app.register(async (scope) => {
    scope.addContentTypeParser(['application/yaml', 'application/x-yaml', 'text/yaml'], { parseAs: 'string' }, (_request, body, done) => {
      try {
        done(null, parseYaml(body as string));
      } catch (error) {
        done(new CognitoError('InvalidParameterException', `invalid seed: not valid YAML: ${(error as Error).message}`), undefined);
      }
    });

    scope.get<{ Querystring: { pool?: string; format?: string } }>('/_emulator/export', async (request, reply) => {
      const document = asCognitoError(() => exportSeed(services.store, { poolId: request.query.pool || undefined }));
      if (request.query.format === 'yaml') return reply.type('application/yaml').send(toYaml(document));
      return document;
    });

    scope.post('/_emulator/import', async (request) => {
      const document = asCognitoError(() => checkSeed(request.body, 'request body'));
      const pools = await applySeed(services, document, { force: true }).catch((error: unknown) => {
        if (error instanceof SeedError) fail('InvalidParameterException', error.message);
        throw error;
      });
      request.log.info({ pools: pools.map((pool) => pool.id) }, 'import: seed applied');
      // Ids only: secrets stay out of responses that end up in logs (DescribeUserPoolClient has them).
      return {
        pools: pools.map((pool) => ({
          id: pool.id,
          name: pool.name,
          clients: pool.clients.map((client) => ({ id: client.id, name: client.name, hasSecret: client.secret !== undefined })),
          groups: pool.groups,
          users: pool.users,
        })),
      };
    });
  });
}

/** A SeedError answers 400 InvalidParameterException with its message (which names the field). */
function asCognitoError<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof SeedError) fail('InvalidParameterException', error.message);
    throw error;
  }
}
