import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  anchorSelector,
  anchorSelectors,
  describeRange,
  textHash,
  type AnchorResult,
  type Selector,
  type SelectorInput,
} from './index.js';

// A small original article (invented people and figures).
const ARTICLE = [
  'The Millbrook council voted 6–3 on Monday to close the Hollins Street pool for the summer, citing a $240,000 repair bill.',
  'Councilmember Rosa Vance, who sat beside Councilmember Ben Vance during the debate, called the closure “a false economy.” The pool is the only one within walking distance for about 3,000 children.',
  'Supporters of the closure say the money is better spent on the library roof. That argument deserves a hearing, but it ignores what the pool costs families who lose it.',
  'The council will revisit the decision in September. Until then, the pool stays closed.',
].join('\n\n');

function select(text: string, exact: string, after = ''): Selector {
  const i = text.indexOf(after + exact);
  assert.ok(i >= 0, `fixture lacks ${after + exact}`);
  return describeRange(text, i + after.length, i + after.length + exact.length);
}

function anchoredText(text: string, r: AnchorResult): string | null {
  return r.status === 'orphaned' ? null : text.slice(r.start, r.end);
}

const withHistory = { previousText: ARTICLE };

test('describeRange stores the quote, word-aligned context and the position, as plain JSON', () => {
  const sel = select(ARTICLE, 'a false economy');
  assert.equal(sel.version, 1);
  assert.equal(sel.quote.type, 'TextQuoteSelector');
  assert.equal(sel.quote.exact, 'a false economy');
  assert.ok(sel.quote.prefix.endsWith('called the closure “'));
  assert.ok(sel.quote.suffix.startsWith('.” The pool'));
  assert.ok(sel.quote.prefix.length >= 48 && sel.quote.prefix.length <= 64);
  assert.ok(/^\s|^[^\p{L}\p{N}]/u.test(sel.quote.prefix) || /[\s]/.test(ARTICLE[ARTICLE.indexOf(sel.quote.prefix) - 1]!), 'prefix starts on a word boundary');
  assert.deepEqual(sel.position, { type: 'TextPositionSelector', start: ARTICLE.indexOf('a false economy'), end: ARTICLE.indexOf('a false economy') + 15 });
  assert.deepEqual(JSON.parse(JSON.stringify(sel)), sel);
});

test('describeRange near the ends of the text, and never splitting a surrogate pair', () => {
  const start = select(ARTICLE, 'The Millbrook council');
  assert.equal(start.quote.prefix, '');
  const end = select(ARTICLE, 'the pool stays closed.');
  assert.equal(end.quote.suffix, '');
  const emoji = `${'😊'.repeat(40)}x${'😊'.repeat(40)}`;
  const sel = describeRange(emoji, 80, 81);
  assert.equal(sel.quote.prefix.length % 2, 0);
  assert.equal(sel.quote.suffix.length % 2, 0);
});

test('describeRange rejects invalid ranges with a RangeError', () => {
  for (const [s, e] of [[-1, 3], [3, 3], [5, 2], [0, ARTICLE.length + 1], [1.5, 4], [Number.NaN, 2]]) {
    assert.throws(() => describeRange(ARTICLE, s!, e!), RangeError, `[${s}, ${e})`);
  }
  assert.doesNotThrow(() => describeRange(ARTICLE, 0, ARTICLE.length));
});

test('exact: same text at the stored position, with or without history', () => {
  const sel = select(ARTICLE, 'a $240,000 repair bill');
  const expected = { start: sel.position.start, end: sel.position.end, status: 'exact' };
  assert.deepEqual(anchorSelector(ARTICLE, sel), expected);
  assert.deepEqual(anchorSelector(ARTICLE, sel, withHistory), expected);
  // An edit after the passage leaves it where it was.
  const edited = ARTICLE.replace('in September', 'in October');
  assert.deepEqual(anchorSelector(edited, sel), expected);
  assert.deepEqual(anchorSelector(edited, sel, withHistory), expected);
});

