import type { Comment } from '../../core/comment/comment.js';
import { DomainError } from '../../core/errors.js';
import { getComment, listRepliesOf } from '../storage/repos/comment-repo.js';
import type { Deps } from './deps.js';
import { loadComment } from './load-comment.js';

/** GET /api/v1/comments/{id}/conversation: the top-level comment a comment belongs to, with all its replies. */
export async function getConversation(deps: Deps, input: { id: string; origin: string | undefined }): Promise<Comment[]> {
  const { secrets } = await loadComment(deps, deps.db, input.id, input.origin);
  const root = await getComment(deps.db, secrets.rootId);
  if (!root || root.status === 'removed') throw new DomainError('COMMENT_NOT_FOUND', 'The comment does not exist.');
  return [root, ...(await listRepliesOf(deps.db, [root.id]))];
}
