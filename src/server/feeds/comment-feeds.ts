import { unwrap } from '../../core/errors.js';
import { canonicalUrl } from '../../core/url/canonical-url.js';
import { latestComments, threadTitle, type FeedComment } from '../storage/repos/feed-repo.js';
import type { Deps } from '../use-cases/deps.js';
import { loadSite } from '../use-cases/load-site.js';
import { renderAtom, type AtomEntry } from './atom.js';

export const FEED_SIZE = 50;

type FeedDeps = Pick<Deps, 'db' | 'sites'>;

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** `tag:` URIs (RFC 4151) minted under Parley's public host name: stable as long as PUBLIC_URL is. */
const tagUri = (publicUrl: string, since: number, specific: string) => `tag:${new URL(publicUrl).hostname},${day(since)}:parley:${specific}`;

function entryOf(c: FeedComment, publicUrl: string): AtomEntry {
  const title = c.title ?? c.url;
  return {
    id: tagUri(publicUrl, c.createdAt, `comment:${c.id}`),
    title: `${c.authorName} on ${title}`,
    authorName: c.authorName,
    published: c.createdAt,
    updated: c.editedAt ?? c.createdAt,
    link: `${c.url}#parley-comment-${c.id}`,
    html: c.bodyHtml,
  };
}

const newest = (entries: AtomEntry[], fallback: number) => Math.max(fallback, ...entries.map((e) => e.updated));

/** GET /feeds/comments.atom?site=&url=: the latest published comments of one page. */
export async function pageFeed(deps: FeedDeps, q: { site: string; url: string; publicUrl: string }): Promise<string> {
  const site = await loadSite(deps, q.site, undefined);
  const url = unwrap(canonicalUrl(q.url));
  const comments = await latestComments(deps.db, { siteId: site.id, url, limit: FEED_SIZE });
  const entries = comments.map((c) => entryOf(c, q.publicUrl));
  const title = (await threadTitle(deps.db, site.id, url)) ?? url;
  const query = new URLSearchParams({ site: site.id, url });
  return renderAtom({
    id: tagUri(q.publicUrl, site.createdAt, `site:${site.id}:page:${url}`),
    title: `Comments on ${title}`,
    updated: newest(entries, site.createdAt),
    selfUrl: `${q.publicUrl}/feeds/comments.atom?${query}`,
    alternateUrl: url,
    entries,
  });
}

/** GET /feeds/site.atom?site=: the latest published comments of a whole site. */
export async function siteFeed(deps: FeedDeps, q: { site: string; publicUrl: string }): Promise<string> {
  const site = await loadSite(deps, q.site, undefined);
  const entries = (await latestComments(deps.db, { siteId: site.id, limit: FEED_SIZE })).map((c) => entryOf(c, q.publicUrl));
  return renderAtom({
    id: tagUri(q.publicUrl, site.createdAt, `site:${site.id}`),
    title: `Comments on ${site.name}`,
    updated: newest(entries, site.createdAt),
    selfUrl: `${q.publicUrl}/feeds/site.atom?${new URLSearchParams({ site: site.id })}`,
    alternateUrl: null,
    entries,
  });
}
