/**
 * Finding a quote in a text by searching, when no edit history says where it went.
 *
 * All work is on matching keys (normalize.ts). Candidates come from three sources:
 * 1. every exact occurrence of the quote (words cut in half are refused when the selection was whole words);
 * 2. approximate occurrences: local minima of Myers' bit-parallel search (myers.ts), up to the error budget the
 *    acceptance rule allows for the quote's length — not only the minimum-error ones;
 * 3. "in place" spans: text lying between a place where the stored prefix ends and a place where the stored
 *    suffix starts. This finds a passage edited where it stands even when an exact copy of the old wording exists
 *    elsewhere (the false-anchor class of Hypothesis issues h#2798 and client#7571).
 *
 * Each candidate gets a quote similarity q (1 − edits / length), prefix and suffix similarities p and s (edit
 * distance of the stored context against the text beside the candidate, anchored at the candidate's edge) and an
 * evidence score E = (m·q + |P|·p + |S|·s) / (m + |P| + |S|): every stored character counts once, so a short quote
 * is judged mostly by its context and a long one mostly by itself. {@link Scorer.acceptable} holds the acceptance
 * rules (stricter for short quotes; an approximate match must also agree with the quote at both ends), and
 * {@link choose} refuses to pick when a plausible rival elsewhere ranks within a small margin.
 *
 * Order of work: exact occurrences (taken at once when the best has a clearly matching context); then
 * approximate and in-place candidates near where the context or position says the passage is (taken if the
 * result is clear-cut); otherwise the same over the whole text, which is what proves that nothing better exists
 * elsewhere before a fuzzy anchor is accepted or the quote is orphaned.
 */

import { anchoredDistances, bestLength, compilePattern, levenshtein, searchApprox, type CompiledPattern } from './myers.js';
import { isWordCode } from './normalize.js';
import type { OrphanReason } from './selector.js';

/** What to look for, in key space. */
export interface QuoteQuery {
  /** Key of the quote. */
  readonly q: string;
  /** Key of the stored prefix (may be empty). */
  readonly p: string;
  /** Key of the stored suffix (may be empty). */
  readonly s: string;
  /** Expected key offset of the quote's start in the text searched, or −1. */
  readonly hint: number;
  /** The selection started on a word boundary (so a candidate must, too). */
  readonly startBoundary: boolean;
  /** The selection ended on a word boundary. */
  readonly endBoundary: boolean;
}

/** A key range. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** The search's decision. */
export type SearchOutcome =
  | { readonly found: true; readonly start: number; readonly end: number; readonly errors: number }
  | { readonly found: false; readonly reason: OrphanReason };

interface Candidate {
  start: number;
  end: number;
  errors: number;
  /** Quote similarity. */
  q: number;
  /** Prefix / suffix similarity (1 when that side has no stored context). */
  p: number;
  s: number;
  /** Context similarity over both sides (null when nothing was stored on either side). */
  c: number | null;
  /** Evidence score. */
  e: number;
  /** Rank: evidence plus a small position term. */
  r: number;
  inPlace: boolean;
  /** Whether both ends match the quote's ends (computed on demand, see Scorer.edgesAnchored). */
  edges?: boolean;
}

/** At most this many exact occurrences are collected, and the best (by adjacent context) of them scored. */
const MAX_EXACT = 4000;
const MAX_SCORED_EXACT = 48;
/** At most this many approximate occurrences (fewest edits first) and context hits are examined. */
const MAX_APPROX = 48;
const MAX_CONTEXT_HITS = 16;
/** Context similarity above which an exact occurrence is taken without looking for an edited copy elsewhere. */
const CONFIDENT_CONTEXT = 0.7;
/** Context similarity above which a candidate found near the expected place is taken without a global search. */
const CLEAR_CONTEXT = 0.8;
/** Ambiguity margin on the rank. */
const MARGIN = 0.04;
/** Position weight and scale (key units) of the rank's tie-breaking term. */
const POSITION_WEIGHT = 0.02;
const POSITION_SCALE = 2000;

