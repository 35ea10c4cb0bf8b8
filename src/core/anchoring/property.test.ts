import assert from 'node:assert/strict';
import { test } from 'node:test';
import { anchorSelector, describeRange, type AnchorResult } from './index.js';
import { prng } from '../../../test/support/prng.js';


const WORDS = ('the council voted to delay the bus line until next year residents described commutes of ninety minutes ' +
  'supporters say the price is too high critics say the cost of doing nothing is higher Ortiz Vance Zoë café Tomás ' +
  '“quoted” ‘single’ 7–2 — … $4.2 billion 6 percent it’s naïve ÉCOLE 😊 🚌 京都 値上げ').split(' ');
const SEPARATORS = [' ', ' ', ' ', ' ', ', ', '. ', '.\n\n', ' \u00a0', '\n', ' — ', '; '];

function randomText(rand: () => number, words: number): string {
  let s = '';
  for (let i = 0; i < words; i++) {
    s += WORDS[Math.floor(rand() * WORDS.length)]!;
    s += SEPARATORS[Math.floor(rand() * SEPARATORS.length)]!;
  }
  return s;
}

/** A random range, sometimes word-aligned, sometimes arbitrary (but never splitting a surrogate pair). */
function randomRange(rand: () => number, text: string): [number, number] {
  const isLow = (i: number) => i > 0 && i < text.length && text.charCodeAt(i) >= 0xdc00 && text.charCodeAt(i) <= 0xdfff;
  let s = Math.floor(rand() * (text.length - 1));
  const len = 1 + Math.floor(rand() * (rand() < 0.7 ? 40 : 300));
  let e = Math.min(text.length, s + len);
  if (isLow(s)) s--;
  if (isLow(e)) e++;
  return [s, Math.max(e, s + 1)];
}

/** Moves `i` off the middle of a surrogate pair. */
function codePointBoundary(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return i > 0 && c >= 0xdc00 && c <= 0xdfff ? i - 1 : i;
}

/** A random position just after white space in `[lo, hi]` (or `lo` itself): where an editor inserts words. */
function wordBoundary(rand: () => number, text: string, lo: number, hi: number): number {
  const spots = [lo];
  for (let i = lo + 1; i <= hi; i++) if (/\s/.test(text[i - 1]!)) spots.push(i);
  return spots[Math.floor(rand() * spots.length)]!;
}

function check(cond: boolean, seed: number, what: string): void {
  assert.ok(cond, `seed ${seed}: ${what}`);
}

test('property: describe then anchor on the same text is always exactly the same range (with or without history)', () => {
  for (let seed = 1; seed <= 400; seed++) {
    const rand = prng(seed);
    const text = randomText(rand, 5 + Math.floor(rand() * 200));
    for (let k = 0; k < 5; k++) {
      const [s, e] = randomRange(rand, text);
      const sel = describeRange(text, s, e);
      const want = { start: s, end: e, status: 'exact' };
      assert.deepEqual(anchorSelector(text, sel), want, `seed ${seed} [${s}, ${e})`);
      assert.deepEqual(anchorSelector(text, sel, { previousText: text }), want, `seed ${seed} [${s}, ${e}) history`);
      assert.deepEqual(anchorSelector(text, JSON.parse(JSON.stringify(sel))), want, `seed ${seed} JSON round trip`);
    }
  }
});

/** Text made of words that never occur in WORDS, so an insertion cannot be confused with the original text. */
function foreignText(rand: () => number, words: number): string {
  const alien = ['Qzx', 'vrumph', 'Klaxo', 'plinth', 'Ybbrt', 'snorv'];
  return Array.from({ length: words }, () => alien[Math.floor(rand() * alien.length)]!).join(' ');
}

function resultRange(r: AnchorResult): [number, number] | null {
  return r.status === 'orphaned' ? null : [r.start, r.end];
}

