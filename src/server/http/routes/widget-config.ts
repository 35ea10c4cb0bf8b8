import type { FastifyInstance } from 'fastify';
import { ErrorBody, WidgetConfigQuery, WidgetConfigReply } from '../../../api/schemas.js';
import type { Parley } from '../../compose.js';
import { widgetConfig } from '../../use-cases/widget-config.js';
import { requestOrigin } from '../request-origin.js';

/** GET /api/v1/config?site= — what this Parley can do for the site (mail, sign-in, limits, reactions). */
export async function widgetConfigRoutes(app: FastifyInstance, parley: Parley): Promise<void> {
  const { config, deps, sites } = parley;
  const known = { sites, mail: deps.notify.mailer.enabled, maxCommentLength: config.maxCommentLength, editWindowMs: config.editWindow };
  app.get<{ Querystring: { site: string } }>('/api/v1/config', {
    schema: {
      tags: ['widget'],
      summary: 'What the server can do for a site: mail, sign-in methods, limits, reactions (the widget offers only these)',
      querystring: WidgetConfigQuery,
      response: { 200: WidgetConfigReply, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody },
    },
  }, async (request, reply) => {
    const answer = await widgetConfig(known, { site: request.query.site, origin: requestOrigin(request, config.publicUrl) });
    return reply.header('Cache-Control', 'public, max-age=60').send(answer);
  });
}
