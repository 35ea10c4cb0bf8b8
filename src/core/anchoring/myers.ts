/**
 * Approximate string matching with Myers' bit-parallel algorithm.
 *
 * G. Myers, "A Fast Bit-Vector Algorithm for Approximate String Matching Based on Dynamic Programming",
 * J. ACM 46(3), 1999. The dynamic-programming matrix of edit distances between a pattern (rows) and a text
 * (columns) is encoded column by column as bit-vectors of vertical deltas (+1 / −1), 32 rows per machine word;
 * one text character advances a whole 32-row block in a dozen word operations. Patterns longer than 32 are
 * split into blocks chained by their horizontal delta ("advance_block", §4.2 of the paper). Cost: O(⌈m/32⌉·n).
 *
 * Two boundary conditions are supported:
 * - *search* (top row all zeros): the pattern may start anywhere in the text; the last row gives, for every
 *   text position, the fewest edits of the pattern into some substring ending there;
 * - *anchored* (top row 0, 1, 2, …): the alignment must start at the first text character read; the last row
 *   gives the edit distance between the pattern and every prefix of the text (used to find a match's start by
 *   reading backwards, to score context, and as a plain Levenshtein distance).
 *
 * Distances are in UTF-16 code units of the (already normalised) strings.
 */

/** A pattern compiled into per-character match masks, one 32-bit word per block. */
export interface CompiledPattern {
  /** Pattern length (rows). */
  readonly length: number;
  /** Number of 32-row blocks. */
  readonly blocks: number;
  /** Masks for code units < 256, `blocks` words per code unit. */
  readonly low: Int32Array;
  /** Masks for other code units. */
  readonly high: Map<number, Int32Array>;
}

/** Compiles `pattern` (read forwards, or backwards when `reverse` is true). */
export function compilePattern(pattern: string, reverse = false): CompiledPattern {
  const m = pattern.length;
  const blocks = Math.max(1, Math.ceil(m / 32));
  const low = new Int32Array(256 * blocks);
  const high = new Map<number, Int32Array>();
  for (let i = 0; i < m; i++) {
    const c = pattern.charCodeAt(reverse ? m - 1 - i : i);
    const b = i >>> 5;
    const bit = 1 << (i & 31);
    if (c < 256) low[c * blocks + b]! |= bit;
    else {
      let masks = high.get(c);
      if (!masks) { masks = new Int32Array(blocks); high.set(c, masks); }
      masks[b]! |= bit;
    }
  }
  return { length: m, blocks, low, high };
}

/** A local minimum of the search row: a place where the pattern ends with few edits. */
export interface ApproxEnd {
  /** Exclusive end offset in the text. */
  end: number;
  /** Edit distance of the pattern into the best substring ending at `end`. */
  errors: number;
}

// Scratch state reused between calls (the engine is single-threaded; nothing escapes a call).
let scratchP = new Int32Array(64);
let scratchM = new Int32Array(64);
let scratchScore = new Int32Array(64);

function ensureScratch(blocks: number): void {
  if (scratchP.length < blocks) {
    scratchP = new Int32Array(blocks * 2);
    scratchM = new Int32Array(blocks * 2);
    scratchScore = new Int32Array(blocks * 2);
  }
}

function initBlocks(pat: CompiledPattern): void {
  ensureScratch(pat.blocks);
  for (let b = 0; b < pat.blocks; b++) {
    scratchP[b] = -1; // every vertical delta is +1: D[i][0] = i
    scratchM[b] = 0;
    scratchScore[b] = Math.min((b + 1) * 32, pat.length);
  }
}

/**
 * Advances block `b` by one text code unit whose match mask for the block is `eq`, with `hin` the horizontal
 * delta entering the block's top row; returns the delta leaving its bottom row (Myers 1999, "advance_block").
 */
