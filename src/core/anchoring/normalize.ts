/**
 * Text normalisation for matching, with an offset map back to the original text.
 *
 * Anchoring never compares raw strings: an article's text changes in ways a reader would not call an edit
 * (a no-break space, curly instead of straight quotes, an en dash instead of a hyphen, re-wrapped source,
 * a soft hyphen). Every comparison is made on a *matching key* built here, and every offset found in the key
 * is translated back to the original text through the maps kept alongside it, so the offsets the engine
 * returns always index the caller's own string (UTF-16 code units).
 *
 * The key:
 * - collapses every run of white space (ASCII, no-break, the U+2000–U+200A spaces, U+202F, U+205F, U+3000,
 *   line and paragraph separators) to one U+0020 — so a paragraph break `\n\n` is a single space, and merging or
 *   splitting paragraphs is not a text change;
 * - drops invisible characters: soft hyphen U+00AD, zero-width space U+200B, word joiner U+2060, BOM U+FEFF;
 * - folds quotation marks (‘ ’ ‚ ‛ ′ ʼ ‹ › → `'`; “ ” „ ‟ ″ « » → `"`), dashes and minus signs
 *   (‐ ‑ ‒ – — ― − → `-`) and the ellipsis (… → `...`);
 * - optionally folds case (on by default), and decomposes accented letters (NFD), so that precomposed and
 *   decomposed spellings of the same letter are equal.
 */

/** A matching key and its map to the original text. */
export interface NormalizedText {
  /** The normalised text that matching runs on. */
  readonly key: string;
  /** For each key code unit `i`, the original offset of the first code unit that produced it. */
  readonly origStart: Int32Array;
  /** For each key code unit `i`, the original offset just after the last code unit that produced it. */
  readonly origEnd: Int32Array;
  /**
   * Key offsets of the spaces that stand for white space containing a line break: the paragraph (block)
   * boundaries the diff aligns first. Ascending.
   */
  readonly breaks: readonly number[];
  /** Length of the original text. */
  readonly sourceLength: number;
}

const SPACE = 0x20;

/** True for every code unit the key treats as white space. */
export function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0x85) return false;
  return (
    c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000
  );
}

/** True for letters and digits (the code units words are made of); ideographs count as letters. */
export function isWordCode(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  if (c >= 0x2000 && c <= 0x206f) return false; // general punctuation
  if (c >= 0x3000 && c <= 0x303f) return false; // CJK punctuation
  return c >= 0xc0 && !isSpaceCode(c);
}

function isBreakCode(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x0b || c === 0x0c || c === 0x85 || c === 0x2028 || c === 0x2029;
}

/** True for the invisible code units the key drops (soft hyphen, zero-width space, word joiner, BOM). */
export function isIgnorableCode(c: number): boolean {
  return c === 0xad || c === 0x200b || c === 0x2060 || c === 0xfeff;
}

/** Single-code-unit folds of typographic punctuation. */
function foldPunctuation(c: number): number {
  switch (c) {
    case 0x2018: case 0x2019: case 0x201a: case 0x201b: case 0x2032: case 0x02bc: case 0x2039: case 0x203a:
      return 0x27; // '
    case 0x201c: case 0x201d: case 0x201e: case 0x201f: case 0x2033: case 0xab: case 0xbb:
      return 0x22; // "
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
    case 0xfe58: case 0xfe63: case 0xff0d:
      return 0x2d; // -
    default:
      return -1;
  }
}

// Folding a non-ASCII code point costs a String.prototype.normalize call; the results are memoised.
const foldCache = new Map<number, string>();
const foldCacheNoCase = new Map<number, string>();

function foldCodePoint(cp: number, foldCase: boolean): string {
  const cache = foldCase ? foldCache : foldCacheNoCase;
  let folded = cache.get(cp);
  if (folded === undefined) {
    const s = String.fromCodePoint(cp);
    folded = (foldCase ? s.toLowerCase() : s).normalize('NFD');
    if (cache.size < 4096) cache.set(cp, folded);
  }
  return folded;
}

/**
 * Builds the matching key of `text` and its offset map.
 * @param text the original text
 * @param foldCase fold letter case (default true); `false` gives the typographic canonical form used to decide
 *   whether a passage's wording changed
 */
