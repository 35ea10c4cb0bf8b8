/**
 * A compact text diff for mapping anchors from one revision of an article to the next.
 *
 * Runs on matching keys (see normalize.ts), so typographic changes are not edits. Three levels, each only where
 * the level above found a difference:
 * 1. common prefix and suffix are trimmed;
 * 2. paragraphs (key spans between line breaks) are aligned with Myers' O(ND) greedy diff
 *    (E. W. Myers, "An O(ND) Difference Algorithm and Its Variations", Algorithmica 1(2), 1986) on paragraph ids;
 * 3. inside each changed paragraph run, words/punctuation tokens are aligned the same way, a semantic cleanup
 *    folds coincidental short equalities (a shared "the" or space inside a rewritten sentence) into the change
 *    around them (the rule of diff-match-patch's cleanupSemantic), and each remaining replacement is refined to
 *    characters (so "authorty's" → "authority's" is one inserted letter) and cleaned up again.
 * Each level has an edit budget; beyond it, the region is reported as one replacement (the anchoring then falls
 * back to searching), so the cost stays bounded on wholesale rewrites.
 */

import { isWordCode } from './normalize.js';

/** One changed region: key range `[oldStart, oldEnd)` of the old text became `[newStart, newEnd)` of the new. */
export interface Change {
  readonly oldStart: number;
  readonly oldEnd: number;
  readonly newStart: number;
  readonly newEnd: number;
}

/** A run of a diff: `eq` runs have equal old and new lengths; others replace `a` old units by `b` new ones. */
interface Run {
  eq: boolean;
  a: number;
  b: number;
}

/** Edit budgets (number of inserted + deleted units) per level; beyond them a region is one replacement. */
const LINE_MAX_D = 2000;
const TOKEN_MAX_D = 1500;
const CHAR_MAX_D = 400;
/** Replacements longer than this (old + new units) are not refined to characters. */
const CHAR_REFINE_MAX = 2000;
/** Work budget of one token-level diff, in (N + M)·D steps: the edit budget shrinks for long regions. */
const TOKEN_WORK = 4_000_000;

/**
 * Myers' greedy O((N+M)·D) shortest edit script between two sequences of ids, or null when more than `maxD`
 * edits are needed. Returns runs in order.
 */
export function diffSequences(a: Int32Array, b: Int32Array, maxD: number): Run[] | null {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return n + m === 0 ? [] : [{ eq: false, a: n, b: m }];
  const max = n + m;
  const limit = Math.min(max, maxD);
  const off = limit + 1;
  const v = new Int32Array(2 * limit + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  outer: for (let d = 0; d <= limit; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1]! < v[off + k + 1]!) ? v[off + k + 1]! : v[off + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) { x++; y++; }
      v[off + k] = x;
      if (x >= n && y >= m) {
        trace.push(v.slice(off - d, off + d + 1));
        found = d;
        break outer;
      }
    }
    trace.push(v.slice(off - d, off + d + 1));
  }
  if (found < 0) return null;

  // Backtrack from (n, m) through the saved frontiers.
  const rev: Run[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const prev = trace[d - 1]!; // index k ↦ k + (d - 1)
    const k = x - y;
    const down = k === -d || (k !== d && prev[k - 1 + d - 1]! < prev[k + 1 + d - 1]!);
    const pk = down ? k + 1 : k - 1;
    const px = prev[pk + d - 1]!;
    const py = px - pk;
    const mx = down ? px : px + 1; // point after the single edit
    const snake = x - mx;
    if (snake > 0) rev.push({ eq: true, a: snake, b: snake });
    rev.push(down ? { eq: false, a: 0, b: 1 } : { eq: false, a: 1, b: 0 });
    x = px;
    y = py;
  }
  if (x > 0) rev.push({ eq: true, a: x, b: x });
  return mergeRuns(rev.reverse());
}

/** Merges neighbouring runs of the same kind (all non-equal runs between two equalities become one). */
function mergeRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    if (r.a === 0 && r.b === 0) continue;
    const last = out[out.length - 1];
    if (last && last.eq === r.eq) { last.a += r.a; last.b += r.b; } else out.push({ ...r });
  }
  return out;
}