function advanceBlock(b: number, eq: number, hin: number, high: number): number {
  const pv = scratchP[b]!;
  const mv = scratchM[b]!;
  const xv = eq | mv;
  if (hin < 0) eq |= 1;
  const xh = (((eq & pv) + pv) ^ pv) | eq;
  let ph = mv | ~(xh | pv);
  let mh = pv & xh;
  const hout = (ph & high) !== 0 ? 1 : (mh & high) !== 0 ? -1 : 0;
  ph <<= 1;
  mh <<= 1;
  if (hin < 0) mh |= 1;
  else if (hin > 0) ph |= 1;
  scratchP[b] = mh | ~(xv | ph);
  scratchM[b] = ph & xv;
  return hout;
}

function maskOf(pat: CompiledPattern, c: number, b: number): number {
  if (c < 256) return pat.low[c * pat.blocks + b]!;
  const masks = pat.high.get(c);
  return masks ? masks[b]! : 0;
}

/**
 * Advances every block by one text code unit `c`, with `hin0` the horizontal delta entering the top row
 * (0 for search, +1 for anchored). Returns the new value of the last row.
 */
function step(pat: CompiledPattern, c: number, hin0: number): number {
  const blocks = pat.blocks;
  const lastHigh = 1 << ((pat.length - 1) & 31);
  let hin = hin0;
  for (let b = 0; b < blocks; b++) {
    hin = advanceBlock(b, maskOf(pat, c, b), hin, b === blocks - 1 ? lastHigh : -2147483648);
    scratchScore[b]! += hin;
  }
  return scratchScore[blocks - 1]!;
}

/** Collects the local minima ≤ k of a stream of last-row values (both ends of a plateau). */
class Minima {
  readonly out: ApproxEnd[] = [];
  /** The previous value; callers may set it directly while both it and the new value exceed k (no-op). */
  prev: number;
  private start = -1;
  private plateauEnd = -1;
  private value = 0;

  constructor(initial: number, private readonly k: number) {
    this.prev = initial;
  }

  push(end: number, d: number): void {
    if (d < this.prev) {
      this.start = end;
      this.plateauEnd = end;
      this.value = d;
    } else if (d === this.prev) {
      if (this.start >= 0) this.plateauEnd = end;
    } else if (this.start >= 0) {
      this.flush();
    }
    this.prev = d;
  }

  flush(): ApproxEnd[] {
    if (this.start >= 0 && this.value <= this.k) {
      this.out.push({ end: this.start, errors: this.value });
      if (this.plateauEnd !== this.start) this.out.push({ end: this.plateauEnd, errors: this.value });
    }
    this.start = -1;
    return this.out;
  }
}

