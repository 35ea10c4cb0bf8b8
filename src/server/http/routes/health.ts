import type { FastifyInstance } from 'fastify';
import { ErrorBody, HealthReply } from '../../../api/schemas.js';
import type { Parley } from '../../compose.js';
import { dbFailure } from '../../storage/db-errors.js';
import { sendError } from '../error-handler.js';

/** Below this much free disk under a SQLite database, Parley is not ready: writes would fail with STORAGE_FULL. */
export const MIN_FREE_BYTES = 1024 * 1024;

/**
 * GET /healthz — liveness: the process answers (no database query; a load balancer polls it often).
 * GET /readyz — readiness: the database answers (a statement prepared once) and, for SQLite, its disk has room.
 * 503 SERVICE_UNAVAILABLE ("database unreachable") or STORAGE_FULL ("disk full") otherwise, with Retry-After.
 */
export async function healthRoutes(app: FastifyInstance, parley: Parley): Promise<void> {
  const schema = (summary: string) => ({ tags: ['operations'], summary, response: { 200: HealthReply, 503: ErrorBody } });
  app.get('/healthz', { schema: schema('Liveness: the process answers') }, async () => ({ status: 'ok' as const }));

  app.get('/readyz', { schema: schema('Readiness: the database answers and has room') }, async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
    try {
      await parley.storage.ping();
      const free = await parley.storage.freeBytes();
      if (free !== null && free < MIN_FREE_BYTES) {
        return sendError(reply.header('Retry-After', '60'), 'STORAGE_FULL', `Disk full: ${free} bytes free under the database.`);
      }
      return { status: 'ok' as const };
    } catch (e) {
      request.log.warn({ err: e }, 'readiness check failed');
      const full = dbFailure(e) === 'full';
      return sendError(reply.header('Retry-After', full ? '60' : '5'), full ? 'STORAGE_FULL' : 'SERVICE_UNAVAILABLE', full ? 'Disk full.' : 'Database unreachable.');
    }
  });
}
