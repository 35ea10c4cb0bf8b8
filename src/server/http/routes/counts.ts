import type { FastifyInstance } from 'fastify';
import { CountsQuery, CountsReply, ErrorBody } from '../../../api/schemas.js';
import type { Parley } from '../../compose.js';
import { countComments } from '../../use-cases/count-comments.js';
import { requestOrigin } from '../request-origin.js';

/** GET /api/v1/counts?site=&url=&url=… — counts for a list of articles in one request. */
export async function countRoutes(app: FastifyInstance, parley: Parley): Promise<void> {
  app.get<{ Querystring: { site: string; url: string | string[] } }>('/api/v1/counts', {
    schema: { tags: ['comments'], summary: 'Comment counts for many pages', querystring: CountsQuery, response: { 200: CountsReply, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody } },
  }, async (request, reply) => {
    const urls = Array.isArray(request.query.url) ? request.query.url : [request.query.url];
    const counts = await countComments(parley.deps, { site: request.query.site, urls, origin: requestOrigin(request, parley.config.publicUrl) });
    return reply.header('Cache-Control', 'public, max-age=30').send({ counts });
  });
}
