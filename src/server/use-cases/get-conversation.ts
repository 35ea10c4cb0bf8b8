import type { Comment } from '../../core/comment/comment.js';
import { DomainError, unwrap } from '../../core/errors.js';
import { canonicalUrl } from '../../core/url/canonical-url.js';
import { getComment, listRepliesOf } from '../storage/repos/comment-repo.js';
import type { Deps } from './deps.js';
import { loadComment } from './load-comment.js';

export interface ConversationInput {
  id: string;
  /** The page asking: a comment of another page or site is answered as not found. */
  site: string;
  url: string;
  origin: string | undefined;
}

/** GET /api/v1/comments/{id}/conversation: the top-level comment a comment belongs to, with all its replies. */
export async function getConversation(deps: Deps, input: ConversationInput): Promise<Comment[]> {
  const { secrets, thread } = await loadComment(deps, input.id, input.origin);
  if (thread.siteId !== input.site || thread.url !== unwrap(canonicalUrl(input.url))) {
    throw new DomainError('COMMENT_NOT_FOUND', 'The comment is not on this page.');
  }
  const root = await getComment(deps.db, secrets.rootId);
  if (!root || root.status === 'removed') throw new DomainError('COMMENT_NOT_FOUND', 'The comment does not exist.');
  return [root, ...(await listRepliesOf(deps.db, [root.id]))];
}
