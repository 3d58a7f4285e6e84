/**
 * `/<poolId>/.well-known/jwks.json` and `/<poolId>/.well-known/openid-configuration`, as Cognito serves
 * them under its issuer URL; unauthenticated GETs, cacheable, open to any origin.
 */
import type { FastifyInstance } from 'fastify';
import type { Services } from '../protocol/operation.js';

export function registerWellKnownRoutes(app: FastifyInstance, services: Services): void {
  app.get<{ Params: { userPoolId: string } }>('/:userPoolId/.well-known/jwks.json', async (request, reply) => {
    const document = services.keys.jwksDocument(request.params.userPoolId);
    if (!document) return reply.code(404).type('application/json').send(poolNotFound(request.params.userPoolId));
    return reply.type('application/json').header('cache-control', 'public, max-age=3600').send(document);
  });

  app.get<{ Params: { userPoolId: string } }>('/:userPoolId/.well-known/openid-configuration', async (request, reply) => {
    const { userPoolId } = request.params;
    if (!services.store.userPools.find(userPoolId)) return reply.code(404).type('application/json').send(poolNotFound(userPoolId));
    const issuer = services.issuerFor(userPoolId);
    return reply.type('application/json').send({
      authorization_endpoint: issuer,
      id_token_signing_alg_values_supported: ['RS256'],
      issuer,
      // The emulator's own address even when iss has the AWS form (--issuer-style aws).
      jwks_uri: services.jwksUriFor(userPoolId),
      response_types_supported: ['code', 'id_token', 'token id_token', 'none'],
      subject_types_supported: ['public'],
      scopes_supported: ['openid', 'email', 'phone', 'profile', 'aws.cognito.signin.user.admin'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    });
  });
}

const poolNotFound = (userPoolId: string): string =>
  JSON.stringify({ __type: 'ResourceNotFoundException', message: `User pool ${userPoolId} does not exist.` });
