/**
 * Builds the labelled corpus: applies each scenario's edit script to its article while tracking, for every
 * character of the new text, which character of the old text it is (or that it was inserted). Expected ranges of
 * untouched annotations follow from that tracking; touched annotations take the hand labels of scenarios.ts.
 */

import { ARTICLES, type AnnotationSpec, type Article } from './articles.js';
import { SCENARIOS, type Edit, type Outcome, type ScenarioSpec } from './scenarios.js';

export interface Range {
  readonly start: number;
  readonly end: number;
}

/** One acceptable outcome: orphaned, or a range of the new text (with whether its wording changed). */
export type Expected = { readonly kind: 'orphan' } | { readonly kind: 'anchor'; readonly range: Range; readonly changed: boolean };

export interface Case {
  readonly scenario: string;
  readonly category: string;
  readonly annotation: string;
  /** Range in the old text. */
  readonly old: Range;
  readonly exact: string;
  /** Whether the edit script touched this annotation (hand-labelled) or not (tracked). */
  readonly touched: boolean;
  readonly acceptable: readonly Expected[];
}

export interface BuiltScenario {
  readonly spec: ScenarioSpec;
  readonly oldText: string;
  readonly newText: string;
  readonly cases: readonly Case[];
}

/** Text plus, for each code unit, its index in the original text (−1 = inserted). */
export class TrackedText {
  constructor(public text: string, public origin: number[]) {}

  static of(text: string): TrackedText {
    return new TrackedText(text, Array.from({ length: text.length }, (_, i) => i));
  }

  splice(start: number, end: number, insert: string): void {
    this.text = this.text.slice(0, start) + insert + this.text.slice(end);
    this.origin = [...this.origin.slice(0, start), ...new Array<number>(insert.length).fill(-1), ...this.origin.slice(end)];
  }

  /** Rebuilds from pieces: ranges of the current text (keeping their origin) or new strings. */
  rebuild(pieces: ReadonlyArray<Range | string>): void {
    let text = '';
    let origin: number[] = [];
    for (const p of pieces) {
      if (typeof p === 'string') { text += p; origin = origin.concat(new Array<number>(p.length).fill(-1)); }
      else { text += this.text.slice(p.start, p.end); origin = origin.concat(this.origin.slice(p.start, p.end)); }
    }
    this.text = text;
    this.origin = origin;
  }

  paragraphs(): Range[] {
    const out: Range[] = [];
    let start = 0;
    for (;;) {
      const i = this.text.indexOf('\n\n', start);
      if (i < 0) { out.push({ start, end: this.text.length }); return out; }
      out.push({ start, end: i });
      start = i + 2;
    }
  }
}

function locate(text: string, needle: string, nth = 0, what = ''): number {
  let i = text.indexOf(needle);
  for (let k = 0; k < nth && i >= 0; k++) i = text.indexOf(needle, i + 1);
  if (i < 0) throw new Error(`corpus: cannot find ${JSON.stringify(needle)} (nth ${nth}) ${what}`);
  return i;
}

function para(t: TrackedText, i: number, what: string): Range {
  const p = t.paragraphs()[i];
  if (!p) throw new Error(`corpus: no paragraph ${i} ${what}`);
  return p;
}

function applyEdit(t: TrackedText, e: Edit, what: string): void {
  if ('replace' in e) {
    const i = locate(t.text, e.replace, e.nth, what);
    t.splice(i, i + e.replace.length, e.with);
  } else if ('replaceAll' in e) {
    let i = locate(t.text, e.replaceAll, 0, what);
    while (i >= 0) {
      t.splice(i, i + e.replaceAll.length, e.with);
      i = t.text.indexOf(e.replaceAll, i + e.with.length);
    }
  } else if ('afterAll' in e) {
    let i = locate(t.text, e.afterAll, 0, what);
    while (i >= 0) {
      const at = i + e.afterAll.length;
      t.splice(at, at, e.insert);
      i = t.text.indexOf(e.afterAll, at + e.insert.length);
    }
  } else if ('insert' in e) {
    const anchor = 'after' in e ? e.after : e.before;
    const i = locate(t.text, anchor, e.nth, what);
    const at = 'after' in e ? i + anchor.length : i;
    t.splice(at, at, e.insert);
  } else if ('deletePara' in e) {
    const ps = t.paragraphs();
    const p = para(t, e.deletePara, what);
    if (e.deletePara > 0) t.splice(p.start - 2, p.end, '');
    else t.splice(0, ps[1] ? ps[1].start : p.end, '');
  } else if ('insertPara' in e) {
    const ps = t.paragraphs();
    if (e.insertPara < ps.length) { const at = ps[e.insertPara]!.start; t.splice(at, at, `${e.text}\n\n`); }
    else t.splice(t.text.length, t.text.length, `\n\n${e.text}`);
  } else if ('replacePara' in e) {
    const p = para(t, e.replacePara, what);
    t.splice(p.start, p.end, e.text);
  } else if ('movePara' in e) {
    const ps = t.paragraphs();
    const order = ps.map((_, i) => i);
    const [moved] = order.splice(e.movePara, 1);
    if (moved === undefined) throw new Error(`corpus: no paragraph ${e.movePara} ${what}`);
    order.splice(e.to, 0, moved);
    const pieces: Array<Range | string> = [];
    order.forEach((idx, j) => {
      if (j > 0) {
        const prev = order[j - 1]!;
        // Keep the original separator when the two paragraphs were already neighbours in this order.
        pieces.push(prev + 1 === idx ? { start: ps[prev]!.end, end: ps[idx]!.start } : '\n\n');
      }
      pieces.push(ps[idx]!);
    });
    t.rebuild(pieces);
  } else if ('mergePara' in e) {
    const p = para(t, e.mergePara, what);
    const q = para(t, e.mergePara + 1, what);
    t.splice(p.end, q.start, ' ');
  }
}