test('property: with history, edits away from a passage move it exactly, never elsewhere', () => {
  for (let seed = 1; seed <= 300; seed++) {
    const rand = prng(1000 + seed);
    const text = randomText(rand, 30 + Math.floor(rand() * 150));
    const [s, e] = randomRange(rand, text);
    // Insert foreign text before and/or after the passage, and delete some text far from it.
    let edited = text;
    let shift = 0;
    // Edits go at word boundaries: an insertion inside the very word a selection starts or ends in may take that
    // word's remaining letters into the change, which moves the edge and makes the result 'fuzzy'.
    // At least 8 units away: an insertion touching the passage can tie with an alignment that moves its edge.
    const after = wordBoundary(rand, text, Math.min(text.length, e + 8), text.length);
    const before = wordBoundary(rand, text, 0, Math.max(0, s - 8));
    if (rand() < 0.7 && after >= e + 8) edited = `${edited.slice(0, after)} ${foreignText(rand, 3)} ${edited.slice(after)}`;
    if (rand() < 0.7 && before <= s - 8) {
      const ins = `${foreignText(rand, 4)}. `;
      edited = `${edited.slice(0, before)}${ins}${edited.slice(before)}`;
      shift += ins.length;
    }
    const r = anchorSelector(edited, describeRange(text, s, e), { previousText: text });
    check(JSON.stringify(resultRange(r)) === JSON.stringify([s + shift, e + shift]), seed, `got ${JSON.stringify(r)}, want [${s + shift}, ${e + shift}) in ${JSON.stringify(edited)}`);
    check(r.status === (shift === 0 ? 'exact' : 'moved'), seed, `status ${r.status}`);
  }
});

test('property: without history, a passage whose context is intact is found where it went, or orphaned, never misplaced', () => {
  let found = 0;
  for (let seed = 1; seed <= 300; seed++) {
    const rand = prng(5000 + seed);
    const text = randomText(rand, 30 + Math.floor(rand() * 150));
    const [s, e] = randomRange(rand, text);
    // Insert foreign text well away from the passage and its stored context.
    const sel = describeRange(text, s, e);
    const from = s - sel.quote.prefix.length;
    const to = e + sel.quote.suffix.length;
    const spots = [Math.floor(rand() * (from + 1)), to + Math.floor(rand() * (text.length - to + 1))].filter((p) => p <= from || p >= to);
    const at = spots[Math.floor(rand() * spots.length)]!;
    const ins = `${foreignText(rand, 2 + Math.floor(rand() * 20))}. `;
    const edited = text.slice(0, at) + ins + text.slice(at);
    const shift = at <= from ? ins.length : 0;
    const r = anchorSelector(edited, sel);
    if (r.status !== 'orphaned') {
      found++;
      check(r.start === s + shift && r.end === e + shift, seed, `misplaced: got [${r.start}, ${r.end}), want [${s + shift}, ${e + shift})`);
    } else {
      check(r.reason === 'ambiguous', seed, `orphaned as ${r.reason}; only a duplicate (ambiguous) may prevent anchoring`);
    }
  }
  assert.ok(found > 250, `found ${found}/300`);
});

test('property: results are always well-formed ranges of the new text, whatever the edit', () => {
  for (let seed = 1; seed <= 300; seed++) {
    const rand = prng(9000 + seed);
    const text = randomText(rand, 20 + Math.floor(rand() * 120));
    const edited = randomText(prng(seed), 5) + text.slice(codePointBoundary(text, Math.floor(rand() * text.length / 2))) + randomText(rand, 10);
    const [s, e] = randomRange(rand, text);
    for (const opts of [undefined, { previousText: text }]) {
      const r = anchorSelector(edited, describeRange(text, s, e), opts);
      if (r.status === 'orphaned') continue;
      check(Number.isInteger(r.start) && Number.isInteger(r.end) && r.start >= 0 && r.start < r.end && r.end <= edited.length, seed, JSON.stringify(r));
      const splits = (i: number) => i > 0 && i < edited.length && /[\ud800-\udbff]/.test(edited[i - 1]!) && /[\udc00-\udfff]/.test(edited[i]!);
      check(!splits(r.start) && !splits(r.end), seed, 'splits a surrogate pair');
      check(['exact', 'moved', 'fuzzy'].includes(r.status), seed, r.status);
    }
  }
});
