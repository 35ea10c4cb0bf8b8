import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { ErrorBody, HealthReply } from '../../../api/schemas.js';
import type { Parley } from '../../compose.js';
import { sendError } from '../error-handler.js';

/** GET /healthz — answers ok when the database answers. */
export async function healthRoutes(app: FastifyInstance, parley: Parley): Promise<void> {
  app.get('/healthz', { schema: { tags: ['operations'], response: { 200: HealthReply, 500: ErrorBody } } }, async (request, reply) => {
    try {
      await sql`select 1`.execute(parley.storage.db);
      return { status: 'ok' as const };
    } catch (e) {
      request.log.error({ err: e }, 'health check failed');
      return sendError(reply, 'INTERNAL', 'The database does not answer.');
    }
  });
}
