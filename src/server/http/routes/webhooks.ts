import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ErrorBody } from '../../../api/schemas.js';
import type { Parley } from '../../compose.js';
import { authorizePublisher } from '../../use-cases/page-text.js';
import { deliveryLog, MAX_LOG_LIMIT } from '../../webhooks/manage-webhooks.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody };
const bearer = (r: FastifyRequest) => /^Bearer\s+(\S+)$/i.exec(r.headers.authorization ?? '')?.[1];
const iso = (ms: number) => new Date(ms).toISOString();

const DeliveriesQuery = Type.Object({
  site: Type.String({ minLength: 1, maxLength: 64 }),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_LOG_LIMIT, default: 50 })),
});

const DeliveriesReply = Type.Object({
  deliveries: Type.Array(Type.Object({
    id: Type.String(),
    webhookId: Type.String(),
    eventId: Type.String(),
    eventType: Type.String(),
    attempt: Type.Integer(),
    status: Type.Union([Type.Integer(), Type.Null()], { description: "The receiver's HTTP status; null when it did not answer." }),
    delivered: Type.Boolean(),
    durationMs: Type.Integer(),
    error: Type.Union([Type.String(), Type.Null()]),
    createdAt: Type.String({ format: 'date-time' }),
  })),
});

/** The webhook delivery log, for the site's publisher. */
export async function webhookRoutes(app: FastifyInstance, parley: Parley): Promise<void> {
  const { deps } = parley;

  // GET /api/v1/webhooks/deliveries?site=&limit= — latest delivery attempts, newest first (Bearer site key)
  app.get<{ Querystring: { site: string; limit?: number } }>('/api/v1/webhooks/deliveries', {
    schema: { tags: ['webhooks'], summary: "Publisher: the latest webhook delivery attempts of a site (Bearer site key)", querystring: DeliveriesQuery, response: { 200: DeliveriesReply, ...errors } },
  }, async (request) => {
    await authorizePublisher(deps, request.query.site, bearer(request));
    const log = await deliveryLog(deps, request.query.site, request.query.limit ?? 50);
    return {
      deliveries: log.map((d) => ({
        id: d.id, webhookId: d.webhookId, eventId: d.eventId, eventType: d.eventType, attempt: d.attempt,
        status: d.statusCode, delivered: d.error === null, durationMs: d.durationMs, error: d.error, createdAt: iso(d.createdAt),
      })),
    };
  });
}