export function normalizeText(text: string, foldCase = true): NormalizedText {
  const n = text.length;
  // Upper bound: an ellipsis grows to three units; a folded code point to a few. Grow on demand.
  let cap = n + 16;
  let codes = new Uint16Array(cap);
  let starts = new Int32Array(cap);
  let ends = new Int32Array(cap);
  const breaks: number[] = [];
  let len = 0;
  let inSpace = false;

  const push = (code: number, s: number, e: number): void => {
    if (len === cap) {
      cap = cap * 2;
      const c2 = new Uint16Array(cap); c2.set(codes); codes = c2;
      const s2 = new Int32Array(cap); s2.set(starts); starts = s2;
      const e2 = new Int32Array(cap); e2.set(ends); ends = e2;
    }
    codes[len] = code;
    starts[len] = s;
    ends[len] = e;
    len++;
  };

  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c === SPACE || (c >= 0x09 && c <= 0x0d)) {
        if (inSpace) ends[len - 1] = i + 1;
        else { push(SPACE, i, i + 1); inSpace = true; }
        if (isBreakCode(c) && breaks[breaks.length - 1] !== len - 1) breaks.push(len - 1);
      } else {
        inSpace = false;
        push(foldCase && c >= 0x41 && c <= 0x5a ? c + 32 : c, i, i + 1);
      }
      i++;
      continue;
    }
    if (isSpaceCode(c)) {
      if (inSpace) ends[len - 1] = i + 1;
      else { push(SPACE, i, i + 1); inSpace = true; }
      if (isBreakCode(c) && breaks[breaks.length - 1] !== len - 1) breaks.push(len - 1);
      i++;
      continue;
    }
    if (isIgnorableCode(c)) {
      if (inSpace) ends[len - 1] = i + 1;
      i++;
      continue;
    }
    inSpace = false;
    const p = foldPunctuation(c);
    if (p >= 0) { push(p, i, i + 1); i++; continue; }
    if (c === 0x2026) { push(0x2e, i, i + 1); push(0x2e, i, i + 1); push(0x2e, i, i + 1); i++; continue; }
    // Other non-ASCII: whole code point (surrogate pairs stay together), case-folded and decomposed.
    let cp = c;
    let w = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000; w = 2; }
    }
    if (w === 1 && c < 0xc0) { push(c, i, i + 1); i++; continue; }
    const folded = foldCodePoint(cp, foldCase);
    for (let k = 0; k < folded.length; k++) push(folded.charCodeAt(k), i, i + w);
    i += w;
  }

  let key = '';
  const CHUNK = 8192;
  for (let k = 0; k < len; k += CHUNK) {
    key += String.fromCharCode.apply(null, codes.subarray(k, Math.min(len, k + CHUNK)) as unknown as number[]);
  }
  return { key, origStart: starts.slice(0, len), origEnd: ends.slice(0, len), breaks, sourceLength: n };
}

/** The typographic canonical form: white space, invisible characters, quotes and dashes folded; case kept. */
export function canonicalText(text: string): string {
  return normalizeText(text, false).key;
}

/** The matching key of `text` without its offset map. */
export function matchKey(text: string): string {
  return normalizeText(text, true).key;
}

/**
 * The key range covering the original range `[start, end)`: every key unit produced (even in part) by an
 * original code unit inside the range. Uses binary search over the maps.
 */
export function keyRangeOf(norm: NormalizedText, start: number, end: number): { start: number; end: number } {
  // First key unit whose original span ends after `start`.
  let lo = 0;
  let hi = norm.key.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (norm.origEnd[mid]! > start) hi = mid; else lo = mid + 1;
  }
  const ks = lo;
  // First key unit whose original span starts at or after `end`.
  lo = ks;
  hi = norm.key.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (norm.origStart[mid]! >= end) hi = mid; else lo = mid + 1;
  }
  return { start: ks, end: Math.max(ks, lo) };
}

/** The key offset at which the original offset `offset` lies (for position hints). */
export function keyOffsetOf(norm: NormalizedText, offset: number): number {
  let lo = 0;
  let hi = norm.key.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (norm.origEnd[mid]! > offset) hi = mid; else lo = mid + 1;
  }
  return lo;
}

/**
 * The original range produced by the key range `[start, end)` (non-empty). Offsets never split a surrogate pair.
 */
export function originalRangeOf(norm: NormalizedText, start: number, end: number): { start: number; end: number } {
  if (end <= start) {
    const at = start < norm.key.length ? norm.origStart[start]! : norm.sourceLength;
    return { start: at, end: at };
  }
  return { start: norm.origStart[start]!, end: norm.origEnd[end - 1]! };
}
