import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type ErrorCode } from '../../core/errors.js';
import { dbFailure } from '../storage/db-errors.js';
import { ERROR_STATUS } from './error-status.js';

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
};

export function sendError(reply: FastifyReply, code: ErrorCode, message: string): FastifyReply {
  return reply.code(ERROR_STATUS[code]).type('application/json; charset=utf-8').send({ error: { code, message } });
}

/** Turns every failure into `{ error: { code, message } }`; unknown failures are logged and hidden. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | DomainError | Error, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof DomainError) return sendError(reply, error.code, error.message);
    const fe = error as FastifyError;
    if (fe.validation) {
      const where = fe.validationContext ? `${fe.validationContext}` : 'request';
      const first = fe.validation[0];
      const path = first?.instancePath ? first.instancePath.replace(/^\//, '').replace(/\//g, '.') : '';
      return sendError(reply, 'VALIDATION_FAILED', `Invalid ${where}${path ? ` field "${path}"` : ''}: ${first?.message ?? fe.message}`);
    }
    if (fe.statusCode === 429) return sendError(reply, 'RATE_LIMITED', fe.message || 'Too many requests; try again later.');
    const mapped = fe.code ? FASTIFY_CODES[fe.code] : undefined;
    if (mapped) return sendError(reply, mapped, fe.message);
    if (error instanceof SyntaxError && fe.statusCode === 400) return sendError(reply, 'INVALID_JSON', 'The request body is not valid JSON.');
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      return sendError(reply, fe.statusCode === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED', fe.message);
    }
    const db = dbFailure(error);
    if (db) {
      // The database is restarting, unreachable or full: a clear 503 the client may retry, not a 500.
      request.log.warn({ err: error }, db === 'full' ? 'database full' : 'database unavailable');
      reply.header('Retry-After', db === 'full' ? '60' : '5');
      return db === 'full'
        ? sendError(reply, 'STORAGE_FULL', 'The comments database is out of space; nothing was saved. Try again later.')
        : sendError(reply, 'SERVICE_UNAVAILABLE', 'The comments database cannot be reached right now; nothing was saved. Try again in a few seconds.');
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(reply, 'INTERNAL', 'Something went wrong on our side.');
  });
  app.setNotFoundHandler((request, reply) => sendError(reply, 'NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`));
}

/**
 * Errors Fastify meets before a route runs (a path that is not valid percent-encoding, a broken header): the same
 * `{ error: { code, message } }` shape. Passed as Fastify's `frameworkErrors` option.
 */
export function frameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const bad = error.code === 'FST_ERR_BAD_URL' ? 'The request path is not valid percent-encoding.' : error.message;
  void sendError(reply, 'VALIDATION_FAILED', bad);
}

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (headers over the limit, a broken chunked body, a slow
 * client): a JSON error in the same shape, then the connection is closed. Passed as Fastify's `clientErrorHandler`.
 */
export function clientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [code, status, reason, message]: [ErrorCode, number, string, string] =
    error.code === 'HPE_HEADER_OVERFLOW' ? ['HEADERS_TOO_LARGE', 431, 'Request Header Fields Too Large', 'The request headers are too large.']
    : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? ['REQUEST_TIMEOUT', 408, 'Request Timeout', 'The request took too long to arrive.']
    : ['VALIDATION_FAILED', 400, 'Bad Request', 'The request is not valid HTTP.'];
  const body = JSON.stringify({ error: { code, message } });
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(error);
}