/**
 * Length of a quote for the length-dependent thresholds: code units, except that an ideograph or hangul syllable
 * counts 3 and a kana 2 — one such character carries about as much as a few letters of an alphabetic script, so
 * six kanji are not as weak a quote as six Latin letters.
 */
export function effectiveLength(q: string): number {
  let n = 0;
  for (let i = 0; i < q.length; i++) {
    const c = q.charCodeAt(i);
    if ((c >= 0x3400 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff)) n += 3;
    else if (c >= 0x3040 && c <= 0x30ff) n += 2;
    else n += 1;
  }
  return n;
}

/** Minimum quote similarity by (effective) quote length: short quotes must match (nearly) exactly. */
export function minQuoteSimilarity(m: number): number {
  if (m >= 40) return 0.75;
  if (m >= 16) return 0.8;
  if (m >= 8) return 0.875;
  return 1;
}

/** Minimum context similarity for a candidate with quote similarity `q` and quote length `m`. */
function minContext(m: number, q: number): number {
  if (q === 1) return m >= 32 ? 0 : m >= 16 ? 0.4 : 0.6;
  if (m >= 64 && q >= 0.9) return 0;
  return m >= 40 ? 0.5 : 0.6;
}

/** In-place replacement: both stored contexts found intact around a span that still resembles the quote. */
function inPlaceEvidence(c: Candidate, pLen: number, sLen: number): boolean {
  return pLen >= 8 && sLen >= 8 && c.p >= 0.8 && c.s >= 0.8 && c.q >= 0.5;
}

/** Whether `pos` is not inside a word of `key`. */
function atBoundary(key: string, pos: number): boolean {
  if (pos <= 0 || pos >= key.length) return true;
  return !(isWordCode(key.charCodeAt(pos - 1)) && isWordCode(key.charCodeAt(pos)));
}

/** Scores candidates for one query against one key, and applies the acceptance rules. */
class Scorer {
  /** Quote length (key units). */
  readonly m: number;
  /** Effective quote length for the thresholds ({@link effectiveLength}). */
  readonly mEff: number;
  private readonly prefixPat: CompiledPattern | null;
  private readonly suffixPat: CompiledPattern | null;

  constructor(readonly key: string, readonly query: QuoteQuery) {
    this.m = query.q.length;
    this.mEff = effectiveLength(query.q);
    this.prefixPat = query.p.length > 0 ? compilePattern(query.p, true) : null;
    this.suffixPat = query.s.length > 0 ? compilePattern(query.s) : null;
  }

  /** Similarity of the stored prefix to the text ending at `pos` (anchored there, free at the far end). */
  prefixSimilarity(pos: number): number {
    if (!this.prefixPat) return 1;
    const n = this.query.p.length;
    const d = anchoredDistances(this.prefixPat, this.key, pos, -1, n + (n >> 1));
    return 1 - bestLength(d, n).errors / n;
  }

  /** Similarity of the stored suffix to the text starting at `pos`. */
  suffixSimilarity(pos: number): number {
    if (!this.suffixPat) return 1;
    const n = this.query.s.length;
    const d = anchoredDistances(this.suffixPat, this.key, pos, 1, n + (n >> 1));
    return 1 - bestLength(d, n).errors / n;
  }

  /** A scored candidate `[start, end)` that is `errors` edits away from the quote. */
  make(start: number, end: number, errors: number, inPlace: boolean): Candidate {
    const { m } = this;
    const pLen = this.query.p.length;
    const sLen = this.query.s.length;
    const q = Math.max(0, 1 - errors / Math.max(m, end - start));
    const p = this.prefixSimilarity(start);
    const s = this.suffixSimilarity(end);
    const c = pLen + sLen > 0 ? (pLen * p + sLen * s) / (pLen + sLen) : null;
    const e = (m * q + pLen * p + sLen * s) / (m + pLen + sLen);
    const hint = this.query.hint;
    const d = hint >= 0 ? Math.exp(-Math.abs(start - hint) / POSITION_SCALE) : 0;
    return { start, end, errors, q, p, s, c, e, r: e + POSITION_WEIGHT * d, inPlace };
  }