/**
 * diff-match-patch's semantic cleanup rule: an equality no longer than the changes on both of its sides is
 * coincidence, not alignment; fold it (and its neighbours) into one replacement. Repeats until stable.
 */
function cleanupSemantic(runs: Run[]): Run[] {
  let cur = mergeRuns(runs);
  for (;;) {
    let changed = false;
    const out: Run[] = [];
    for (let i = 0; i < cur.length; i++) {
      const r = cur[i]!;
      const before = out[out.length - 1];
      const after = cur[i + 1];
      if (r.eq && before && !before.eq && after && !after.eq &&
          r.a <= Math.max(before.a, before.b) && r.a <= Math.max(after.a, after.b)) {
        before.a += r.a + after.a;
        before.b += r.b + after.b;
        i++;
        changed = true;
        continue;
      }
      if (before && before.eq === r.eq) { before.a += r.a; before.b += r.b; } else out.push({ ...r });
    }
    cur = out;
    if (!changed) return cur;
  }
}

function isIdeograph(c: number): boolean {
  return (c >= 0x3040 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff);
}

/** Token boundaries of `s[from, to)`: word runs, or single other code units (ideographs one each). */
function tokenize(s: string, from: number, to: number): number[] {
  const bounds: number[] = [from];
  let i = from;
  while (i < to) {
    const c = s.charCodeAt(i);
    if (isWordCode(c) && !isIdeograph(c)) {
      i++;
      while (i < to) {
        const d = s.charCodeAt(i);
        if (!isWordCode(d) || isIdeograph(d)) break;
        i++;
      }
    } else i++;
    bounds.push(i);
  }
  return bounds;
}

/** Ids for the units between consecutive `bounds` (shared dictionary, so equal units get equal ids). */
function idsOf(s: string, bounds: number[], dict: Map<string, number>): Int32Array {
  const ids = new Int32Array(bounds.length - 1);
  for (let i = 0; i + 1 < bounds.length; i++) {
    const unit = s.slice(bounds[i], bounds[i + 1]);
    let id = dict.get(unit);
    if (id === undefined) { id = dict.size; dict.set(unit, id); }
    ids[i] = id;
  }
  return ids;
}

/** Converts unit runs to code-unit runs using the unit boundaries of each side. */
function toCharRuns(runs: Run[], aBounds: number[], bBounds: number[]): Run[] {
  const out: Run[] = [];
  let ai = 0;
  let bi = 0;
  for (const r of runs) {
    const a = aBounds[ai + r.a]! - aBounds[ai]!;
    const b = bBounds[bi + r.b]! - bBounds[bi]!;
    out.push({ eq: r.eq, a, b });
    ai += r.a;
    bi += r.b;
  }
  return out;
}

function charIds(s: string, from: number, to: number): Int32Array {
  const ids = new Int32Array(to - from);
  for (let i = from; i < to; i++) ids[i - from] = s.charCodeAt(i);
  return ids;
}

/** Token-level diff of `a[a0, a1)` against `b[b0, b1)`, refined to characters; runs in code units. */
function diffTokens(a: string, a0: number, a1: number, b: string, b0: number, b1: number): Run[] {
  if (a1 - a0 === 0 || b1 - b0 === 0) return [{ eq: false, a: a1 - a0, b: b1 - b0 }];
  const dict = new Map<string, number>();
  const ab = tokenize(a, a0, a1);
  const bb = tokenize(b, b0, b1);
  const tokens = ab.length + bb.length - 2;
  const runs = diffSequences(idsOf(a, ab, dict), idsOf(b, bb, dict), Math.max(64, Math.min(TOKEN_MAX_D, Math.floor(TOKEN_WORK / tokens))));
  if (!runs) return [{ eq: false, a: a1 - a0, b: b1 - b0 }];
  const cleaned = cleanupSemantic(toCharRuns(runs, ab, bb));
  // Refine each replacement to characters.
  const out: Run[] = [];
  let ai = a0;
  let bi = b0;
  for (const r of cleaned) {
    if (!r.eq && r.a > 0 && r.b > 0 && r.a + r.b <= CHAR_REFINE_MAX) {
      const fine = diffSequences(charIds(a, ai, ai + r.a), charIds(b, bi, bi + r.b), CHAR_MAX_D);
      if (fine) out.push(...cleanupSemantic(fine));
      else out.push(r);
    } else out.push(r);
    ai += r.a;
    bi += r.b;
  }
  return cleanupSemantic(out);
}

