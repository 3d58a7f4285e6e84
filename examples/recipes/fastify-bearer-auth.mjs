// A Fastify hook that lets a request through only with a valid Cognito access token.
// `verifier` is anything with verify(token) -> payload: one of the verifiers above.
export function requireBearerToken(app, verifier) {
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request, reply) => {
    const match = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '');
    if (!match) return reply.code(401).send({ message: 'missing bearer token' });
    try {
      request.user = await verifier.verify(match[1]);
    } catch {
      return reply.code(401).send({ message: 'invalid token' });
    }
  });
}
