import type { FastifyReply, FastifyRequest } from 'fastify';
import { gzipFor, notModified } from './cached-reply.js';
import type { CachedPage } from './page-cache.js';

/** Sends a pre-serialised page: 304 when the client has it, gzip when it accepts it. */
export function sendCached(request: FastifyRequest, reply: FastifyReply, page: CachedPage): FastifyReply {
  reply
    .header('ETag', page.etag)
    .header('Cache-Control', 'no-cache')
    .header('Vary', 'Origin, Accept-Encoding')
    .type('application/json; charset=utf-8');
  if (notModified(request.headers['if-none-match'], page)) return reply.code(304).send();
  const gzip = gzipFor(request.headers['accept-encoding'], page);
  if (gzip) return reply.header('Content-Encoding', 'gzip').send(gzip);
  return reply.send(page.body);
}