  /**
   * Whether both ends of an approximate candidate look like the ends of the quote: the first and last 5–10
   * units of the quote align with at most about a third of them edited (a typo is fine, another word is not). A match whose differences all sit at one end
   * ("… • Roads and transit" found as "… • Parks and libraries") is pinned at one end only; such a passage can
   * still be anchored, but only as an in-place edit, i.e. with the context intact on both sides.
   */
  edgesAnchored(c: Candidate): boolean {
    if (c.errors === 0 || this.m < 16) return true;
    if (c.edges === undefined) {
      const q = this.query.q;
      const w = Math.max(5, Math.min(10, Math.floor(this.m / 4)));
      const allowed = Math.floor((w + 1) / 3); // 2 of 5–7 (a transposed pair), 3 of 8–10
      const head = bestLength(anchoredDistances(compilePattern(q.slice(0, w)), this.key, c.start, 1, w + allowed), w).errors;
      const tail = bestLength(anchoredDistances(compilePattern(q.slice(-w), true), this.key, c.end, -1, w + allowed), w).errors;
      c.edges = head <= allowed && tail <= allowed;
    }
    return c.edges;
  }

  /** Whether a candidate's evidence is enough to anchor on it (ignoring rivals). */
  acceptable(c: Candidate): boolean {
    const { mEff, query } = this;
    if (c.q >= minQuoteSimilarity(mEff) && this.edgesAnchored(c)) {
      const need = minContext(mEff, c.q);
      if (need === 0) return true;
      return c.c !== null && c.c >= need;
    }
    return inPlaceEvidence(c, query.p.length, query.s.length);
  }

  /** Whether a candidate is a plausible place for the quote (a rival that makes the best one ambiguous). */
  plausible(c: Candidate): boolean {
    return c.q >= minQuoteSimilarity(this.mEff) || inPlaceEvidence(c, this.query.p.length, this.query.s.length);
  }
}

/** Best acceptable candidate, and whether a plausible non-overlapping rival ranks within the margin of it. */
function choose(scorer: Scorer, cands: readonly Candidate[]): { best: Candidate | null; ambiguous: boolean } {
  let best: Candidate | null = null;
  for (const c of cands) if (scorer.acceptable(c) && (!best || c.r > best.r)) best = c;
  if (!best) return { best: null, ambiguous: false };
  for (const c of cands) {
    if (c === best || (c.start < best.end && best.start < c.end)) continue;
    if (c.r >= best.r - MARGIN && scorer.plausible(c)) return { best, ambiguous: true };
  }
  return { best, ambiguous: false };
}

/** Windows padded by `pad`, clipped to the key, merged where they touch (the whole key when null). */
function clipWindows(windows: readonly Span[] | null, keyLength: number, pad: number): Span[] {
  if (!windows) return [{ start: 0, end: keyLength }];
  const out: Span[] = [];
  for (const w of windows) {
    const start = Math.max(0, w.start - pad);
    const end = Math.min(keyLength, w.end + pad);
    const last = out[out.length - 1];
    if (last && start <= last.end) out[out.length - 1] = { start: last.start, end: Math.max(last.end, end) };
    else if (end > start) out.push({ start, end });
  }
  return out;
}

/** Whether at least half of a candidate lies inside `windows` (always, when there are no windows). */
function inside(windows: readonly Span[] | null, c: Candidate): boolean {
  if (!windows) return true;
  let n = 0;
  for (const w of windows) n += Math.max(0, Math.min(c.end, w.end) - Math.max(c.start, w.start));
  return n * 2 >= c.end - c.start;
}

/**
 * Adjusts a candidate span: trims spaces the quote does not have, and moves each edge that should be on a word
 * boundary to the nearest boundary within 3 units when that gives fewer edits. Returns null if impossible.
 */
