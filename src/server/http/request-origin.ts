import type { FastifyRequest } from 'fastify';

const header = (request: FastifyRequest, name: string): string | undefined => {
  const v = request.headers[name];
  return typeof v === 'string' && v ? v : undefined;
};

const originOf = (url: string): string | undefined => {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
};

/**
 * The origin of the page a request comes from, for the sites' origin allow-lists; undefined when it is not a
 * page's request (servers, tools) or the browser does not say.
 *
 * 1. `Origin`, unless absent or "null" (sandboxed frames, some redirects);
 * 2. `Sec-Fetch-Site: same-origin` (set by browsers only): the page is on Parley's own origin, as the browser reached
 *    it: the origin of `Referer` when sent, else PUBLIC_URL's. Browsers send no `Origin` on a same-origin GET, so a
 *    page Parley serves itself (the demo publication) would otherwise look like a tool;
 * 3. the origin of `Referer` (a no-cors request, such as a GET from an older browser);
 * 4. undefined.
 */
export function requestOrigin(request: FastifyRequest, publicUrl: string): string | undefined {
  const origin = header(request, 'origin');
  if (origin && origin !== 'null') return origin;
  const referer = header(request, 'referer');
  const fromReferer = referer ? originOf(referer) : undefined;
  if (header(request, 'sec-fetch-site') === 'same-origin') return fromReferer ?? originOf(publicUrl);
  return fromReferer;
}
