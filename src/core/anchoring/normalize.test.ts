import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalText, keyOffsetOf, keyRangeOf, matchKey, normalizeText, originalRangeOf } from './normalize.js';

test('the key folds white space, invisible characters, quotes, dashes, ellipsis and case', () => {
  assert.equal(matchKey('“It’s  7–2\u00a0—\n\nfinal…”'), '"it\'s 7-2 - final..."');
  assert.equal(matchKey('soft\u00adhy\u200bphen'), 'softhyphen');
  assert.equal(matchKey('A\tB\r\nC\u2003D\u202fE'), 'a b c d e');
  assert.equal(matchKey('«Non» ‹oui›'), '"non" \'oui\'');
  assert.equal(matchKey('‐‑‒–—―−'), '-------');
});

test('precomposed and decomposed accents give the same key; case folds beyond ASCII', () => {
  assert.equal(matchKey('Zoë Tomás'), matchKey('Zoe\u0308 Toma\u0301s'));
  assert.equal(matchKey('ÉCOLE'), matchKey('école'));
  assert.notEqual(matchKey('Zoë'), matchKey('Zoe'));
});

test('the canonical form keeps case but folds typography', () => {
  assert.equal(canonicalText('“The Money”\u00a0 is—there'), '"The Money" is-there');
  assert.notEqual(canonicalText('The'), canonicalText('the'));
});

test('every key unit maps back to the original units that produced it', () => {
  const text = 'A “quote”\u00a0 and…\n\nthe end 😊 É';
  const n = normalizeText(text);
  assert.equal(n.key, 'a "quote" and... the end 😊 e\u0301');
  assert.equal(n.origStart.length, n.key.length);
  for (let i = 0; i < n.key.length; i++) {
    assert.ok(n.origStart[i]! < n.origEnd[i]!, `unit ${i}`);
    if (i > 0) assert.ok(n.origStart[i]! >= n.origStart[i - 1]!, 'monotone');
  }
  // The collapsed run "\u00a0 " maps to both original units; the ellipsis to one unit, three times.
  const space = n.key.indexOf(' and');
  assert.deepEqual([n.origStart[space], n.origEnd[space]], [9, 11]);
  const dots = n.key.indexOf('...');
  assert.deepEqual([n.origStart[dots], n.origStart[dots + 2], n.origEnd[dots + 2]], [14, 14, 15]);
  // The emoji (a surrogate pair) stays whole; É decomposes into two key units mapping to one original unit.
  const emoji = n.key.indexOf('😊');
  assert.deepEqual([n.origStart[emoji], n.origEnd[emoji], n.origStart[emoji + 1], n.origEnd[emoji + 1]], [25, 27, 25, 27]);
  assert.deepEqual(originalRangeOf(n, n.key.length - 2, n.key.length), { start: 28, end: 29 });
});

test('ranges convert between the original and the key in both directions', () => {
  const text = 'one\u00a0 two  “three”';
  const n = normalizeText(text);
  const start = text.indexOf('two');
  const kr = keyRangeOf(n, start, text.length);
  assert.equal(n.key.slice(kr.start, kr.end), 'two "three"');
  assert.deepEqual(originalRangeOf(n, kr.start, kr.end), { start, end: text.length });
  assert.equal(keyOffsetOf(n, start), n.key.indexOf('two'));
  // A range starting inside a white-space run covers the key space of that run.
  const mid = keyRangeOf(n, 4, 5);
  assert.equal(n.key.slice(mid.start, mid.end), ' ');
});

test('paragraph breaks are recorded on the key spaces that stand for them', () => {
  const n = normalizeText('First para.\n\nSecond\nline. Third  part.');
  assert.deepEqual(n.breaks.map((b) => n.key[b]), [' ', ' ']);
  assert.deepEqual(n.breaks, [n.key.indexOf(' second'), n.key.indexOf(' line')]);
});

test('normalising a 10,000-word text is fast', () => {
  const text = 'The council’s “budget” — as drafted — costs $412\u00a0million. '.repeat(1200);
  const t0 = performance.now();
  const n = normalizeText(text);
  assert.ok(performance.now() - t0 < 200);
  assert.equal(n.origEnd[n.key.length - 1], text.length);
});
