import { err, ok, type Result } from '../errors.js';
import type { Comment } from './comment.js';

export interface EditContext {
  now: number;
  editWindowMs: number;
  isAuthor: boolean;
}

/** Whether the author may still change their comment: the proof of authorship first, then the window. */
export function checkAuthorWindow(comment: Comment | undefined, ctx: EditContext): Result<Comment> {
  if (!comment || comment.status === 'removed') return err('COMMENT_NOT_FOUND', 'The comment does not exist.');
  if (comment.status === 'deleted') return err('COMMENT_DELETED', 'The comment was deleted.');
  if (!ctx.isAuthor) return err('NOT_AUTHOR', 'Only the author can change this comment.');
  if (ctx.now > comment.createdAt + ctx.editWindowMs) {
    return err('EDIT_WINDOW_PASSED', 'The time to edit or delete this comment has passed.', {
      editableUntil: comment.createdAt + ctx.editWindowMs,
    });
  }
  return ok(comment);
}

/** The comment after its author's edit. */
export function editComment(comment: Comment, body: string, bodyHtml: string, now: number): Comment {
  if (body === comment.bodyMarkdown) return comment;
  return { ...comment, bodyMarkdown: body, bodyHtml, editedAt: now };
}

/**
 * What deleting a comment leaves: a "[deleted]" placeholder while it has replies, so the thread stays
 * whole; otherwise it disappears. Its text is erased either way.
 */
export function deleteComment(comment: Comment): Comment {
  return {
    ...comment,
    status: comment.replyCount > 0 ? 'deleted' : 'removed',
    bodyMarkdown: '',
    bodyHtml: '',
  };
}

/** A placeholder whose last reply went away has nothing left to hold together: it is removed too. */
export function shouldCollapse(parent: Comment): boolean {
  return parent.status === 'deleted' && parent.replyCount === 0;
}
