import { validateBody, type Comment } from '../../core/comment/comment.js';
import { checkAuthorWindow, editComment as applyEdit } from '../../core/comment/edit-window.js';
import { unwrap } from '../../core/errors.js';
import { recordCommentEvent } from '../outbox/record-event.js';
import { secretMatches } from '../security/tokens.js';
import { saveCommentChange } from '../storage/repos/comment-repo.js';
import type { Deps } from './deps.js';
import { findComment, loadComment } from './load-comment.js';

export interface EditCommentInput {
  id: string;
  token: string | undefined;
  /** The signed-in account asking (it may change the comments it wrote or claimed). */
  accountId?: string | null | undefined;
  body: string;
  origin: string | undefined;
}

/** PATCH /api/v1/comments/{id}: the author replaces the text within the edit window. */
export async function editComment(deps: Deps, input: EditCommentInput): Promise<Comment> {
  const body = unwrap(validateBody(input.body, deps.limits));
  const html = deps.renderMarkdown(body);
  await loadComment(deps, input.id, input.origin);
  const { edited, thread } = await deps.transact(async (trx) => {
    const { comment, secrets, thread } = await findComment(trx, input.id);
    const isAuthor = (input.token !== undefined && secretMatches(input.token, secrets.editTokenHash))
      || (Boolean(input.accountId) && secrets.accountId === input.accountId);
    unwrap(checkAuthorWindow(comment, { now: deps.now(), editWindowMs: deps.editWindowMs, isAuthor }));
    const edited = applyEdit(comment, body, html, deps.now());
    if (edited !== comment) {
      await saveCommentChange(trx, edited);
      await recordCommentEvent(trx, deps, { type: 'comment.updated', siteId: thread.siteId, threadId: thread.id, url: thread.url, commentId: edited.id });
    }
    return { edited, thread };
  });
  deps.onThreadChange({ siteId: thread.siteId, url: thread.url, threadId: thread.id, kind: 'comment.updated', commentId: edited.id });
  return edited;
}