/** Single-word search (m ≤ 32): the whole column in local variables. */
function searchOneWord(pat: CompiledPattern, text: string, from: number, to: number, k: number): ApproxEnd[] {
  const m = pat.length;
  const low = pat.low;
  const high = pat.high;
  const last = 1 << (m - 1);
  let pv = -1;
  let mv = 0;
  let score = m;
  const minima = new Minima(m, k);
  for (let j = from; j < to; j++) {
    const c = text.charCodeAt(j);
    let eq: number;
    if (c < 256) eq = low[c]!;
    else {
      const masks = high.get(c);
      eq = masks ? masks[0]! : 0;
    }
    const xv = eq | mv;
    const xh = (((eq & pv) + pv) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    if ((ph & last) !== 0) score++;
    else if ((mh & last) !== 0) score--;
    ph <<= 1;
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
    if (score <= k || minima.prev <= k) minima.push(j + 1, score);
    else minima.prev = score;
  }
  return minima.flush();
}

/**
 * Multi-block search with Ukkonen's cut-off, as Myers (1999, §5) applies it to blocks: only blocks 0..y are
 * advanced, y being the last block that can still hold a value ≤ k. The last row is exact while the last block
 * is active; otherwise it is known to exceed k, which is all the caller needs.
 */
function searchBlocks(pat: CompiledPattern, text: string, from: number, to: number, k: number): ApproxEnd[] {
  const m = pat.length;
  const blocks = pat.blocks;
  const bMax = blocks - 1;
  const lastHigh = 1 << ((m - 1) & 31);
  const low = pat.low;
  initBlocks(pat);
  const P = scratchP;
  const M = scratchM;
  const score = scratchScore;
  let y = Math.min(bMax, Math.floor(k / 32));
  const minima = new Minima(m, k);
  let masks: Int32Array | undefined;
  for (let j = from; j < to; j++) {
    const c = text.charCodeAt(j);
    let base = -1;
    if (c < 256) base = c * blocks;
    else masks = pat.high.get(c);
    let carry = 0;
    for (let b = 0; b <= y; b++) {
      // advance_block, inlined (see advanceBlock)
      let eq = base >= 0 ? low[base + b]! : masks ? masks[b]! : 0;
      const pv = P[b]!;
      const mv = M[b]!;
      const xv = eq | mv;
      if (carry < 0) eq |= 1;
      const xh = (((eq & pv) + pv) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      const high = b === bMax ? lastHigh : -2147483648;
      const hout = (ph & high) !== 0 ? 1 : (mh & high) !== 0 ? -1 : 0;
      ph <<= 1;
      mh <<= 1;
      if (carry < 0) mh |= 1;
      else if (carry > 0) ph |= 1;
      P[b] = mh | ~(xv | ph);
      M[b] = ph & xv;
      score[b]! += hout;
      carry = hout;
    }
    if (y < bMax && score[y]! - carry <= k) {
      const nextEq = base >= 0 ? low[base + y + 1]! : masks ? masks[y + 1]! : 0;
      if ((nextEq & 1) !== 0 || carry < 0) {
        y++;
        P[y] = -1;
        M[y] = 0;
        const size = y === bMax ? m - 32 * bMax : 32;
        score[y] = score[y - 1]! + size - carry + advanceBlock(y, nextEq, carry, y === bMax ? lastHigh : -2147483648);
      }
    } else {
      while (y > 0 && score[y]! >= k + 32) y--;
    }
    const d = y === bMax ? score[y]! : k + 1;
    if (d <= k || minima.prev <= k) minima.push(j + 1, d);
    else minima.prev = d;
  }
  return minima.flush();
}

/**
 * Finds where `pat` occurs in `text[from, to)` with at most `maxErrors` edits: every local minimum ≤ maxErrors of
 * the edit-distance row (both ends of a plateau), ascending by end. Empty patterns match nothing.
 */
export function searchApprox(pat: CompiledPattern, text: string, from: number, to: number, maxErrors: number): ApproxEnd[] {
  if (pat.length === 0 || maxErrors < 0 || to <= from) return [];
  return pat.blocks === 1 ? searchOneWord(pat, text, from, to, maxErrors) : searchBlocks(pat, text, from, to, maxErrors);
}

/**
 * Edit distances between the pattern and every prefix of a text read from `from`: forwards
 * (`text[from, from + j)`) when `dir` is 1, backwards (`text[from - j, from)`, pattern compiled with
 * `reverse`) when `dir` is −1. Returns `out` with `out[j]` for `0 ≤ j ≤ maxLen` (clipped to the text).
 */
export function anchoredDistances(pat: CompiledPattern, text: string, from: number, dir: 1 | -1, maxLen: number): Int32Array {
  const avail = dir === 1 ? text.length - from : from;
  const len = Math.max(0, Math.min(maxLen, avail));
  const out = new Int32Array(len + 1);
  out[0] = pat.length;
  if (pat.length === 0) {
    for (let j = 1; j <= len; j++) out[j] = j;
    return out;
  }
  initBlocks(pat);
  for (let j = 1; j <= len; j++) {
    const c = text.charCodeAt(dir === 1 ? from + j - 1 : from - j);
    out[j] = step(pat, c, 1);
  }
  return out;
}

/** The prefix length with the fewest edits in `distances` (ties: the length closest to `preferred`). */
export function bestLength(distances: Int32Array, preferred: number): { length: number; errors: number } {
  let best = 0;
  let bestD = distances[0]!;
  for (let j = 1; j < distances.length; j++) {
    const d = distances[j]!;
    if (d < bestD || (d === bestD && Math.abs(j - preferred) < Math.abs(best - preferred))) {
      best = j;
      bestD = d;
    }
  }
  return { length: best, errors: bestD };
}

/** Levenshtein distance between `a` and `b` (unit costs). */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const pat = compilePattern(a);
  return anchoredDistances(pat, b, 0, 1, b.length)[b.length]!;
}
