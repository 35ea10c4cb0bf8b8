import type { FastifyInstance } from 'fastify';
import { demoColumns } from './columns/index.js';
import { DEMO_CSS } from './demo-css.js';
import { FAVICON_ICO, FAVICON_SVG } from './favicon.js';
import { renderColumnPage } from './render-column.js';
import { renderIndexPage } from './render-index.js';
import { renderNotFoundPage } from './render-not-found.js';

export { demoColumns } from './columns/index.js';
export { demoColumnUrl } from './urls.js';

export interface DemoPagesOptions {
  /** Absolute http(s) address the demo is reached at, e.g. `http://127.0.0.1:8080`; used for canonical and count URLs. */
  baseUrl: string;
  /** The Parley site id the embedded widget and count script talk to. */
  siteId: string;
}

const HTML = 'text/html; charset=utf-8';
const CSS = 'text/css; charset=utf-8';
const ICON_CACHE = 'public, max-age=86400';

function checkOptions(opts: DemoPagesOptions): void {
  let url: URL;
  try {
    url = new URL(opts.baseUrl);
  } catch {
    throw new Error(`demoPages: baseUrl must be an absolute URL, got ${JSON.stringify(opts.baseUrl)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`demoPages: baseUrl must use http or https, got ${JSON.stringify(opts.baseUrl)}`);
  }
  if (typeof opts.siteId !== 'string' || opts.siteId.length === 0) {
    throw new Error('demoPages: siteId is required');
  }
}

/**
 * Serves the demo publication: `GET /` (front page), `GET /columns/:slug` (a column, or a 404 page) and
 * `GET /demo.css`, and the icon (`/favicon.svg`, `/favicon.ico`). Every page is rendered once, here, since the content is static.
 */
const DEMO_CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: https:",
  "connect-src 'self'", "font-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
].join('; ');

export async function demoPages(app: FastifyInstance, opts: DemoPagesOptions): Promise<void> {
  checkOptions(opts);
  const render = { baseUrl: opts.baseUrl, siteId: opts.siteId };
  const indexHtml = renderIndexPage(demoColumns, render);
  const notFoundHtml = renderNotFoundPage();
  const columnHtml = new Map(demoColumns.map((c) => [c.slug, renderColumnPage(c, demoColumns, render)]));
  // A publisher's page like any other: not framable by another site (clickjacking of the comment form), and a strict
  // CSP that shows what the widget needs: scripts and connections to Parley only, inline styles (the highlights and
  // the article-side controls), images over https (readers' SSO pictures).
  app.addHook('onSend', async (_request, reply, payload) => {
    if (String(reply.getHeader('content-type') ?? '').startsWith('text/html')) {
      reply.header('Content-Security-Policy', DEMO_CSP).header('X-Frame-Options', 'DENY');
    }
    return payload;
  });

  app.get('/', async (_request, reply) => reply.type(HTML).send(indexHtml));

  app.get<{ Params: { slug: string } }>('/columns/:slug', async (request, reply) => {
    const html = columnHtml.get(request.params.slug);
    if (html === undefined) return reply.code(404).type(HTML).send(notFoundHtml);
    return reply.type(HTML).send(html);
  });

  app.get('/demo.css', async (_request, reply) => reply.type(CSS).send(DEMO_CSS));
  app.get('/favicon.svg', async (_request, reply) => reply.type('image/svg+xml; charset=utf-8').header('Cache-Control', ICON_CACHE).send(FAVICON_SVG));
  app.get('/favicon.ico', async (_request, reply) => reply.type('image/x-icon').header('Cache-Control', ICON_CACHE).send(FAVICON_ICO));
}