test('moved: same text elsewhere (paragraph inserted above, paragraphs swapped)', () => {
  const sel = select(ARTICLE, 'it ignores what the pool costs families');
  const note = `Editor’s note: updated with the council’s vote count.\n\n${ARTICLE}`;
  for (const r of [anchorSelector(note, sel), anchorSelector(note, sel, withHistory)]) {
    assert.equal(r.status, 'moved');
    assert.equal(anchoredText(note, r), 'it ignores what the pool costs families');
  }
  const [p1, p2, p3, p4] = ARTICLE.split('\n\n');
  const swapped = [p1, p3, p2, p4].join('\n\n');
  for (const r of [anchorSelector(swapped, sel), anchorSelector(swapped, sel, withHistory)]) {
    assert.equal(r.status, 'moved');
    assert.equal(anchoredText(swapped, r), 'it ignores what the pool costs families');
  }
});

test('typography is not an edit: curly/straight quotes, dashes, no-break spaces, re-wrapped white space', () => {
  const sel = select(ARTICLE, 'called the closure “a false economy.” The pool');
  const retyped = ARTICLE.replace('called the closure “a false economy.” The pool', 'called\nthe closure  "a false\u00a0economy." The pool');
  for (const r of [anchorSelector(retyped, sel), anchorSelector(retyped, sel, withHistory)]) {
    assert.equal(r.status, 'moved'); // same wording; offsets of the original text
    assert.equal(anchoredText(retyped, r), 'called\nthe closure  "a false\u00a0economy." The pool');
  }
  const dash = select(ARTICLE, 'voted 6–3');
  const hyphen = ARTICLE.replace('6–3', '6-3');
  assert.deepEqual(anchorSelector(hyphen, dash), { start: dash.position.start, end: dash.position.end, status: 'exact' });
});

test('fuzzy: the passage was edited (typo, inserted words, case change), with and without history', () => {
  const cases: Array<[string, string, string, string]> = [
    ['within walking distance for about 3,000 children', 'about 3,000 children', 'about 3,200 children', 'within walking distance for about 3,200 children'],
    ['the money is better spent on the library roof', 'better spent', 'better spent, they argue,', 'the money is better spent, they argue, on the library roof'],
    ['it ignores what the pool costs families', 'it ignores', 'it overlooks', 'it overlooks what the pool costs families'],
    ['the pool stays closed', 'the pool stays closed', 'The Pool Stays Closed', 'The Pool Stays Closed'],
  ];
  for (const [exact, from, to, want] of cases) {
    const sel = select(ARTICLE, exact);
    const edited = ARTICLE.replace(from, to);
    for (const r of [anchorSelector(edited, sel), anchorSelector(edited, sel, withHistory)]) {
      assert.equal(r.status, 'fuzzy', `${exact} → ${want}`);
      assert.equal(anchoredText(edited, r), want);
    }
  }
});

test('an edited passage is not moved onto an identical word elsewhere (short quote, duplicate name)', () => {
  // The reader flagged "Vance"; the editor corrected it to "Vane". "Ben Vance" remains in the same sentence.
  const sel = select(ARTICLE, 'Vance', 'Rosa ');
  const edited = ARTICLE.replace('Rosa Vance', 'Rosa Vane');
  const wrong = edited.indexOf('Ben Vance') + 4;
  for (const r of [anchorSelector(edited, sel), anchorSelector(edited, sel, withHistory)]) {
    assert.notEqual(r.status !== 'orphaned' && r.start, wrong, 'must not jump to Ben Vance');
    if (r.status !== 'orphaned') assert.equal(anchoredText(edited, r), 'Vane');
  }
});

test('orphaned, passage-deleted: the sentence is gone (and its words elsewhere are no substitute)', () => {
  const sentence = 'That argument deserves a hearing, but it ignores what the pool costs families who lose it.';
  const sel = select(ARTICLE, sentence);
  const edited = ARTICLE.replace(` ${sentence}`, '');
  // Both stored contexts are still there, with nothing left between them.
  assert.deepEqual(anchorSelector(edited, sel), { status: 'orphaned', reason: 'passage-deleted' });
  assert.deepEqual(anchorSelector(edited, sel, withHistory), { status: 'orphaned', reason: 'passage-deleted' });
  // When the quote's own context went with it, only history can tell a deletion from a quote never seen.
  const part = select(ARTICLE, 'That argument deserves a hearing');
  assert.deepEqual(anchorSelector(edited, part), { status: 'orphaned', reason: 'quote-not-found' });
  assert.deepEqual(anchorSelector(edited, part, withHistory), { status: 'orphaned', reason: 'passage-deleted' });
  // A short quote whose only occurrence was deleted; the same words remain in other paragraphs.
  const pool = select(ARTICLE, 'the pool', 'Until then, ');
  const cut = ARTICLE.replace(' Until then, the pool stays closed.', '');
  assert.equal(anchorSelector(cut, pool).status, 'orphaned');
  assert.deepEqual(anchorSelector(cut, pool, withHistory), { status: 'orphaned', reason: 'passage-deleted' });
});

