import type { Comment } from '../../core/comment/comment.js';
import { interleaveReplies } from '../../core/comment/comment-tree.js';
import { cursorAfter, type PageCursor, type SortOrder } from '../../core/comment/sort.js';
import { DomainError, unwrap } from '../../core/errors.js';
import { canonicalUrl } from '../../core/url/canonical-url.js';
import { listRepliesOf, listRootPage } from '../storage/repos/comment-repo.js';
import { findThread } from '../storage/repos/thread-repo.js';
import type { Deps } from './deps.js';
import { loadSite } from './load-site.js';

export interface ListCommentsInput {
  site: string;
  url: string;
  sort: SortOrder;
  limit: number;
  cursor: PageCursor | null;
  origin: string | undefined;
}

export interface CommentPage {
  siteId: string;
  url: string;
  /** Top-level comments in order, each followed by its replies (oldest first). */
  comments: Comment[];
  nextCursor: PageCursor | null;
  total: number;
}

/** GET /api/v1/comments: one page of a thread's top-level comments with all their replies. */
export async function listComments(deps: Deps, input: ListCommentsInput): Promise<CommentPage> {
  const site = await loadSite(deps, input.site, input.origin);
  const url = unwrap(canonicalUrl(input.url));
  if (input.cursor && input.cursor.order !== input.sort) {
    throw new DomainError('CURSOR_INVALID', 'The cursor belongs to another sort order.');
  }
  const thread = await findThread(deps.db, site.id, url);
  if (!thread) return { siteId: site.id, url, comments: [], nextCursor: null, total: 0 };
  const roots = await listRootPage(deps.db, thread.id, input.sort, input.cursor, input.limit + 1);
  const hasMore = roots.length > input.limit;
  const page = hasMore ? roots.slice(0, input.limit) : roots;
  const replies = await listRepliesOf(deps.db, page.map((c) => c.id));
  return {
    siteId: site.id,
    url,
    comments: interleaveReplies(page, replies),
    nextCursor: hasMore ? cursorAfter(input.sort, page[page.length - 1]!) : null,
    total: thread.commentCount,
  };
}
