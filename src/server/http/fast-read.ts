import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { checkOrigin } from '../../core/site/origin.js';
import type { Parley } from '../compose.js';
import { gzipFor, notModified } from './cached-reply.js';
import type { CachedPage } from './page-cache.js';
import { requestIds } from './request-id.js';

/** Where a ready answer came from: the page cache's entry it must still be, and the site whose origins it needs. */
export interface FastSource {
  siteId: string;
  threadKey: string;
  pageKey: string;
  page: CachedPage;
}

interface Ready extends FastSource {
  /** the headers the route sent, without those that vary per answer */
  headers: OutgoingHttpHeaders;
}

/** Headers set per answer (or by Node), not kept with a ready answer. */
const PER_ANSWER = new Set(['content-length', 'content-encoding', 'x-request-id', 'date', 'connection', 'keep-alive', 'transfer-encoding']);
const MAX_READY = 10_000;

/**
 * The cached read without the framework (issue 9): GET /api/v1/comments answers kept by their raw URL and Origin,
 * served from the HTTP server's request event before Fastify parses, validates or canonicalises anything.
 *
 * - A ready answer is recorded from a 200 the route itself sent (`offer`), headers included, so the fast answer
 *   carries exactly the route's headers (CORS, Vary, security headers); only X-Request-Id (same generator),
 *   Content-Length and Content-Encoding are set per request, and the ETag/304 and gzip choices use the route's code.
 * - It is served only while the page cache still holds that very page (so it is dropped exactly when the page
 *   cache drops it: every write, a NOTIFY from another process, eviction), and while the site, looked up in memory,
 *   still allows the request's origin. Anything else — another method, a body, a Referer or Sec-Fetch-Site
 *   without Origin, a stale site list, a closing server, request logging on — goes through Fastify unchanged.
 */
export class FastReads {
  private readonly ready = new Map<string, Ready>();
  private readonly offered = new WeakMap<FastifyRequest, FastSource>();
  private readonly requestId: (req: IncomingMessage) => string;
  private closing = false;
  readonly enabled: boolean;

  constructor(private readonly parley: Parley) {
    this.requestId = requestIds(parley.config.trustProxy);
    // One log line per request (debug, trace) is Fastify's: keep every request on its path then.
    this.enabled = !['debug', 'trace'].includes(parley.config.logLevel);
  }

  /** Serves ready answers ahead of Fastify's handler on the app's server; records the route's answers. */
  install(app: FastifyInstance): void {
    if (!this.enabled) return;
    const [handler, ...others] = app.server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
    if (!handler || others.length) return;
    app.server.removeListener('request', handler);
    app.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      if (!this.serve(req, res)) handler(req, res);
    });
    app.addHook('onResponse', (request, reply, done) => {
      const source = this.offered.get(request);
      if (source && reply.statusCode === 200) this.record(request, reply, source);
      done();
    });
    app.addHook('preClose', (done) => {
      this.closing = true;
      done();
    });
  }

  /** Called by the route with the page it answers from; kept once the answer went out as a 200. */
  offer(request: FastifyRequest, source: FastSource): void {
    if (this.enabled) this.offered.set(request, source);
  }

  private static key(origin: string | undefined, url: string): string {
    return `${origin ?? ''}\n${url}`;
  }

  private record(request: FastifyRequest, reply: FastifyReply, source: FastSource): void {
    const origin = request.headers.origin;
    if (!this.eligible(request.raw)) return;
    const headers: OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(reply.getHeaders())) if (!PER_ANSWER.has(name)) headers[name] = value;
    if (this.ready.size >= MAX_READY) this.ready.delete(this.ready.keys().next().value!);
    this.ready.set(FastReads.key(origin, request.url), { ...source, headers });
  }

  /** Requests whose answer depends on nothing but the URL, Origin, Accept-Encoding and If-None-Match. */
  private eligible(req: IncomingMessage): boolean {
    const h = req.headers;
    if (req.method !== 'GET' || h['content-length'] !== undefined || h['transfer-encoding'] !== undefined) return false;
    if (h.origin !== undefined) return h.origin !== 'null' && h.origin !== '';
    return h.referer === undefined && h['sec-fetch-site'] === undefined;
  }

  private serve(req: IncomingMessage, res: ServerResponse): boolean {
    if (this.closing || req.method !== 'GET') return false;
    const key = FastReads.key(req.headers.origin, req.url ?? '');
    const ready = this.ready.get(key);
    if (!ready || !this.eligible(req)) return false;
    if (this.parley.pageCache.get(ready.threadKey, ready.pageKey) !== ready.page) {
      this.ready.delete(key);
      return false;
    }
    const site = this.parley.sites.peek(ready.siteId);
    // eligible(): the page's origin is the Origin header, or there is none (no Referer, no Sec-Fetch-Site either).
    if (!site || !checkOrigin(site.origins, req.headers.origin).ok) return false;
    const headers: OutgoingHttpHeaders = { ...ready.headers, 'x-request-id': this.requestId(req) };
    if (notModified(req.headers['if-none-match'], ready.page)) {
      res.writeHead(304, headers).end();
      return true;
    }
    const gzip = gzipFor(req.headers['accept-encoding'], ready.page);
    const body = gzip ?? ready.page.body;
    if (gzip) headers['content-encoding'] = 'gzip';
    headers['content-length'] = body.length;
    res.writeHead(200, headers).end(body);
    return true;
  }
}