test('orphaned, passage-rewritten: same place, different words', () => {
  const sel = select(ARTICLE, 'the money is better spent on the library roof');
  const edited = ARTICLE.replace('the money is better spent on the library roof', 'repairs elsewhere in town should come first');
  assert.deepEqual(anchorSelector(edited, sel), { status: 'orphaned', reason: 'passage-rewritten' });
  assert.deepEqual(anchorSelector(edited, sel, withHistory), { status: 'orphaned', reason: 'passage-rewritten' });
});

test('orphaned, quote-not-found / low-confidence: a different article', () => {
  const other = 'An entirely different story about weather radar, with no words in common with the council piece.';
  assert.deepEqual(anchorSelector(other, select(ARTICLE, 'Hollins Street pool')), { status: 'orphaned', reason: 'quote-not-found' });
  // A short common quote found only with unrelated context: too weak to anchor.
  const weak = anchorSelector('In other news, the pool of candidates is small.', select(ARTICLE, 'the pool', 'Until then, '));
  assert.deepEqual(weak, { status: 'orphaned', reason: 'low-confidence' });
});

test('orphaned, ambiguous: two places match equally well and no history tells them apart', () => {
  // A paragraph published twice: quote and stored context are the same at both places.
  const p = 'A lead-in sentence long enough to fill the whole prefix window. Residents can swim at the Oakdale pool instead, officials said, and a bus stops right outside its gate.';
  const text = `${p}\n\n${p}`;
  const sel = select(text, 'Oakdale pool');
  // Shift everything, so the stored position no longer holds the quote.
  const edited = `A new first paragraph for the update.\n\n${text}`;
  assert.deepEqual(anchorSelector(edited, sel), { status: 'orphaned', reason: 'ambiguous' });
  // With history, the copy the reader selected is known.
  const start = edited.indexOf('Oakdale pool');
  assert.deepEqual(anchorSelector(edited, sel, { previousText: text }), { start, end: start + 12, status: 'moved' });
});

test('short quotes are held to stricter standards: whole words, exact match, or intact context on both sides', () => {
  // "not" must not be found inside "nothing" after the sentence is rewritten.
  const text = 'Asked about the summer, the mayor said: We are not closing the pool. The council said nothing more.';
  const sel = select(text, 'not');
  const edited = 'Asked about the summer, the mayor said: We are keeping the pool. The council said nothing more.';
  assert.equal(anchorSelector(edited, sel).status, 'orphaned');
  // A 3-letter quote replaced by a 3-letter word with both contexts intact: anchored as edited in place.
  const flip = 'Asked about the summer, the mayor said: We are now closing the pool. The council said nothing more.';
  const r = anchorSelector(flip, sel);
  assert.equal(anchoredText(flip, r), 'now');
  assert.equal(r.status, 'fuzzy');
  // A longer quote tolerates a typo fix without context; a 5-letter one does not.
  const long = describeRange('the library roof needs repiar soon', 4, 29);
  assert.equal(anchoredText('something else. the library roof needs repair soon', anchorSelector('something else. the library roof needs repair soon', long)), 'library roof needs repair');
  const short = { quote: { exact: 'repiar' } };
  assert.equal(anchorSelector('the library roof needs repair soon', short).status, 'orphaned');
});