/** Line (paragraph) boundaries of `[from, to)` given the sorted break offsets of the key. */
function lineBounds(breaks: readonly number[], from: number, to: number): number[] {
  const bounds = [from];
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (breaks[mid]! < from) lo = mid + 1; else hi = mid;
  }
  for (let i = lo; i < breaks.length; i++) {
    const cut = breaks[i]! + 1;
    if (cut >= to) break;
    if (cut > from) bounds.push(cut);
  }
  bounds.push(to);
  return bounds;
}

/**
 * The changes turning key `a` into key `b`, ascending and non-adjacent. `aBreaks`/`bBreaks` are the paragraph
 * boundaries of each key (NormalizedText.breaks).
 */
export function diffKeys(a: string, b: string, aBreaks: readonly number[] = [], bBreaks: readonly number[] = []): Change[] {
  if (a === b) return [];
  let pre = 0;
  const minLen = Math.min(a.length, b.length);
  while (pre < minLen && a.charCodeAt(pre) === b.charCodeAt(pre)) pre++;
  let suf = 0;
  while (suf < minLen - pre && a.charCodeAt(a.length - 1 - suf) === b.charCodeAt(b.length - 1 - suf)) suf++;
  // Cut the trimmed ends at line boundaries, so that the line-level diff sees whole lines: otherwise two swapped
  // lines of parallel structure ("• Roads: $96" / "• Parks: $41") get aligned word for word.
  pre = Math.min(lineStartAtOrBefore(aBreaks, pre), lineStartAtOrBefore(bBreaks, pre));
  suf = Math.min(a.length - lineEndAtOrAfter(aBreaks, a.length - suf, a.length), b.length - lineEndAtOrAfter(bBreaks, b.length - suf, b.length));
  const a0 = pre;
  const a1 = a.length - suf;
  const b0 = pre;
  const b1 = b.length - suf;

  const runs: Run[] = [];
  if (a1 === a0 || b1 === b0) runs.push({ eq: false, a: a1 - a0, b: b1 - b0 });
  else {
    const al = lineBounds(aBreaks, a0, a1);
    const bl = lineBounds(bBreaks, b0, b1);
    const dict = new Map<string, number>();
    const lineRuns = al.length > 2 || bl.length > 2 ? diffSequences(idsOf(a, al, dict), idsOf(b, bl, dict), LINE_MAX_D) : null;
    if (!lineRuns) runs.push(...diffTokens(a, a0, a1, b, b0, b1));
    else {
      let ai = 0;
      let bi = 0;
      for (const r of lineRuns) {
        const as = al[ai]!;
        const ae = al[ai + r.a]!;
        const bs = bl[bi]!;
        const be = bl[bi + r.b]!;
        if (r.eq) runs.push({ eq: true, a: ae - as, b: be - bs });
        else runs.push(...diffTokens(a, as, ae, b, bs, be));
        ai += r.a;
        bi += r.b;
      }
    }
  }

  const changes: Change[] = [];
  let ai = a0;
  let bi = b0;
  for (const r of mergeRuns(runs)) {
    if (!r.eq) {
      const last = changes[changes.length - 1];
      if (last && last.oldEnd === ai && last.newEnd === bi) {
        changes[changes.length - 1] = { oldStart: last.oldStart, oldEnd: ai + r.a, newStart: last.newStart, newEnd: bi + r.b };
      } else changes.push({ oldStart: ai, oldEnd: ai + r.a, newStart: bi, newEnd: bi + r.b });
    }
    ai += r.a;
    bi += r.b;
  }
  return slideToNearest(changes, a, b, aBreaks, bBreaks);
}

