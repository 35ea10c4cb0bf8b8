import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CachedPage } from './page-cache.js';

/** Sends a pre-serialised page: 304 when the client has it, gzip when it accepts it. */
export function sendCached(request: FastifyRequest, reply: FastifyReply, page: CachedPage): FastifyReply {
  reply
    .header('ETag', page.etag)
    .header('Cache-Control', 'no-cache')
    .header('Vary', 'Origin, Accept-Encoding')
    .type('application/json; charset=utf-8');
  const match = request.headers['if-none-match'];
  if (match && match.split(',').some((t) => t.trim().replace(/^W\//, '') === page.etag)) return reply.code(304).send();
  const accepts = request.headers['accept-encoding'];
  if (page.gzip && accepts && /\bgzip\b/.test(accepts)) return reply.header('Content-Encoding', 'gzip').send(page.gzip);
  return reply.send(page.body);
}
