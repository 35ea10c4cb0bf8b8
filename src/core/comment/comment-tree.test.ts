import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTree } from './comment-tree.js';

test('builds nested replies in list order; orphans become roots so nothing is lost', () => {
  const tree = buildTree([
    { id: 'a', parentId: null },
    { id: 'b', parentId: 'a' },
    { id: 'c', parentId: 'b' },
    { id: 'd', parentId: null },
    { id: 'e', parentId: 'a' },
    { id: 'f', parentId: 'missing' },
  ]);
  const shape = (nodes: typeof tree): unknown => nodes.map((n) => [n.item.id, shape(n.replies)]);
  assert.deepEqual(shape(tree), [['a', [['b', [['c', []]]], ['e', []]]], ['d', []], ['f', []]]);
});