/** Start of the line holding key offset `pos` (0 if no break precedes it). */
function lineStartAtOrBefore(breaks: readonly number[], pos: number): number {
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (breaks[mid]! < pos) lo = mid + 1; else hi = mid;
  }
  return lo > 0 ? Math.min(pos, breaks[lo - 1]! + 1) : 0;
}

/** End (after the break) of the line holding key offset `pos`, or `length`. */
function lineEndAtOrAfter(breaks: readonly number[], pos: number, length: number): number {
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (breaks[mid]! < pos) lo = mid + 1; else hi = mid;
  }
  return lo < breaks.length ? Math.max(pos, breaks[lo]! + 1) : length;
}

/**
 * A pure insertion (or deletion) next to identical text can be placed at several equivalent offsets (a paragraph
 * pasted twice: which copy is the new one? "delay / delay" with one line removed: which one?). Of the equally short
 * diffs, prefer the one that shifts unchanged text least: slide each pure insertion/deletion across the identical
 * text beside it, towards the side where the offset shift is smaller — but only to places where both of its edges
 * are line boundaries (as git's diff heuristics do), so a whole-line change stays whole. A change that slides into
 * its neighbour is merged with it and the merged region is diffed again at word level.
 */
function slideToNearest(changes: Change[], a: string, b: string, aBreaks: readonly number[], bBreaks: readonly number[]): Change[] {
  const out = changes.slice();
  const aSet = new Set(aBreaks);
  const bSet = new Set(bBreaks);
  const touched = new Set<Change>();
  for (let i = 0; i < out.length; i++) {
    const c = out[i]!;
    const ins = c.oldStart === c.oldEnd;
    const del = c.newStart === c.newEnd;
    if (ins === del) continue; // replacements do not slide
    const s = ins ? b : a;
    const breaks = ins ? bSet : aSet;
    const edge = (p: number): boolean => p <= 0 || p >= s.length || breaks.has(p - 1) || breaks.has(p);
    const [lo, hi] = ins ? [c.newStart, c.newEnd] : [c.oldStart, c.oldEnd];
    const shiftBefore = c.newStart - c.oldStart;
    const shiftAfter = c.newEnd - c.oldEnd;
    const prev = out[i - 1];
    const next = out[i + 1];
    let shift = 0;
    if (Math.abs(shiftBefore) < Math.abs(shiftAfter)) {
      // Slide right: the unchanged text after the change then keeps the smaller shift.
      const room = (next ? (ins ? next.newStart : next.oldStart) : s.length) - hi;
      for (let k = 0; k < room && s.charCodeAt(lo + k) === s.charCodeAt(hi + k); k++) {
        if (edge(lo + k + 1) && edge(hi + k + 1)) shift = k + 1;
      }
    } else if (Math.abs(shiftAfter) < Math.abs(shiftBefore)) {
      const room = lo - (prev ? (ins ? prev.newEnd : prev.oldEnd) : 0);
      for (let k = 0; k < room && s.charCodeAt(hi - 1 - k) === s.charCodeAt(lo - 1 - k); k++) {
        if (edge(lo - k - 1) && edge(hi - k - 1)) shift = -(k + 1);
      }
    }
    if (shift === 0) continue;
    const moved = { oldStart: c.oldStart + shift, oldEnd: c.oldEnd + shift, newStart: c.newStart + shift, newEnd: c.newEnd + shift };
    if (shift > 0 && next && moved.oldEnd === next.oldStart) {
      const merged = { oldStart: moved.oldStart, oldEnd: next.oldEnd, newStart: moved.newStart, newEnd: next.newEnd };
      out.splice(i, 2, merged);
      touched.add(merged);
    } else if (shift < 0 && prev && moved.oldStart === prev.oldEnd) {
      const merged = { oldStart: prev.oldStart, oldEnd: moved.oldEnd, newStart: prev.newStart, newEnd: moved.newEnd };
      out.splice(i - 1, 2, merged);
      touched.add(merged);
      i--;
    } else out[i] = moved;
  }
  if (touched.size === 0) return out;
  // Re-diff merged regions at word level.
  const result: Change[] = [];
  for (const c of out) {
    if (!touched.has(c)) { result.push(c); continue; }
    let ai = c.oldStart;
    let bi = c.newStart;
    for (const r of diffTokens(a, c.oldStart, c.oldEnd, b, c.newStart, c.newEnd)) {
      if (!r.eq) result.push({ oldStart: ai, oldEnd: ai + r.a, newStart: bi, newEnd: bi + r.b });
      ai += r.a;
      bi += r.b;
    }
  }
  return result;
}

