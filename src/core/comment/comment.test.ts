import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkParent, createComment, validateDraft, type Comment } from './comment.js';

const limits = { maxBodyLength: 100, maxNameLength: 20 };
const draft = (body: string, name = 'Ada', email?: string, url?: string) => validateDraft({ body, author: { name, email, url } }, limits);

test('a draft is cleaned: trimmed, control characters removed, line endings unified, email lower-cased', () => {
  const r = draft('  Hello\r\nworld\u0007  ', '  Ada   Lovelace ', 'Ada@Example.ORG');
  assert.ok(r.ok);
  assert.equal(r.value.body, 'Hello\nworld');
  assert.equal(r.value.author.name, 'Ada Lovelace');
  assert.equal(r.value.author.email, 'ada@example.org');
});

test('each invalid part has its own code', () => {
  const code = (r: ReturnType<typeof draft>) => (r.ok ? 'ok' : r.error.code);
  assert.equal(code(draft(' \n\t ')), 'BODY_EMPTY');
  assert.equal(code(draft('x'.repeat(101))), 'BODY_TOO_LONG');
  assert.equal(code(draft('x'.repeat(100))), 'ok');
  assert.equal(code(draft('x', '')), 'NAME_REQUIRED');
  assert.equal(code(draft('x', 'n'.repeat(21))), 'NAME_TOO_LONG');
  assert.equal(code(draft('x', 'A', 'a@b')), 'EMAIL_INVALID');
  assert.equal(code(draft('x', 'A', 'a b@c.d')), 'EMAIL_INVALID');
  assert.equal(code(draft('x', 'A', undefined, 'javascript:alert(1)')), 'AUTHOR_URL_INVALID');
  assert.equal(code(draft('x', 'A', '', '')), 'ok');
});

const base = (over: Partial<Comment> = {}): Comment => {
  const d = draft('text');
  assert.ok(d.ok);
  return { ...createComment({ id: 'p1', threadId: 't1', parent: null, draft: d.value, bodyHtml: '<p>text</p>', now: 1000 }), ...over };
};

test('a reply goes one level deeper than its parent', () => {
  const d = draft('reply');
  assert.ok(d.ok);
  const reply = createComment({ id: 'r1', threadId: 't1', parent: base({ depth: 4 }), draft: d.value, bodyHtml: '', now: 2000 });
  assert.equal(reply.parentId, 'p1');
  assert.equal(reply.depth, 5);
  assert.equal(reply.status, 'published');
});

test('a parent must exist, be on the same page and not be deleted', () => {
  const code = (r: ReturnType<typeof checkParent>) => (r.ok ? 'ok' : r.error.code);
  assert.equal(code(checkParent(undefined, 't1')), 'PARENT_NOT_FOUND');
  assert.equal(code(checkParent(base({ status: 'removed' }), 't1')), 'PARENT_NOT_FOUND');
  assert.equal(code(checkParent(base(), 't2')), 'PARENT_OTHER_PAGE');
  assert.equal(code(checkParent(base({ status: 'deleted' }), 't1')), 'PARENT_DELETED');
  assert.equal(code(checkParent(base(), 't1')), 'ok');
});
