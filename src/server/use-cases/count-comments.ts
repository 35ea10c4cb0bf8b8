import { canonicalUrl } from '../../core/url/canonical-url.js';
import { countsByUrl } from '../storage/repos/thread-repo.js';
import type { Deps } from './deps.js';
import { loadSite } from './load-site.js';

/** GET /api/v1/counts: published-comment counts for many pages, keyed by the URLs as the caller wrote them. */
export async function countComments(
  deps: Deps,
  input: { site: string; urls: string[]; origin: string | undefined },
): Promise<Record<string, number>> {
  const site = await loadSite(deps, input.site, input.origin);
  const canonical = new Map<string, string>();
  for (const u of input.urls) {
    const c = canonicalUrl(u);
    if (c.ok) canonical.set(u, c.value);
  }
  const counts = await countsByUrl(deps.db, site.id, [...new Set(canonical.values())]);
  const out: Record<string, number> = {};
  for (const u of input.urls) out[u] = counts.get(canonical.get(u) ?? '') ?? 0;
  return out;
}
