/**
 * The AWS JSON 1.1 surface: `POST` (on any path, as Amplify keeps the path of its endpoint) with
 * `X-Amz-Target: AWSCognitoIdentityProviderService.<Operation>` and a JSON body. Every answer, error or
 * not, is JSON with `x-amzn-RequestId`; errors carry `__type` + `message` in the body (botocore,
 * amazon-cognito-identity-js) and `x-amzn-ErrorType` (SDK v3, Amplify).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CognitoError, type CognitoErrorType } from '../errors.js';
import { cognitoOperationNames } from './cognito-operation-names.js';
import type { Operation, Services } from './operation.js';
import { validateInput } from './validation.js';

export const amzJsonContentType = 'application/x-amz-json-1.1';
const targetPrefix = 'AWSCognitoIdentityProviderService.';
const acceptedContentTypes = new Set(['application/x-amz-json-1.1', 'application/x-amz-json-1.0', 'application/json']);

declare module 'fastify' {
  interface FastifyRequest {
    /** The Cognito operation named by X-Amz-Target, for the request log. */
    cognitoOperation?: string;
    /** The error type answered, for the request log. */
    cognitoErrorType?: string;
  }
}

export async function registerAwsJsonProtocol(
  app: FastifyInstance,
  services: Services,
  operations: ReadonlyMap<string, Operation>,
): Promise<void> {
  await app.register(async (scope) => {
    // Bodies stay raw bytes until the handler: a parse failure must become a Cognito-shaped error, and any
    // content type must reach the handler so it can be refused in JSON rather than by Fastify's defaults.
    // Scoped to this plugin so the emulator's own routes keep Fastify's JSON parser.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    scope.post('*', (request, reply) => handleOperation(request, reply, services, operations));
  });
}

async function handleOperation(
  request: FastifyRequest,
  reply: FastifyReply,
  services: Services,
  operations: ReadonlyMap<string, Operation>,
): Promise<FastifyReply> {
  {
    const target = headerValue(request.headers['x-amz-target']);
    const operationName = target?.startsWith(targetPrefix) ? target.slice(targetPrefix.length) : undefined;
    request.cognitoOperation = operationName ?? target ?? '(none)';
    if (!operationName || !cognitoOperationNames.has(operationName)) {
      throw new CognitoError('UnknownOperationException', target ? `Unknown operation ${target}` : 'Missing X-Amz-Target header');
    }
    const operation = operations.get(operationName);
    if (!operation) {
      throw new CognitoError('NotImplementedException', `cognito-emulator does not implement ${operationName} yet.`);
    }
    const input = parseBody(request);
    validateInput(operation.input, input);
    const output = await operation.run({ ...services, requestId: request.id, log: request.log }, input as never);
    return sendJson(reply, 200, output);
  }
}

function parseBody(request: FastifyRequest): unknown {
  const contentType = headerValue(request.headers['content-type'])?.split(';')[0]?.trim().toLowerCase();
  if (contentType === undefined || !acceptedContentTypes.has(contentType)) {
    throw new CognitoError('SerializationException', `Unsupported Content-Type ${contentType ?? '(none)'}; send ${amzJsonContentType}`); // wording invented
  }
  const raw = request.body instanceof Buffer ? request.body.toString('utf8') : '';
  if (raw.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new CognitoError('SerializationException', 'Malformed JSON in the request body'); // wording invented
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new CognitoError('SerializationException', 'The request body must be a JSON object'); // wording invented
  }
  return parsed;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function sendJson(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply.code(status).header('content-type', amzJsonContentType).send(JSON.stringify(body));
}

/** Answers any error as Cognito would; errors that are not Cognito's are logged and become a 500. */
export function sendError(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  const cognitoError = toCognitoError(error);
  if (cognitoError.type === 'InternalErrorException') request.log.error({ err: error }, 'internal error');
  request.cognitoErrorType = cognitoError.type;
  return reply
    .header('x-amzn-ErrorType', `${cognitoError.type}:`)
    .header('x-amzn-ErrorMessage', cognitoError.message.replace(/[^\x20-\x7e]/g, ' '))
    .code(cognitoError.status)
    .header('content-type', amzJsonContentType)
    .send(JSON.stringify({ __type: cognitoError.type, message: cognitoError.message }));
}

const fastifyErrorTypes: Record<string, CognitoErrorType> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'RequestEntityTooLargeException',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'SerializationException',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'SerializationException',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'SerializationException',
};

function toCognitoError(error: unknown): CognitoError {
  if (error instanceof CognitoError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && fastifyErrorTypes[code]) return new CognitoError(fastifyErrorTypes[code], (error as Error).message);
  const statusCode = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return new CognitoError('SerializationException', (error as Error).message);
  }
  return new CognitoError('InternalErrorException');
}
