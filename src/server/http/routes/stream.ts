import type { FastifyInstance } from 'fastify';
import { ErrorBody, PageQuery } from '../../../api/schemas.js';
import { DomainError, unwrap } from '../../../core/errors.js';
import { canonicalUrl } from '../../../core/url/canonical-url.js';
import type { Parley } from '../../compose.js';
import { loadSite } from '../../use-cases/load-site.js';
import { PageCache } from '../page-cache.js';
import { requestOrigin } from '../request-origin.js';

/**
 * GET /api/v1/stream?site=&url= — the page's thread as Server-Sent Events: `comment.created`, `comment.updated`,
 * `comment.deleted` (the public comment) and `comment.voted` (`{ id, score, upvotes, downvotes }`), each with an
 * `id:`; `resync` when the reader must reload the thread; `: ping` every 25 s. A reconnect with `Last-Event-ID`
 * (or `?lastEventId=`) replays what was missed. The reply is hijacked: Fastify's hooks do not run for it.
 */
export async function streamRoutes(app: FastifyInstance, parley: Parley): Promise<void> {
  const { deps, config, live } = parley;
  await live.start(app.log);
  // Before the server closes: end every stream, so closing does not wait for readers.
  app.addHook('preClose', async () => live.endStreams());
  app.addHook('onClose', async () => live.endStreams());

  app.get<{ Querystring: { site: string; url: string; lastEventId?: string } }>('/api/v1/stream', {
    schema: {
      tags: ['live'],
      summary: 'Live updates of a page’s thread (text/event-stream)',
      querystring: PageQuery,
      response: { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 429: ErrorBody, 503: ErrorBody },
    },
  }, async (request, reply) => {
    const origin = request.headers.origin;
    const site = await loadSite(deps, request.query.site, requestOrigin(request, config.publicUrl));
    const threadKey = PageCache.threadKey(site.id, unwrap(canonicalUrl(request.query.url)));
    const verdict = live.hub.admit(request.ip, { global: config.streamLimit, perIp: config.streamLimitPerIp });
    if (verdict === 'per-ip') throw new DomainError('RATE_LIMITED', `At most ${config.streamLimitPerIp} live streams per client; close one first.`);
    if (verdict === 'global') {
      return reply.code(503).header('Retry-After', '30').type('application/json; charset=utf-8')
        .send({ error: { code: 'RATE_LIMITED', message: 'This server has too many live streams open; try again later.' } });
    }
    const header = request.headers['last-event-id'];
    const lastEventId = (typeof header === 'string' && header) || (typeof request.query.lastEventId === 'string' && request.query.lastEventId) || undefined;
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache',
      'X-Accel-Buffering': 'no',
      'X-Content-Type-Options': 'nosniff',
      ...(origin ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } : {}),
    });
    live.hub.attach(res, request.ip, threadKey, lastEventId?.slice(0, 64));
  });
}