test('history is preferred, and ignored when it does not match the selector', () => {
  const sel = select(ARTICLE, 'a $240,000 repair bill');
  const edited = `Update.\n\n${ARTICLE.replace('$240,000', '$260,000')}`;
  const r = anchorSelector(edited, sel, withHistory);
  assert.equal(anchoredText(edited, r), 'a $260,000 repair bill');
  // A previousText that is not the text the selector was made on: the search is used instead.
  const bogus = anchorSelector(edited, sel, { previousText: 'unrelated text of some length that does not match at all.' });
  assert.deepEqual(bogus, r);
});

test('a moved and edited paragraph is found among the inserted text (history), not orphaned', () => {
  const [p1, p2, p3, p4] = ARTICLE.split('\n\n');
  const edited = [p1, p3, p4, p2!.replace('a false economy', 'a false saving')].join('\n\n');
  const sel = select(ARTICLE, 'called the closure “a false economy.”');
  const r = anchorSelector(edited, sel, withHistory);
  assert.equal(anchoredText(edited, r), 'called the closure “a false saving.”');
  assert.equal(r.status, 'fuzzy');
});

test('quote-only (legacy) selectors anchor by search', () => {
  const legacy: SelectorInput = { quote: { exact: 'the only one within walking distance' } };
  const r = anchorSelector(ARTICLE, legacy);
  assert.equal(anchoredText(ARTICLE, r), 'the only one within walking distance');
  assert.equal(r.status, 'moved'); // no position was stored
});

test('malformed selectors are orphaned as invalid-selector; a non-string text throws', () => {
  const bad: unknown[] = [null, 42, {}, { quote: {} }, { quote: { exact: '' } }, { quote: { exact: 'x', prefix: 3 } },
    { quote: { exact: 'pool' }, position: { start: -1, end: 2 } }, { quote: { exact: 'pool' }, position: { start: 'a', end: 2 } }];
  for (const s of bad) assert.deepEqual(anchorSelector(ARTICLE, s as SelectorInput), { status: 'orphaned', reason: 'invalid-selector' });
  assert.throws(() => anchorSelector(undefined as unknown as string, select(ARTICLE, 'pool')), TypeError);
});

test('anchorSelectors gives the same results as one call per selector', () => {
  const sels = ['voted 6–3', 'a false economy', 'library roof', 'the pool stays closed'].map((q) => select(ARTICLE, q));
  const edited = `New first paragraph.\n\n${ARTICLE.replace('library roof', 'library’s roof')}`;
  assert.deepEqual(anchorSelectors(edited, sels, withHistory), sels.map((s) => anchorSelector(edited, s, withHistory)));
});

test('textHash: deterministic 53-bit hex, sensitive to any change', () => {
  assert.equal(textHash(ARTICLE), textHash(`${ARTICLE}`));
  assert.match(textHash(ARTICLE), /^[0-9a-f]{14}$/);
  assert.notEqual(textHash(ARTICLE), textHash(ARTICLE.replace('6–3', '6-3')));
  assert.notEqual(textHash(''), textHash(' '));
});

test('a typo fixed in the last word of a quote, next to an inserted paragraph, is followed as an edited passage', () => {
  const before = 'The council met to discuss the new bus timetabel.\n\nResidents complained about the 7:15 service.';
  const after = 'The council met to discuss the new bus timetable.\n\nA correction was appended on Friday.\n\nResidents complained about the 7:15 service.';
  const quote = 'discuss the new bus timetabel';
  const s = before.indexOf(quote);
  const r = anchorSelector(after, describeRange(before, s, s + quote.length), { previousText: before });
  assert.equal(r.status, 'fuzzy');
  assert.equal(slice(after, r), 'discuss the new bus timetable');
  // and at the start edge: the first word fixed, text inserted before it
  const b2 = 'Intro.\n\ntimetabel changes come into force on Monday for all routes.';
  const a2 = 'Intro.\n\nUpdate: a note.\n\ntimetable changes come into force on Monday for all routes.';
  const r2 = anchorSelector(a2, describeRange(b2, b2.indexOf('timetabel changes come'), b2.indexOf('timetabel changes come') + 'timetabel changes come'.length), { previousText: b2 });
  assert.equal(slice(a2, r2), 'timetable changes come');
});

function slice(text: string, r: AnchorResult): string | null {
  return r.status === 'orphaned' ? null : text.slice(r.start, r.end);
}
