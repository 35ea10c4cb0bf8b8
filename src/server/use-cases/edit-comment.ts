import { validateBody, type Comment } from '../../core/comment/comment.js';
import { checkAuthorWindow, editComment as applyEdit } from '../../core/comment/edit-window.js';
import { unwrap } from '../../core/errors.js';
import { recordCommentEvent } from '../outbox/record-event.js';
import { secretMatches } from '../security/tokens.js';
import { saveCommentChange } from '../storage/repos/comment-repo.js';
import type { Deps } from './deps.js';
import { findComment, loadComment } from './load-comment.js';
import { mentionable } from './mentions.js';

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
  const loaded = await loadComment(deps, input.id, input.origin);
  // The comments its @mentions linked when posted are linked again (those still published on the page).
  const html = deps.renderMarkdown(body, { mentions: await mentionable(deps.db, loaded.thread.id, loaded.comment.mentions) });
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
