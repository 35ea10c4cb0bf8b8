/**
 * The long article for the speed measurements: ~10,000 words generated deterministically (seeded PRNG) by a
 * word-level Markov chain trained on the corpus articles, 1,000 annotations on random word-aligned ranges, and a
 * "heavy edit" of it (30% of paragraphs edited, plus paragraphs inserted, deleted and moved), with every
 * character tracked so that annotations the edit did not touch have a known expected range.
 */

import { ARTICLES } from './articles.js';
import { TrackedText, type Range } from './corpus.js';
import { prng } from '../../test/support/prng.js';



const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const int = (rand: () => number, lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));

/** Order-1 word Markov chain over the corpus paragraphs. */
class Chain {
  private readonly next = new Map<string, string[]>();
  private readonly starts: string[] = [];

  constructor() {
    for (const a of ARTICLES) {
      for (const p of a.paragraphs) {
        const words = p.split(/\s+/).filter(Boolean);
        if (words.length < 5) continue; // texts written without spaces (Japanese) do not make word chains
        let prev = '.';
        for (const w of words) {
          if (/[.?!]”?$/.test(prev)) this.starts.push(w);
          const list = this.next.get(prev) ?? [];
          list.push(w);
          this.next.set(prev, list);
          prev = w;
        }
      }
    }
  }

  sentence(rand: () => number, maxWords = 40): string[] {
    const out: string[] = [pick(rand, this.starts)];
    while (out.length < maxWords) {
      const last = out[out.length - 1]!;
      if (/[.?!]”?$/.test(last) && out.length >= 6) break;
      const options = this.next.get(last);
      out.push(options ? pick(rand, options) : pick(rand, this.starts));
    }
    const last = out[out.length - 1]!;
    if (!/[.?!]”?$/.test(last)) out[out.length - 1] = `${last.replace(/[,;:—–]$/, '')}.`;
    return out;
  }

  paragraph(rand: () => number, minWords: number, maxWords: number): string {
    const target = int(rand, minWords, maxWords);
    const words: string[] = [];
    while (words.length < target) words.push(...this.sentence(rand));
    return words.join(' ');
  }
}

export interface LongDoc {
  readonly text: string;
  readonly ranges: readonly Range[];
  readonly edited: string;
  /** Expected range in `edited` of each annotation the edit left untouched (null when touched). */
  readonly expected: ReadonlyArray<Range | null>;
  readonly words: number;
  readonly editedWords: number;
  readonly paragraphsEdited: number;
  readonly paragraphs: number;
}

function wordSpans(text: string, base: number): Range[] {
  const out: Range[] = [];
  const re = /\S+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: base + m.index, end: base + m.index + m[0].length });
  return out;
}

