import type { FastifyInstance } from 'fastify';
import { ErrorBody, PreviewBody, PreviewReply } from '../../../api/schemas.js';
import type { Parley } from '../../compose.js';
import { previewComment } from '../../use-cases/preview-comment.js';
import { requestOrigin } from '../request-origin.js';

/** POST /api/v1/preview — a comment's text rendered by the server's own rules, without saving anything. */
export async function previewRoutes(app: FastifyInstance, parley: Parley): Promise<void> {
  const { config, deps } = parley;
  app.post<{ Body: PreviewBody }>('/api/v1/preview', {
    schema: {
      tags: ['comments'],
      summary: 'Render a comment\'s Markdown exactly as posting it would (nothing is saved)',
      body: PreviewBody,
      response: { 200: PreviewReply, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 413: ErrorBody, 429: ErrorBody },
    },
    // Cheap, but not free: as many per client per minute as votes (RATE_LIMIT_VOTES), counted apart from them.
    config: { rateLimit: { max: config.rateLimitVotes, timeWindow: 60_000, groupId: 'previews' } },
  }, async (request, reply) => {
    const html = await previewComment(deps, { ...request.body, origin: requestOrigin(request, config.publicUrl) });
    return reply.header('Cache-Control', 'no-store').send(html);
  });
}
