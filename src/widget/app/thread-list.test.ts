import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PublicComment } from './api.js';
import { addComments, removeComment, replaceComment } from './thread-list.js';

const c = (id: string, parentId: string | null = null, status: PublicComment['status'] = 'published'): PublicComment => ({
  id,
  parentId,
  depth: parentId ? 1 : 0,
  status,
  author: { name: id, url: null, badge: null, verified: false, avatar: null, key: '' },
  html: `<p>${id}</p>`,
  createdAt: '2026-11-26T10:00:00.000Z',
  editedAt: null,
  score: 0,
  upvotes: 0,
  downvotes: 0,
  replyCount: 0,
  passage: null,
  reactions: {},
});
const ids = (list: PublicComment[]) => list.map((x) => x.id);

test('a new top-level comment or a linked conversation goes first; a reply goes last (its parent’s last reply)', () => {
  const list = [c('a'), c('a1', 'a'), c('b')];
  assert.deepEqual(ids(addComments(list, [c('n')])), ['n', 'a', 'a1', 'b']);
  assert.deepEqual(ids(addComments(list, [c('r', 'a')])), ['a', 'a1', 'b', 'r']);
  assert.deepEqual(ids(addComments(list, [c('x'), c('x1', 'x')])), ['x', 'x1', 'a', 'a1', 'b']);
});

test('comments already listed are not added twice', () => {
  const list = [c('a'), c('a1', 'a')];
  assert.deepEqual(ids(addComments(list, [c('a'), c('a1', 'a'), c('a2', 'a')])), ['a', 'a1', 'a2']);
  assert.equal(addComments(list, [c('a')]).length, 2);
});

test('replaceComment swaps one comment and keeps the order', () => {
  const changed = { ...c('b'), score: 5 };
  const next = replaceComment([c('a'), c('b'), c('c')], changed);
  assert.deepEqual(ids(next), ['a', 'b', 'c']);
  assert.equal(next[1], changed);
});

test('removeComment also drops [deleted] placeholders left without replies, up the chain', () => {
  const list = [c('a', null, 'deleted'), c('b', 'a', 'deleted'), c('x', 'b'), c('keep')];
  assert.deepEqual(ids(removeComment(list, 'x')), ['keep']);
  const withSibling = [c('a', null, 'deleted'), c('x', 'a'), c('y', 'a')];
  assert.deepEqual(ids(removeComment(withSibling, 'x')), ['a', 'y']);
  const published = [c('a'), c('x', 'a')];
  assert.deepEqual(ids(removeComment(published, 'x')), ['a']);
  assert.deepEqual(ids(removeComment(published, 'missing')), ['a', 'x']);
});
