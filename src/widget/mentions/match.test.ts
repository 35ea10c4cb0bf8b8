import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PublicComment } from '../app/api.js';
import { insertMention, mentionAt, mentionedIds, names, people } from './match.js';

const comment = (id: string, name: string, minute: number, status: PublicComment['status'] = 'published') =>
  ({ id, author: { name }, status, createdAt: `2024-05-01T10:${String(minute).padStart(2, '0')}:00.000Z` }) as PublicComment;

test('mentionAt finds the @ being typed before the caret, not in addresses, not across lines', () => {
  assert.deepEqual(mentionAt('@', 1), { start: 0, query: '' });
  assert.deepEqual(mentionAt('Hello @Ad', 9), { start: 6, query: 'Ad' });
  assert.deepEqual(mentionAt('Hello (@Ada Lo', 14), { start: 7, query: 'Ada Lo' });
  assert.deepEqual(mentionAt('Hello @Ad and more', 9), { start: 6, query: 'Ad' }, 'only up to the caret');
  assert.equal(mentionAt('mail ada@example.org', 20), null);
  assert.equal(mentionAt('@Ada\nhello', 10), null);
  assert.equal(mentionAt('no mention', 10), null);
  assert.equal(mentionAt(`@${'x'.repeat(41)}`, 42), null);
});

test('people: authors matching the start of their name or of a word, newest first, once each, no deleted ones', () => {
  const list = [
    comment('a1', 'Ada Lovelace', 1),
    comment('g1', 'Grace', 2),
    comment('a2', 'Ada Lovelace', 3),
    comment('x1', 'Alan', 4, 'deleted'),
    comment('b1', 'Bob Adams', 5),
  ];
  assert.deepEqual(people(list, 'ad'), [{ id: 'b1', name: 'Bob Adams' }, { id: 'a2', name: 'Ada Lovelace' }]);
  assert.deepEqual(people(list, 'LOVE'), [{ id: 'a2', name: 'Ada Lovelace' }]);
  assert.deepEqual(people(list, '').map((p) => p.name), ['Bob Adams', 'Ada Lovelace', 'Grace']);
  assert.deepEqual(people(list, 'al'), [], 'a deleted comment offers nobody');
  assert.deepEqual(people(list, 'race'), [], 'not from the middle of a word');
  assert.equal(people(Array.from({ length: 20 }, (_, i) => comment(`c${i}`, `N${i}`, i)), '').length, 8);
});

test('insertMention puts @Name and a space at the caret', () => {
  assert.deepEqual(insertMention('Hi @Ad, ok', 3, 6, 'Ada Lovelace'), { text: 'Hi @Ada Lovelace , ok', caret: 17 });
  assert.deepEqual(insertMention('@', 0, 1, 'Grace'), { text: '@Grace ', caret: 7 });
});

test('mentionedIds: the chosen names still in the text, not a longer name, at most 10', () => {
  const chosen = new Map([['Ada', 'a1'], ['Grace', 'g1'], ['Bob', 'b1']]);
  assert.deepEqual(mentionedIds('@Ada and @Grace, thanks', chosen), ['a1', 'g1']);
  assert.deepEqual(mentionedIds('@Adam and @Bob', chosen), ['b1']);
  assert.ok(names('so @Ada.', 'Ada'));
  assert.ok(!names('so @Adas', 'Ada'));
  assert.deepEqual(mentionedIds('', chosen), []);
  const many = new Map(Array.from({ length: 12 }, (_, i) => [`P${i}`, `id${i}`] as [string, string]));
  assert.equal(mentionedIds([...many.keys()].map((n) => `@${n}`).join(' '), many).length, 10);
});
