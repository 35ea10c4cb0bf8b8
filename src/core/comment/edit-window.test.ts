import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Comment } from './comment.js';
import { checkAuthorWindow, deleteComment, editComment, shouldCollapse } from './edit-window.js';

const comment: Comment = {
  id: 'c1', threadId: 't1', parentId: null, depth: 0, author: { name: 'A', email: null, url: null },
  bodyMarkdown: 'old', bodyHtml: '<p>old</p>', status: 'published', createdAt: 10_000, editedAt: null,
  upvotes: 0, downvotes: 0, replyCount: 0, passage: null,
};
const code = (r: ReturnType<typeof checkAuthorWindow>) => (r.ok ? 'ok' : r.error.code);

test('only the author, only within the window (inclusive)', () => {
  assert.equal(code(checkAuthorWindow(comment, { now: 10_000 + 600, editWindowMs: 600, isAuthor: true })), 'ok');
  assert.equal(code(checkAuthorWindow(comment, { now: 10_000 + 601, editWindowMs: 600, isAuthor: true })), 'EDIT_WINDOW_PASSED');
  assert.equal(code(checkAuthorWindow(comment, { now: 10_000, editWindowMs: 600, isAuthor: false })), 'NOT_AUTHOR');
  assert.equal(code(checkAuthorWindow(undefined, { now: 0, editWindowMs: 600, isAuthor: true })), 'COMMENT_NOT_FOUND');
  assert.equal(code(checkAuthorWindow({ ...comment, status: 'deleted' }, { now: 0, editWindowMs: 600, isAuthor: true })), 'COMMENT_DELETED');
});

test('an edit marks the time; an unchanged text is not an edit', () => {
  assert.equal(editComment(comment, 'new', '<p>new</p>', 20_000).editedAt, 20_000);
  assert.equal(editComment(comment, 'old', '<p>old</p>', 20_000), comment);
});

test('deleting erases the text; a comment with replies stays as a placeholder', () => {
  const alone = deleteComment(comment);
  assert.equal(alone.status, 'removed');
  assert.equal(alone.bodyMarkdown, '');
  const withReplies = deleteComment({ ...comment, replyCount: 2 });
  assert.equal(withReplies.status, 'deleted');
  assert.equal(withReplies.bodyHtml, '');
  assert.equal(shouldCollapse({ ...withReplies, replyCount: 0 }), true);
  assert.equal(shouldCollapse(withReplies), false);
});
