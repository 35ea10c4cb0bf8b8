import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseReaction, parseReactionList, positiveCounts, reactionDelta, REACTIONS, type Reaction } from './reaction.js';

test('a site lists a subset of the vocabulary, in its order, each once; none turns reactions off', () => {
  assert.deepEqual(parseReactionList('like,love,laugh'), { ok: true, value: ['like', 'love', 'laugh'] });
  assert.deepEqual(parseReactionList(' Love , like,love '), { ok: true, value: ['love', 'like'] });
  assert.deepEqual(parseReactionList('none'), { ok: true, value: [] });
  assert.deepEqual(parseReactionList(''), { ok: true, value: [] });
  const bad = parseReactionList('like,thumbsup');
  assert.equal(bad.ok, false);
  assert.equal(!bad.ok && bad.error.code, 'REACTION_INVALID');
  assert.match(!bad.ok ? bad.error.message : '', /thumbsup.*like, love, laugh, wow, sad, angry/);
  assert.equal(parseReactionList('none,like').ok, false, 'none is not a reaction among others');
});

test('a reader may only pick a reaction the site enabled, or null', () => {
  assert.deepEqual(parseReaction('love', ['like', 'love']), { ok: true, value: 'love' });
  assert.deepEqual(parseReaction(null, []), { ok: true, value: null });
  for (const [value, enabled] of [['love', []], ['wow', ['like']], ['LIKE', ['like']], [1, ['like']], ['toString', ['like']]] as const) {
    const r = parseReaction(value, enabled);
    assert.equal(!r.ok && r.error.code, 'REACTION_INVALID', String(value));
  }
  const off = parseReaction('like', []);
  assert.match(!off.ok ? off.error.message : '', /off/);
  const other = parseReaction('wow', ['like', 'sad']);
  assert.match(!other.ok ? other.error.message : '', /like, sad/);
});

test('changing a reaction moves exactly the two counts concerned', () => {
  const values: Array<Reaction | null> = [null, ...REACTIONS];
  for (const from of values) {
    for (const to of values) {
      const counts: Partial<Record<Reaction, number>> = from ? { [from]: 1 } : {};
      for (const [k, d] of Object.entries(reactionDelta(from, to))) counts[k as Reaction] = (counts[k as Reaction] ?? 0) + d;
      assert.deepEqual(positiveCounts(counts), to ? { [to]: 1 } : {}, `${from} → ${to}`);
    }
  }
});

test('counts shown keep only keys above zero, in vocabulary order', () => {
  assert.deepEqual(Object.entries(positiveCounts({ sad: 2, like: 0, love: 3, angry: -1 })), [['love', 3], ['sad', 2]]);
});
