import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastJson from 'fast-json-stringify';
import { ErrorBody, PageAuthorsBody, PageAuthorsReply, PageQuery, PageTextBody, PageTextReply, PassagesReply } from '../../../api/schemas.js';
import { setPageAuthors } from '../../use-cases/accounts.js';
import { toPublicComment } from '../../../api/to-public.js';
import { unwrap } from '../../../core/errors.js';
import { canonicalUrl } from '../../../core/url/canonical-url.js';
import type { Parley } from '../../compose.js';
import { listPassages } from '../../use-cases/list-passages.js';
import { loadSite } from '../../use-cases/load-site.js';
import { authorizePublisher, hintPageText, updatePageText, type PageTextInput } from '../../use-cases/page-text.js';
import { PageCache } from '../page-cache.js';
import { hintLimit } from '../rate-limits.js';
import { sendCached } from '../send-cached.js';
import { requestOrigin } from '../request-origin.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 413: ErrorBody, 429: ErrorBody };
const tags = ['passages'];
const TEXT_BODY_LIMIT = 4 * 1024 * 1024;
const bearer = (r: FastifyRequest) => /^Bearer\s+(\S+)$/i.exec(r.headers.authorization ?? '')?.[1];
const serializePassages = fastJson(PassagesReply);

/** Passage comments and the article texts they are anchored in. */
export async function pageRoutes(app: FastifyInstance, parley: Parley): Promise<void> {
  const { deps, pageCache } = parley;

  // PUT /api/v1/pages/text — the publisher's current article text (Bearer site key); re-anchors passage comments
  app.put<{ Body: PageTextInput }>('/api/v1/pages/text', {
    schema: { tags, summary: 'Publisher: set the article text of a page (re-anchors its passage comments)', body: PageTextBody, response: { 200: PageTextReply, ...errors } },
    bodyLimit: TEXT_BODY_LIMIT,
  }, async (request) => {
    await authorizePublisher(deps, request.body.site, bearer(request));
    return updatePageText(deps, request.body);
  });

  // PUT /api/v1/pages/authors — the column's authors (Bearer site key): their comments carry the "author" badge
  app.put<{ Body: PageAuthorsBody }>('/api/v1/pages/authors', {
    schema: { tags, summary: 'Publisher: name the authors of a page (SSO subs or account ids); their comments there get the author badge', body: PageAuthorsBody, response: { 200: PageAuthorsReply, ...errors } },
  }, async (request) => {
    await authorizePublisher(deps, request.body.site, bearer(request));
    return { authorIds: await setPageAuthors(deps, request.body) };
  });

  app.post<{ Body: PageTextInput }>('/api/v1/pages/hint', {
    schema: { tags, summary: 'Widget: report the article text a passage comment was made on (an unverified hint)', body: PageTextBody, response: { 204: { type: 'null' }, ...errors } },
    bodyLimit: TEXT_BODY_LIMIT,
    config: hintLimit(),
  }, async (request, reply) => {
    await hintPageText(deps, { ...request.body, origin: requestOrigin(request, parley.config.publicUrl) });
    return reply.code(204).send();
  });

  // GET /api/v1/passages?site=&url= — every passage comment of the page, in article order, with replies
  app.get<{ Querystring: { site: string; url: string } }>('/api/v1/passages', {
    schema: { tags, summary: 'Passage comments of a page in article order, each followed by its replies', querystring: PageQuery, response: { 200: PassagesReply, ...errors } },
  }, async (request, reply) => {
    const { site, url } = request.query;
    const origin = requestOrigin(request, parley.config.publicUrl);
    const threadKey = PageCache.threadKey((await loadSite(deps, site, origin)).id, unwrap(canonicalUrl(url)));
    const cached = pageCache.get(threadKey, 'passages');
    if (cached) return sendCached(request, reply, cached);
    const generation = pageCache.generation(threadKey);
    const page = await listPassages(deps, { site, url, origin });
    const json = serializePassages({ comments: page.comments.map(toPublicComment), total: page.total });
    return sendCached(request, reply, pageCache.set(threadKey, 'passages', generation, json));
  });

  app.get<{ Querystring: { site: string; url: string } }>('/api/v1/pages/orphans', {
    schema: { tags, summary: 'Publisher: passage comments whose passage is gone from the article (Bearer site key)', querystring: PageQuery, response: { 200: PassagesReply, ...errors } },
  }, async (request) => {
    await authorizePublisher(deps, request.query.site, bearer(request));
    const page = await listPassages(deps, { ...request.query, origin: undefined, onlyOrphans: true });
    return { comments: page.comments.map(toPublicComment), total: page.total };
  });
}
