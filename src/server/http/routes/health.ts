import type { FastifyInstance } from 'fastify';
import { ErrorBody, HealthReply } from '../../../api/schemas.js';
import type { Parley } from '../../compose.js';
import { readiness } from '../../use-cases/readiness.js';
import { sendError } from '../error-handler.js';

/**
 * GET /healthz — liveness: the process answers (no database query; a load balancer polls it often).
 * GET /readyz — readiness: the database answers and, for SQLite, its disk has room; else 503 SERVICE_UNAVAILABLE
 * ("database unreachable") or STORAGE_FULL ("disk full"), with Retry-After.
 */
export async function healthRoutes(app: FastifyInstance, parley: Parley): Promise<void> {
  const schema = (summary: string) => ({ tags: ['operations'], summary, response: { 200: HealthReply, 503: ErrorBody } });
  app.get('/healthz', { schema: schema('Liveness: the process answers') }, async () => ({ status: 'ok' as const }));

  app.get('/readyz', { schema: schema('Readiness: the database answers and has room') }, async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
    const r = await readiness(parley.storage);
    if (r.ready) return { status: 'ok' as const };
    request.log.warn(`not ready: ${r.reason}`);
    return sendError(reply.header('Retry-After', r.code === 'STORAGE_FULL' ? '60' : '5'), r.code, r.reason);
  });
}
