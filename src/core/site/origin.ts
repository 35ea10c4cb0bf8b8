import { err, ok, type Result } from '../errors.js';

/**
 * Whether a browser on `origin` may use a site's discussion. Requests with no Origin header come from
 * servers and tools, not from a page, and are allowed. Matching is exact: scheme, host and port.
 */
export function checkOrigin(allowed: readonly string[], origin: string | undefined): Result<void> {
  if (origin === undefined) return ok(undefined);
  if (allowed.includes(origin.toLowerCase())) return ok(undefined);
  return err('ORIGIN_NOT_ALLOWED', 'This site does not allow comments from this origin.');
}

/** Normalises an allowed origin as written by a publisher ("https://News.example.org/" → "https://news.example.org"). */
export function normalizeOrigin(input: string): Result<string> {
  try {
    const u = new URL(input.trim());
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return err('VALIDATION_FAILED', `"${input}" is not an http(s) origin`);
    if (u.pathname !== '/' || u.search || u.hash) return err('VALIDATION_FAILED', `"${input}" must be an origin only, like https://news.example.org`);
    return ok(u.origin);
  } catch {
    return err('VALIDATION_FAILED', `"${input}" is not an origin such as https://news.example.org`);
  }
}

const SITE_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

export function checkSiteId(id: string): Result<string> {
  return SITE_ID.test(id) ? ok(id) : err('VALIDATION_FAILED', 'A site id is 1–63 lower-case letters, digits or dashes, starting with a letter or digit.');
}

/**
 * A thread exists only for a page on one of the site's origins, whoever asks: a browser of the site, a server-side
 * caller or a tool. Otherwise anyone could open threads (and feed entries) on a site for another host's pages. A
 * publisher whose pages live on more hosts adds those origins (`parley site update --origin`).
 */
export function checkPageUrl(allowed: readonly string[], pageUrl: string): Result<void> {
  let pageOrigin: string;
  try {
    pageOrigin = new URL(pageUrl).origin;
  } catch {
    return err('INVALID_URL', 'url must be an absolute http(s) URL');
  }
  return allowed.includes(pageOrigin) ? ok(undefined) : err('INVALID_URL', 'The page is not on one of this site’s origins.');
}
