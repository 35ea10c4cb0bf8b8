import assert from 'node:assert/strict';
import { test } from 'node:test';
import { prng } from '../../../test/support/prng.js';
import { anchorSelector, describeRange } from '../../core/anchoring/index.js';
import { atPosition, type QuoteAt } from './anchor.js';

const WORDS = ('the council voted to delay the bus line until next year residents described commutes of ninety minutes ' +
  'the cost of doing nothing is higher Zoë café “quoted” ‘single’ 7–2 — … it’s 😊 🚌 京都').split(' ');
const SEPARATORS = [' ', ' ', ' ', ', ', '. ', '.\n\n', ' \u00a0', '\n'];

function randomText(rand: () => number, words: number): string {
  let s = '';
  for (let i = 0; i < words; i++) s += WORDS[Math.floor(rand() * WORDS.length)]! + SEPARATORS[Math.floor(rand() * SEPARATORS.length)]!;
  return s;
}

const pick = (rand: () => number, n: number) => Math.floor(rand() * n);

/** A range of `text` that does not split a surrogate pair. */
function randomRange(rand: () => number, text: string): [number, number] {
  const low = (i: number) => i > 0 && i < text.length && text.charCodeAt(i) >= 0xdc00 && text.charCodeAt(i) <= 0xdfff;
  let s = pick(rand, text.length - 1);
  let e = Math.min(text.length, s + 1 + pick(rand, rand() < 0.8 ? 40 : 200));
  if (low(s)) s--;
  if (low(e)) e++;
  return [s, Math.max(e, s + 1)];
}

/** The text with one random edit: words inserted or deleted, a character changed, or a paragraph repeated. */
function edit(rand: () => number, text: string): string {
  const at = pick(rand, text.length);
  switch (pick(rand, 4)) {
    case 0:
      return text.slice(0, at) + randomText(rand, 1 + pick(rand, 5)) + text.slice(at);
    case 1:
      return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + pick(rand, 30)));
    case 2:
      return text.slice(0, at) + (text[at] === 'e' ? 'a' : 'e') + text.slice(at + 1);
    default:
      return text + text.slice(0, at);
  }
}

const asQuoteAt = (sel: ReturnType<typeof describeRange>): QuoteAt => ({ quote: sel.quote, position: sel.position });

test('atPosition: in the text it was made on, every selector is at its position, as the engine says', () => {
  const rand = prng(11);
  for (let i = 0; i < 2000; i++) {
    const text = randomText(rand, 5 + pick(rand, 80));
    const [s, e] = randomRange(rand, text);
    const sel = asQuoteAt(describeRange(text, s, e));
    assert.equal(atPosition(text, sel), true, JSON.stringify({ text, s, e }));
    assert.deepEqual(anchorSelector(text, sel), { start: s, end: e, status: 'exact' });
  }
});

test('atPosition: after an edit, or with a tampered selector, it accepts only what the engine places exactly there', () => {
  const rand = prng(29);
  let accepted = 0;
  let refused = 0;
  for (let i = 0; i < 4000; i++) {
    const before = randomText(rand, 5 + pick(rand, 80));
    const [s, e] = randomRange(rand, before);
    const made = describeRange(before, s, e);
    let text = before;
    let sel = asQuoteAt(made);
    switch (pick(rand, 4)) {
      case 0:
        text = edit(rand, before);
        break;
      case 1: // the position shifted
        sel = { ...sel, position: { start: s + pick(rand, 7) - 3, end: e + pick(rand, 7) - 3 } };
        break;
      case 2: // context cut or extended
        sel = { ...sel, quote: { ...sel.quote, prefix: sel.quote.prefix.slice(pick(rand, 3)), suffix: sel.quote.suffix + (rand() < 0.5 ? 'x' : '') } };
        break;
      default:
        text = edit(rand, edit(rand, before));
    }
    const fast = atPosition(text, sel);
    const engine = anchorSelector(text, sel);
    if (fast) {
      accepted++;
      assert.deepEqual(engine, { start: sel.position.start, end: sel.position.end, status: 'exact' }, JSON.stringify({ text, sel }));
      // And what it accepted really is the quote in its context.
      assert.equal(text.slice(sel.position.start - sel.quote.prefix.length, sel.position.end + sel.quote.suffix.length),
        sel.quote.prefix + sel.quote.exact + sel.quote.suffix);
    } else refused++;
  }
  assert.ok(accepted > 500 && refused > 500, `${accepted} accepted, ${refused} refused`);
});

test('atPosition: refuses a missing or different context, a moved quote, a position that does not fit, an empty quote', () => {
  const text = 'Alpha beta gamma delta. Alpha beta gamma delta.';
  const sel = asQuoteAt(describeRange(text, 6, 10)); // "beta", with the whole text around it as context
  assert.equal(atPosition(text, sel), true);
  assert.equal(atPosition(`X${text}`, sel), false, 'moved by one');
  assert.equal(atPosition(text.replace('gamma', 'Gamma'), sel), false, 'suffix changed');
  assert.equal(atPosition(text.replace('Alpha', 'alpha'), sel), false, 'prefix changed');
  assert.equal(atPosition(text.slice(0, 30), sel), false, 'suffix cut');
  const at = (start: number, end: number, exact: string, prefix = '', suffix = ''): QuoteAt => ({ quote: { exact, prefix, suffix }, position: { start, end } });
  assert.equal(atPosition(text, at(0, 5, 'Alpha')), true, 'at the start, no prefix');
  assert.equal(atPosition(text, at(41, 46, 'delta', 'gamma ', '.')), true, 'at the end');
  assert.equal(atPosition(text, at(0, 5, 'Alpha', 'x')), false, 'a prefix before the start of the text');
  assert.equal(atPosition(text, at(1, 6, 'lpha ', 'xA')), false, 'a prefix longer than what precedes');
  assert.equal(atPosition(text, at(0, 4, 'Alpha')), false, 'position and quote of different lengths');
  assert.equal(atPosition(text, at(3, 3, '')), false, 'empty quote (the engine calls it invalid)');
  assert.equal(atPosition(text, at(44, 49, 'delta')), false, 'past the end');
});
