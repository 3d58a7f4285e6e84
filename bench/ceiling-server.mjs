/**
 * The ceiling: a trivial Fastify server that answers every POST with `{}` in the emulator's content type.
 * Whatever rate the load generator reaches against it is the most any Fastify app could reach on this
 * machine with this client, so each emulator scenario is reported as a fraction of it.
 * Usage: node bench/ceiling-server.mjs <port>
 */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.removeAllContentTypeParsers();
app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
app.post('*', (_request, reply) => reply.header('content-type', 'application/x-amz-json-1.1').send('{}'));
app.get('*', (_request, reply) => reply.header('content-type', 'application/json').send('{}'));

await app.listen({ host: '127.0.0.1', port: Number(process.argv[2] ?? 0) });
const stop = () => app.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