function annotationRange(text: string, spec: AnnotationSpec, what: string): Range {
  const after = spec.after ?? '';
  const i = locate(text, after + spec.exact, spec.nth, what) + after.length;
  return { start: i, end: i + spec.exact.length };
}

/** Typographic canonical form used for the `changed` label (white space, quotes, dashes, ellipsis; not case). */
export function canonical(s: string): string {
  return s
    .replace(/[\u00ad\u200b\u2060\ufeff]/g, '')
    .replace(/[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, ' ')
    .replace(/[‘’‚‛′ʼ‹›]/g, "'")
    .replace(/[“”„‟″«»]/g, '"')
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/…/g, '...')
    .normalize('NFC');
}

function buildScenario(spec: ScenarioSpec, article: Article): BuiltScenario {
  const oldText = article.paragraphs.join('\n\n');
  const t = TrackedText.of(oldText);
  spec.edits.forEach((e, i) => applyEdit(t, e, `in ${spec.id} edit ${i}`));
  const newText = t.text;
  const where = new Map<number, number>();
  t.origin.forEach((o, i) => { if (o >= 0) where.set(o, i); });

  const cases: Case[] = [];
  for (const [id, ann] of Object.entries(article.annotations)) {
    const old = annotationRange(oldText, ann, `(annotation ${id} of ${article.id})`);
    const exact = oldText.slice(old.start, old.end);
    // Untouched: every character still there, contiguous, nothing inserted between.
    const first = where.get(old.start);
    let touched = first === undefined;
    for (let k = 1; !touched && k < exact.length; k++) touched = where.get(old.start + k) !== first! + k;
    const label = spec.expect?.[id];
    let acceptable: Expected[];
    if (label !== undefined) {
      const outcomes: readonly Outcome[] = Array.isArray(label) ? label : [label as Outcome];
      acceptable = outcomes.map((o) => {
        if (o === 'orphan') return { kind: 'orphan' } as const;
        const range = annotationRange(newText, { exact: o.text, after: o.after, nth: o.nth }, `(expected ${id} in ${spec.id})`);
        return { kind: 'anchor', range, changed: canonical(o.text) !== canonical(exact) } as const;
      });
      // A label on an untouched annotation may widen the acceptable outcomes (e.g. allow an orphan where a copy
      // makes the passage ambiguous); one that excludes the tracked range is probably a mistake.
      const tracked = first === undefined ? -1 : first;
      if (!touched && !acceptable.some((a) => a.kind === 'anchor' && a.range.start === tracked && a.range.end === tracked + exact.length)) {
        console.warn(`corpus: ${spec.id}/${id} is untouched by the edits, but its label excludes where it went; the label wins`);
      }
    } else if (touched) {
      throw new Error(`corpus: ${spec.id} touches ${id} but has no expectation for it`);
    } else {
      acceptable = [{ kind: 'anchor', range: { start: first!, end: first! + exact.length }, changed: false }];
    }
    cases.push({ scenario: spec.id, category: spec.category, annotation: id, old, exact, touched: label !== undefined, acceptable });
  }
  return { spec, oldText, newText, cases };
}

/** All scenarios, built and checked. */
export function buildCorpus(): BuiltScenario[] {
  const byId = new Map(ARTICLES.map((a) => [a.id, a]));
  const ids = new Set<string>();
  return SCENARIOS.map((spec) => {
    if (ids.has(spec.id)) throw new Error(`corpus: duplicate scenario id ${spec.id}`);
    ids.add(spec.id);
    const article = byId.get(spec.article);
    if (!article) throw new Error(`corpus: ${spec.id} names unknown article ${spec.article}`);
    for (const id of Object.keys(spec.expect ?? {})) {
      if (!(id in article.annotations)) throw new Error(`corpus: ${spec.id} labels unknown annotation ${id}`);
    }
    return buildScenario(spec, article);
  });
}