export function buildLongDoc(targetWords = 10_000, annotations = 1_000, seed = 20260701): LongDoc {
  const rand = prng(seed);
  const chain = new Chain();
  const paragraphs: string[] = [];
  let words = 0;
  while (words < targetWords) {
    const p = chain.paragraph(rand, 50, 130);
    paragraphs.push(p);
    words += p.split(/\s+/).length;
  }
  const text = paragraphs.join('\n\n');

  // Annotations: word-aligned ranges inside one paragraph, mostly short.
  const t0 = TrackedText.of(text);
  const paras = t0.paragraphs();
  const ranges: Range[] = [];
  for (let i = 0; i < annotations; i++) {
    const p = pick(rand, paras);
    const ws = wordSpans(text.slice(p.start, p.end), p.start);
    const r = rand();
    const len = r < 0.4 ? int(rand, 1, 4) : r < 0.8 ? int(rand, 5, 12) : int(rand, 13, 30);
    const first = int(rand, 0, Math.max(0, ws.length - len));
    const last = Math.min(ws.length - 1, first + len - 1);
    ranges.push({ start: ws[first]!.start, end: ws[last]!.end });
  }

  // Heavy edit: 30% of paragraphs get 1–3 local edits; then 5 paragraphs inserted, 3 deleted, 3 moved.
  const t = TrackedText.of(text);
  const count = paras.length;
  const chosen = new Set<number>();
  while (chosen.size < Math.round(count * 0.3)) chosen.add(int(rand, 0, count - 1));
  // Edit from the last paragraph backwards so earlier paragraph offsets stay valid.
  for (const pi of [...chosen].sort((a, b) => b - a)) {
    const edits = int(rand, 1, 3);
    for (let k = 0; k < edits; k++) {
      const p = t.paragraphs()[pi]!;
      const ws = wordSpans(t.text.slice(p.start, p.end), p.start);
      const w = pick(rand, ws);
      const kind = rand();
      if (kind < 0.3) {
        // typo: swap two inner letters, or drop one
        const word = t.text.slice(w.start, w.end);
        if (word.length >= 4) {
          const j = int(rand, 1, word.length - 3);
          const typo = rand() < 0.5 ? word.slice(0, j) + word[j + 1] + word[j] + word.slice(j + 2) : word.slice(0, j) + word.slice(j + 1);
          t.splice(w.start, w.end, typo);
        }
      } else if (kind < 0.5) {
        t.splice(w.start, w.start, `${chain.sentence(rand, 4).join(' ').replace(/[.?!]”?$/, '')} `);
      } else if (kind < 0.65) {
        const n = int(rand, 1, 6);
        const i = ws.indexOf(w);
        const last = ws[Math.min(ws.length - 1, i + n - 1)]!;
        if (last.end < p.end) t.splice(w.start, Math.min(p.end, last.end + 1), '');
      } else if (kind < 0.85) {
        // replace the sentence containing w
        const ptext = t.text.slice(p.start, p.end);
        const rel = w.start - p.start;
        const prevDot = ptext.lastIndexOf('. ', rel);
        const sStart = prevDot < 0 ? 0 : prevDot + 2;
        const dot = ptext.indexOf('. ', rel);
        const sEnd = dot < 0 ? ptext.length : dot + 1;
        t.splice(p.start + sStart, p.start + sEnd, chain.sentence(rand).join(' '));
      } else {
        const word = t.text.slice(w.start, w.end);
        t.splice(w.start, w.end, word.toUpperCase() === word ? word.toLowerCase() : word[0]!.toUpperCase() + word.slice(1));
      }
    }
  }
  for (let k = 0; k < 5; k++) {
    const ps = t.paragraphs();
    const at = ps[int(rand, 0, ps.length - 1)]!.start;
    t.splice(at, at, `${chain.paragraph(rand, 40, 100)}\n\n`);
  }
  for (let k = 0; k < 3; k++) {
    const ps = t.paragraphs();
    const i = int(rand, 1, ps.length - 1);
    t.splice(ps[i]!.start - 2, ps[i]!.end, '');
  }
  for (let k = 0; k < 3; k++) {
    const ps = t.paragraphs();
    const from = int(rand, 0, ps.length - 1);
    const order = ps.map((_, i) => i);
    order.splice(from, 1);
    order.splice(int(rand, 0, order.length), 0, from);
    const pieces: Array<Range | string> = [];
    order.forEach((idx, j) => {
      if (j > 0) pieces.push('\n\n');
      pieces.push(ps[idx]!);
    });
    t.rebuild(pieces);
  }
  const edited = t.text;
  const where = new Map<number, number>();
  t.origin.forEach((o, i) => { if (o >= 0) where.set(o, i); });
  const expected = ranges.map((r) => {
    const first = where.get(r.start);
    if (first === undefined) return null;
    for (let k = 1; k < r.end - r.start; k++) if (where.get(r.start + k) !== first + k) return null;
    return { start: first, end: first + (r.end - r.start) };
  });
  return {
    text,
    ranges,
    edited,
    expected,
    words,
    editedWords: edited.split(/\s+/).length,
    paragraphsEdited: chosen.size,
    paragraphs: count,
  };
}