function snap(key: string, query: QuoteQuery, start: number, end: number): { start: number; end: number; errors: number } | null {
  const q = query.q;
  let s = start;
  let e = end;
  if (q.charCodeAt(0) !== 0x20) while (s < e && key.charCodeAt(s) === 0x20) s++;
  if (q.charCodeAt(q.length - 1) !== 0x20) while (e > s && key.charCodeAt(e - 1) === 0x20) e--;
  if (e <= s) return null;
  const starts = query.startBoundary && !atBoundary(key, s) ? nearBoundaries(key, s) : [s];
  const ends = query.endBoundary && !atBoundary(key, e) ? nearBoundaries(key, e) : [e];
  let best: { start: number; end: number; errors: number } | null = null;
  for (const a of starts) {
    for (const b of ends) {
      if (b <= a) continue;
      const errors = levenshtein(q, key.slice(a, b));
      if (!best || errors < best.errors) best = { start: a, end: b, errors };
    }
  }
  return best;
}

/** Word boundaries within 3 units of `pos`, nearest first. */
function nearBoundaries(key: string, pos: number): number[] {
  const out: number[] = [];
  for (let d = 1; d <= 3; d++) {
    if (pos - d >= 0 && atBoundary(key, pos - d)) out.push(pos - d);
    if (pos + d <= key.length && atBoundary(key, pos + d)) out.push(pos + d);
  }
  return out;
}

/** Exact occurrences of the quote (key), within the windows, respecting word boundaries. */
function exactOccurrences(key: string, query: QuoteQuery, windows: readonly Span[]): number[] {
  const q = query.q;
  const out: number[] = [];
  for (const w of windows) {
    let i = key.indexOf(q, w.start);
    while (i >= 0 && i + q.length <= w.end && out.length < MAX_EXACT) {
      if ((!query.startBoundary || atBoundary(key, i)) && (!query.endBoundary || atBoundary(key, i + q.length))) out.push(i);
      i = key.indexOf(q, i + 1);
    }
  }
  return out;
}

/** Number of stored context units that match exactly next to an occurrence (a cheap pre-score). */
function adjacency(key: string, query: QuoteQuery, start: number, end: number): number {
  let n = 0;
  const p = query.p;
  for (let i = 1; i <= p.length && start - i >= 0 && key.charCodeAt(start - i) === p.charCodeAt(p.length - i); i++) n++;
  const s = query.s;
  for (let i = 0; i < s.length && end + i < key.length && key.charCodeAt(end + i) === s.charCodeAt(i); i++) n++;
  return n;
}

