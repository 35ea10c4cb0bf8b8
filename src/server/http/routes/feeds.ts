import { createHash } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Parley } from '../../compose.js';
import { pageFeed, siteFeed } from '../../feeds/comment-feeds.js';

const SiteQuery = Type.Object({ site: Type.String({ minLength: 1, maxLength: 64 }) });
const PageFeedQuery = Type.Object({ site: Type.String({ minLength: 1, maxLength: 64 }), url: Type.String({ minLength: 1, maxLength: 2048 }) });
const schema = (summary: string, querystring: object) => ({ tags: ['feeds'], summary, querystring, produces: ['application/atom+xml'] });

function sendFeed(request: FastifyRequest, reply: FastifyReply, xml: string): FastifyReply {
  const etag = `"${createHash('sha256').update(xml).digest('base64url').slice(0, 27)}"`;
  reply.header('ETag', etag).header('Cache-Control', 'public, max-age=60').type('application/atom+xml; charset=utf-8');
  const match = request.headers['if-none-match'];
  if (match && match.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return reply.code(304).send();
  return reply.send(xml);
}

/** Atom feeds of the latest comments, per page and per site, for feed readers. */
export async function feedRoutes(app: FastifyInstance, parley: Parley): Promise<void> {
  const { deps, config } = parley;
  // Feeds are public and the same for everyone: any page may read them, never with the reader's cookies.
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.removeHeader('access-control-allow-credentials');
    reply.header('access-control-allow-origin', '*');
    return payload;
  });

  // GET /feeds/comments.atom?site=&url= — the latest 50 published comments of a page
  app.get<{ Querystring: { site: string; url: string } }>('/feeds/comments.atom', { schema: schema('Atom feed of the latest comments of a page', PageFeedQuery) },
    async (request, reply) => sendFeed(request, reply, await pageFeed(deps, { ...request.query, publicUrl: config.publicUrl })));

  // GET /feeds/site.atom?site= — the latest 50 published comments of a site
  app.get<{ Querystring: { site: string } }>('/feeds/site.atom', { schema: schema('Atom feed of the latest comments of a site', SiteQuery) },
    async (request, reply) => sendFeed(request, reply, await siteFeed(deps, { ...request.query, publicUrl: config.publicUrl })));
}