/** Index of the first change whose old range ends at or after `pos`. */
function firstEndingAtOrAfter(changes: readonly Change[], pos: number): number {
  let lo = 0;
  let hi = changes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (changes[mid]!.oldEnd < pos) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/**
 * Maps an old key position through the changes (ProseMirror-style): a position in unchanged text moves with
 * it; at the edge of a replaced region it stays outside the replacement (start edge → before it, end edge →
 * after it); inside a deleted region, or at a pure insertion, `assoc` −1 maps before the new text, +1 after.
 */
export function mapPosition(changes: readonly Change[], pos: number, assoc: 1 | -1): number {
  const i = firstEndingAtOrAfter(changes, pos);
  const c = changes[i];
  if (c && c.oldStart <= pos) {
    if (c.oldStart === c.oldEnd) return assoc < 0 ? c.newStart : c.newEnd;
    if (pos === c.oldStart) return c.newStart;
    if (pos === c.oldEnd) return c.newEnd;
    return assoc < 0 ? c.newStart : c.newEnd;
  }
  if (c) return pos + (c.newStart - c.oldStart);
  const last = changes[changes.length - 1];
  return last ? pos + (last.newEnd - last.oldEnd) : pos;
}

/** How a range of the old key fared: characters kept, deleted, and the new text inserted within it. */
export interface RangeFate {
  /** Old key units of the range that are unchanged in the new key. */
  readonly kept: number;
  /** Old key units of the range removed (deleted or replaced) by the changes that touch it. */
  readonly deleted: number;
  /**
   * New key units put in place of the removed ones: the replacement text of the changes touching the range,
   * pro rata of how much of each change's old text lies in the range (insertions inside the range count fully).
   */
  readonly replacement: number;
  /** New key range the old range maps to (`end ≥ start`). */
  readonly start: number;
  readonly end: number;
}

/** Maps the old key range `[start, end)` through `changes`. */
export function mapRange(changes: readonly Change[], start: number, end: number): RangeFate {
  let deleted = 0;
  let replacement = 0;
  for (let i = firstEndingAtOrAfter(changes, start); i < changes.length; i++) {
    const c = changes[i]!;
    if (c.oldStart > end || (c.oldStart === end && c.oldEnd > c.oldStart)) break;
    const oldLen = c.oldEnd - c.oldStart;
    const newLen = c.newEnd - c.newStart;
    if (oldLen === 0) {
      if (c.oldStart > start && c.oldStart < end) replacement += newLen;
      continue;
    }
    const overlap = Math.max(0, Math.min(end, c.oldEnd) - Math.max(start, c.oldStart));
    deleted += overlap;
    replacement += (newLen * overlap) / oldLen;
  }
  const ns = mapPosition(changes, start, 1);
  const ne = Math.max(ns, mapPosition(changes, end, -1));
  return { kept: end - start - deleted, deleted, replacement, start: ns, end: ne };
}

/** The new key ranges that hold inserted text (text not carried over from the old key), ascending. */
export function insertedSpans(changes: readonly Change[]): Array<{ start: number; end: number }> {
  return changes.filter((c) => c.newEnd > c.newStart).map((c) => ({ start: c.newStart, end: c.newEnd }));
}
