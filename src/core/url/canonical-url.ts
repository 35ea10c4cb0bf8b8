import { err, ok, type Result } from '../errors.js';

/** Query parameters that identify a campaign or a click, not a page: removed from thread keys. */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'igshid', 'mc_cid', 'mc_eid',
  '_ga', '_gl', 'ref_src', 'ref_url', 'spm', 'cmpid', 'ito', 'ocid', 'oly_anon_id', 'oly_enc_id', 'vero_id',
  '__s', 'mkt_tok', 'hsctatracking', '_hsenc', '_hsmi',
]);
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hsa_'];

export const MAX_URL_LENGTH = 2048;

function isTracking(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((p) => lower.startsWith(p));
}

/**
 * The key a page's thread is stored under: scheme and host lower-cased, default port, fragment and
 * tracking parameters removed, remaining parameters sorted, trailing slash removed (but for the root).
 * @example canonicalUrl('HTTPS://Example.org/a/?utm_source=x&b=2#c') // ok('https://example.org/a?b=2')
 */
export function canonicalUrl(input: string): Result<string> {
  if (typeof input !== 'string' || input.length === 0 || input.length > MAX_URL_LENGTH) {
    return err('INVALID_URL', 'url must be an absolute http(s) URL of at most 2048 characters');
  }
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return err('INVALID_URL', 'url must be an absolute http(s) URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return err('INVALID_URL', 'url must use http or https');
  }
  url.hash = '';
  url.username = '';
  url.password = '';
  const kept = [...url.searchParams].filter(([name]) => !isTracking(name));
  kept.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  url.search = new URLSearchParams(kept).toString();
  let path = url.pathname;
  if (path.length > 1 && path.endsWith('/')) path = path.replace(/\/+$/, '') || '/';
  url.pathname = path;
  // URL already lower-cases the scheme and host and drops default ports. Percent-encoding can make the canonical
  // form several times longer than what was typed: the limit holds for what is stored.
  const canonical = url.toString();
  if (canonical.length > MAX_URL_LENGTH) return err('INVALID_URL', 'url must be at most 2048 characters once encoded');
  return ok(canonical);
}
