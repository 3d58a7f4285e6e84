/**
 * buildApp: the Fastify instance with every route, never listening (tests can inject, or listen on port 0).
 */
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import cors from '@fastify/cors';
import { randomUUID } from 'node:crypto';
import { registerControlRoutes } from './control/control-routes.js';
import { operations } from './operations/index.js';
import { registerAwsJsonProtocol, sendError } from './protocol/aws-json.js';
import type { Services } from './protocol/operation.js';
import { registerWellKnownRoutes } from './tokens/well-known-routes.js';

/** Largest request body accepted; Cognito's inputs are small, and anything past this is refused in JSON. */
export const bodyLimitBytes = 1024 * 1024;

export interface AppOptions {
  /** A pino logger (or options) for Fastify; the CLI passes one, tests may leave it silent. */
  readonly logger: FastifyInstance['log'];
  /** Serve HTTPS with this PEM certificate and key (--tls). */
  readonly https?: { readonly cert: string; readonly key: string } | undefined;
  /** How long a client may take to send a whole request (and stay silent) before it is cut off; 30 s by default. */
  readonly requestTimeoutMs?: number;
}

export async function buildApp(services: Services, options: AppOptions): Promise<FastifyInstance> {
  // Fastify types an HTTPS instance differently; the routes are the same, so it is typed as the plain one.
  const app = (Fastify as unknown as (options: object) => FastifyInstance)({
    ...(options.https && { https: { cert: options.https.cert, key: options.https.key } }),
    loggerInstance: options.logger,
    bodyLimit: bodyLimitBytes,
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    // Slow or stalled clients cannot hold a connection forever. Node checks request deadlines every
    // connectionsCheckingInterval (30 s by default, so a dribbling client could last up to 60 s).
    connectionTimeout: options.requestTimeoutMs ?? 30_000,
    requestTimeout: options.requestTimeoutMs ?? 30_000,
    http: { connectionsCheckingInterval: Math.min(5_000, Math.ceil((options.requestTimeoutMs ?? 30_000) / 4)) },
    keepAliveTimeout: 65_000,
    return503OnClosing: false,
    clientErrorHandler: answerMalformedHttp,
  });

  await app.register(cors, {
    origin: '*',
    methods: ['GET', 'POST', 'OPTIONS'],
    // No fixed list: a preflight gets back the headers it asks for, so no client's extra header is refused.
    exposedHeaders: ['x-amzn-RequestId', 'x-amzn-ErrorType', 'x-amzn-ErrorMessage', 'Date'],
    maxAge: 86400,
    strictPreflight: false,
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-amzn-RequestId', request.id);
  });

  app.addHook('onResponse', async (request, reply) => {
    if (request.method === 'OPTIONS') return;
    const line = {
      operation: request.cognitoOperation ?? `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]}`,
      status: reply.statusCode,
      ...(request.cognitoErrorType && { error: request.cognitoErrorType }),
      ms: Math.round(reply.elapsedTime * 10) / 10,
    };
    request.log.info(line, `${line.operation} ${request.cognitoErrorType ?? reply.statusCode} ${line.ms}ms`);
  });

  app.setErrorHandler((error, request, reply) => sendError(request, reply, error));
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .header('content-type', 'application/x-amz-json-1.1')
      .send(JSON.stringify({ __type: 'UnknownOperationException', message: `No route for ${request.method} ${request.url.split('?')[0]}` })),
  );

  await registerAwsJsonProtocol(app, services, operations);
  registerWellKnownRoutes(app, services);
  registerControlRoutes(app, services);
  return app;
}

/**
 * What Node's HTTP parser rejects before Fastify sees a request (broken framing, huge headers, a request
 * that never finished in time) is answered in the same JSON error shape as everything else, then the
 * connection is closed. Types and messages invented: SDKs never send such requests.
 */
function answerMalformedHttp(error: Error & { code?: string }, socket: import('node:net').Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, type] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'Request Timeout', 'RequestTimeoutException']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large', 'SerializationException']
        : [400, 'Bad Request', 'SerializationException'];
  const body = JSON.stringify({ __type: type, message: `Malformed HTTP request: ${reason}` });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: application/x-amz-json-1.1\r\n` +
        `x-amzn-ErrorType: ${type}:\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
