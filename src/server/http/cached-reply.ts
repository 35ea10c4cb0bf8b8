import type { CachedPage } from './page-cache.js';

/** Whether an If-None-Match header names the page's ETag (weak or strong). */
export function notModified(ifNoneMatch: string | undefined, page: CachedPage): boolean {
  return Boolean(ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === page.etag));
}

/** The gzip bytes when the page has them and the client accepts gzip, else null (send the identity body). */
export function gzipFor(acceptEncoding: string | undefined, page: CachedPage): Buffer | null {
  return page.gzip && acceptEncoding && /\bgzip\b/.test(acceptEncoding) ? page.gzip : null;
}