/** Approximate occurrences of the quote with fewer edits than the acceptance rule allows. */
function approximateCandidates(scorer: Scorer, windows: readonly Span[]): Candidate[] {
  const { key, query, m } = scorer;
  const k = Math.floor((1 - minQuoteSimilarity(scorer.mEff)) * m);
  if (k < 1) return [];
  const pat = compilePattern(query.q);
  let ends = windows.flatMap((w) => searchApprox(pat, key, w.start, w.end, k)).filter((x) => x.errors > 0);
  if (ends.length > MAX_APPROX) {
    const hint = query.hint;
    ends.sort((x, y) => x.errors - y.errors || (hint >= 0 ? Math.abs(x.end - hint) - Math.abs(y.end - hint) : x.end - y.end));
    ends = ends.slice(0, MAX_APPROX);
  }
  const rev = compilePattern(query.q, true);
  const out: Candidate[] = [];
  const seen = new Set<string>();
  for (const x of ends) {
    const back = bestLength(anchoredDistances(rev, key, x.end, -1, m + k), m);
    const snapped = snap(key, query, x.end - back.length, x.end);
    if (!snapped) continue;
    const id = `${snapped.start}:${snapped.end}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(scorer.make(snapped.start, snapped.end, snapped.errors, false));
  }
  return out;
}

/** Ends of approximate occurrences of `pattern` (best first, at most `limit`). */
function contextHits(key: string, pattern: string, windows: readonly Span[], hint: number, limit: number): number[] {
  const k = Math.floor(pattern.length / 4);
  const pat = compilePattern(pattern);
  const hits = windows.flatMap((w) => searchApprox(pat, key, w.start, w.end, k));
  hits.sort((x, y) => x.errors - y.errors || (hint >= 0 ? Math.abs(x.end - hint) - Math.abs(y.end - hint) : x.end - y.end));
  return hits.slice(0, limit).map((h) => h.end);
}

/**
 * Spans between a found prefix end and a found suffix start. Returns the candidates, and whether some pair of
 * contexts was found with (almost) nothing between them: evidence that the passage was deleted.
 */
function inPlaceCandidates(scorer: Scorer, windows: readonly Span[]): { cands: Candidate[]; deletedHere: boolean } {
  const { key, query, m } = scorer;
  const out: Candidate[] = [];
  if (query.p.length < 8 || query.s.length < 8) return { cands: out, deletedHere: false };
  const ptail = query.p.slice(-32);
  const shead = query.s.slice(0, 32);
  const hint = query.hint;
  const prefixEnds = contextHits(key, ptail, windows, hint, MAX_CONTEXT_HITS);
  if (prefixEnds.length === 0) return { cands: out, deletedHere: false };
  const maxGap = 2 * m + 20;
  // The suffix only matters within reach of a prefix hit.
  const reach = clipWindows(
    [...prefixEnds].sort((x, y) => x - y).map((a) => ({ start: a - 1, end: a + maxGap + shead.length + (shead.length >> 2) })),
    key.length, 0,
  );
  const suffixRev = compilePattern(shead, true);
  const suffixStarts = contextHits(key, shead, reach, hint >= 0 ? hint + m + shead.length : -1, MAX_CONTEXT_HITS).map(
    (end) => end - bestLength(anchoredDistances(suffixRev, key, end, -1, shead.length + (shead.length >> 2)), shead.length).length,
  );
  let deletedHere = false;
  const seen = new Set<string>();
  for (const a of prefixEnds) {
    for (const b of suffixStarts) {
      if (b < a - 1 || b - a > maxGap) continue;
      let s = a;
      let e = Math.max(a, b);
      while (s < e && key.charCodeAt(s) === 0x20) s++;
      while (e > s && key.charCodeAt(e - 1) === 0x20) e--;
      let hasWord = false;
      for (let i = s; i < e && !hasWord; i++) hasWord = isWordCode(key.charCodeAt(i));
      if (!hasWord) { deletedHere = true; continue; }
      const id = `${s}:${e}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push(scorer.make(s, e, levenshtein(query.q, key.slice(s, e)), true));
    }
  }
  return { cands: out, deletedHere };
}

/** Seeds shorter than this, or occurring more often than MAX_SEED_HITS, do not localise anything. */
const SEED_LENGTH = 16;
const MAX_SEED_HITS = 8;

/**
 * Small windows where the passage probably is: around exact occurrences of the stored context nearest the quote
 * (the last 16 units of the prefix, the first 16 of the suffix) and around the position hint.
 */
function localWindows(key: string, query: QuoteQuery, within: readonly Span[]): Span[] {
  const m = query.q.length;
  const reach = m + Math.ceil(m / 4) + 64;
  const spans: Span[] = [];
  const seed = (needle: string, toStart: number) => {
    if (needle.length < SEED_LENGTH) return;
    const hits: number[] = [];
    for (let i = key.indexOf(needle); i >= 0 && hits.length <= MAX_SEED_HITS; i = key.indexOf(needle, i + 1)) hits.push(i);
    if (hits.length > MAX_SEED_HITS) return;
    for (const h of hits) spans.push({ start: h + toStart - 64, end: h + toStart + reach });
  };
  seed(query.p.slice(-SEED_LENGTH), SEED_LENGTH);
  seed(query.s.slice(0, SEED_LENGTH), -m - Math.ceil(m / 4));
  if (query.hint >= 0) spans.push({ start: query.hint - 64, end: query.hint + reach });
  spans.sort((a, b) => a.start - b.start);
  const merged = clipWindows(spans, key.length, 0);
  // Keep to the allowed windows.
  const out: Span[] = [];
  for (const w of merged) {
    for (const v of within) {
      const start = Math.max(w.start, v.start);
      const end = Math.min(w.end, v.end);
      if (end > start) out.push({ start, end });
    }
  }
  return out;
}

