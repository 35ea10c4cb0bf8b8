import type { Comment } from '../../core/comment/comment.js';
import { interleaveReplies } from '../../core/comment/comment-tree.js';
import { unwrap } from '../../core/errors.js';
import { canonicalUrl } from '../../core/url/canonical-url.js';
import { listPassageComments, listRepliesOf } from '../storage/repos/comment-repo.js';
import { findThread } from '../storage/repos/thread-repo.js';
import type { Deps } from './deps.js';
import { loadSite } from './load-site.js';

/** Passage comments in article order (orphans last, oldest first among equals). */
function articleOrder(a: Comment, b: Comment): number {
  const pa = a.passage!;
  const pb = b.passage!;
  const oa = pa.status === 'orphaned' ? Infinity : (pa.current ?? pa).position.start;
  const ob = pb.status === 'orphaned' ? Infinity : (pb.current ?? pb).position.start;
  return oa - ob || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);
}

/** GET /api/v1/passages: every passage comment of a page in article order, each followed by its replies. */
export async function listPassages(
  deps: Deps,
  input: { site: string; url: string; origin: string | undefined; onlyOrphans?: boolean },
): Promise<{ comments: Comment[]; total: number }> {
  const site = await loadSite(deps, input.site, input.origin);
  const thread = await findThread(deps.db, site.id, unwrap(canonicalUrl(input.url)));
  if (!thread) return { comments: [], total: 0 };
  const roots = (await listPassageComments(deps.db, thread.id))
    .filter((c) => !input.onlyOrphans || c.passage?.status === 'orphaned')
    .sort(articleOrder);
  const comments = interleaveReplies(roots, await listRepliesOf(deps.db, roots.map((r) => r.id)));
  return { comments, total: comments.filter((c) => c.status === 'published').length };
}
