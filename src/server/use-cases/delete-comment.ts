import type { Comment } from '../../core/comment/comment.js';
import { checkAuthorWindow, deleteComment as applyDelete, shouldCollapse } from '../../core/comment/edit-window.js';
import { unwrap } from '../../core/errors.js';
import type { Kysely } from 'kysely';
import { recordCommentEvent } from '../outbox/record-event.js';
import { secretMatches } from '../security/tokens.js';
import type { Database } from '../storage/database.js';
import { addToReplyCount, getComment, saveCommentChange } from '../storage/repos/comment-repo.js';
import { addToCommentCount } from '../storage/repos/thread-repo.js';
import type { Deps } from './deps.js';
import { findComment, loadComment } from './load-comment.js';

export interface DeleteCommentInput {
  id: string;
  token: string | undefined;
  /** The signed-in account asking (it may change the comments it wrote or claimed). */
  accountId?: string | null | undefined;
  origin: string | undefined;
}

/**
 * DELETE /api/v1/comments/{id}: the author withdraws their comment within the edit window. With replies it
 * stays as a "[deleted]" placeholder; without, it disappears, and so do placeholders it was the last reply of.
 */
export async function deleteComment(deps: Deps, input: DeleteCommentInput): Promise<Comment> {
  await loadComment(deps, input.id, input.origin);
  const { deleted, thread } = await deps.transact(async (trx) => {
    const { comment, secrets, thread } = await findComment(trx, input.id);
    const isAuthor = (input.token !== undefined && secretMatches(input.token, secrets.editTokenHash))
      || (Boolean(input.accountId) && secrets.accountId === input.accountId);
    unwrap(checkAuthorWindow(comment, { now: deps.now(), editWindowMs: deps.editWindowMs, isAuthor }));
    const deleted = applyDelete(comment);
    await saveCommentChange(trx, deleted);
    await addToCommentCount(trx, thread.id, -1, deps.now());
    if (deleted.status === 'removed') await collapseAncestors(trx, deleted.parentId);
    await recordCommentEvent(trx, deps, { type: 'comment.deleted', siteId: thread.siteId, threadId: thread.id, url: thread.url, commentId: deleted.id });
    return { deleted, thread };
  });
  deps.onThreadChange({ siteId: thread.siteId, url: thread.url, threadId: thread.id, kind: 'comment.deleted', commentId: deleted.id });
  return deleted;
}

async function collapseAncestors(db: Kysely<Database>, parentId: string | null): Promise<void> {
  while (parentId !== null) {
    await addToReplyCount(db, parentId, -1);
    const parent = await getComment(db, parentId);
    if (!parent || !shouldCollapse(parent)) return;
    await saveCommentChange(db, { ...parent, status: 'removed' });
    parentId = parent.parentId;
  }
}