/**
 * Approximate and in-place candidates within `searchWindows` (candidates must lie at least half inside the
 * caller's `windows`). In-place spans that overlap a candidate resembling the quote are dropped: that candidate
 * describes the place better (the span would carry extra text around it). `spans` keeps all in-place spans found.
 */
function phaseTwo(
  scorer: Scorer, searchWindows: readonly Span[], windows: readonly Span[] | null, existing: readonly Candidate[],
): { cands: Candidate[]; spans: Candidate[]; deletedHere: boolean } {
  const m = scorer.m;
  const approx = approximateCandidates(scorer, searchWindows).filter((c) => inside(windows, c));
  const inPlace = inPlaceCandidates(scorer, clipWindows(searchWindows, scorer.key.length, 64 + m));
  const quoteLike = [...existing, ...approx].filter((c) => c.q >= minQuoteSimilarity(scorer.mEff));
  const spans = inPlace.cands.filter((c) => inside(windows, c));
  return {
    cands: [...approx, ...spans.filter((c) => !quoteLike.some((o) => o.start < c.end && c.start < o.end))],
    spans,
    deletedHere: inPlace.deletedHere,
  };
}

/**
 * Searches `key` for the quote described by `query`. With `windows`, only candidates lying at least half inside
 * them are considered (used to look for a moved passage among the text an edit inserted).
 */
export function searchQuote(key: string, query: QuoteQuery, windows: readonly Span[] | null = null): SearchOutcome {
  const m = query.q.length;
  if (m === 0 || key.length === 0) return { found: false, reason: 'quote-not-found' };
  const scorer = new Scorer(key, query);

  // 1. Exact occurrences.
  const searchWindows = clipWindows(windows, key.length, m);
  let occ = exactOccurrences(key, query, searchWindows);
  if (occ.length > MAX_SCORED_EXACT) {
    const hint = query.hint;
    const ranked = occ.map((i) => ({ i, a: adjacency(key, query, i, i + m) }));
    ranked.sort((x, y) => y.a - x.a || (hint >= 0 ? Math.abs(x.i - hint) - Math.abs(y.i - hint) : x.i - y.i));
    occ = ranked.slice(0, MAX_SCORED_EXACT).map((x) => x.i);
  }
  const cands = occ.map((i) => scorer.make(i, i + m, 0, false)).filter((c) => inside(windows, c));
  const first = choose(scorer, cands);
  if (first.best && !first.ambiguous && (first.best.c === null ? scorer.mEff >= 32 : first.best.c >= CONFIDENT_CONTEXT)) {
    return { found: true, start: first.best.start, end: first.best.end, errors: 0 };
  }

  // 2. Approximate occurrences and in-place spans: first near where the context (or the position hint) says the
  //    passage is, and accepted there only if clear-cut; otherwise in the whole text (or all the windows).
  const local = localWindows(key, query, searchWindows);
  if (local.length > 0) {
    const near = [...cands, ...phaseTwo(scorer, local, windows, cands).cands];
    const pick = choose(scorer, near);
    if (pick.best && !pick.ambiguous && pick.best.q >= minQuoteSimilarity(scorer.mEff) && pick.best.c !== null && pick.best.c >= CLEAR_CONTEXT) {
      return { found: true, start: pick.best.start, end: pick.best.end, errors: pick.best.errors };
    }
  }
  const inPlace = phaseTwo(scorer, searchWindows, windows, cands);
  cands.push(...inPlace.cands);
  const { best, ambiguous } = choose(scorer, cands);
  if (best && !ambiguous) return { found: true, start: best.start, end: best.end, errors: best.errors };
  if (ambiguous) return { found: false, reason: 'ambiguous' };
  if (inPlace.spans.some((c) => c.p >= 0.8 && c.s >= 0.8)) return { found: false, reason: 'passage-rewritten' };
  if (inPlace.deletedHere) return { found: false, reason: 'passage-deleted' };
  if (cands.some((c) => scorer.plausible(c))) return { found: false, reason: 'low-confidence' };
  if (inPlace.spans.length > 0) return { found: false, reason: 'passage-rewritten' };
  return { found: false, reason: 'quote-not-found' };
}
