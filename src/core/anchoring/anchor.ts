/**
 * Anchoring a stored selector in a (possibly edited) text.
 *
 * Order of evidence, most reliable first:
 * 1. the stored position, if the same quote and context are still there (no work at all);
 * 2. with the text the selector was made on (`previousText`): the range is mapped through a diff of the two
 *    revisions (diff.ts). If enough of the passage survives it is anchored where the diff puts it; otherwise it
 *    is looked for among the text the edit inserted (a moved paragraph is a deletion plus an insertion), and
 *    failing that it is orphaned as deleted or rewritten. Text that the diff shows was carried over from
 *    elsewhere is never a candidate, so a deleted passage cannot jump to an identical phrase nearby;
 * 3. without history: a search (search.ts) — exact occurrences with context, approximate and in-place candidates,
 *    length-dependent thresholds, and refusal when two places are about equally likely.
 *
 * Normalised texts and diffs are memoised (a few recent entries) so that anchoring many selectors in one article
 * costs one normalisation and one diff; the results do not depend on the memo.
 */

import { diffKeys, insertedSpans, mapRange, type Change } from './diff.js';
import {
  canonicalText,
  isIgnorableCode,
  isSpaceCode,
  isWordCode,
  keyOffsetOf,
  keyRangeOf,
  matchKey,
  normalizeText,
  originalRangeOf,
  type NormalizedText,
} from './normalize.js';
import { anchoredDistances, bestLength, compilePattern } from './myers.js';
import { searchQuote, type QuoteQuery, type Span } from './search.js';
import {
  validSelector,
  type AnchorOptions,
  type AnchorResult,
  type AnchorStatus,
  type OrphanReason,
  type SelectorInput,
} from './selector.js';

/**
 * Share of a passage that must survive an edit, measured as kept characters over the longer of the old and the
 * new passage, for the diff-mapped range to be kept (below it, the passage counts as rewritten).
 */
export const SURVIVAL_THRESHOLD = 0.6;

/** Below this ratio of replacement text to removed text, a lost passage is reported as deleted, not rewritten. */
const DELETION_RATIO = 0.25;

const MAX_CACHED_TEXTS = 4;
const MAX_CACHED_DIFFS = 4;

const textCache: Array<{ text: string; norm: NormalizedText }> = [];
const diffCache: Array<{ before: string; after: string; changes: Change[]; inserted: Span[] }> = [];

function prepare(text: string): NormalizedText {
  for (let i = 0; i < textCache.length; i++) {
    const entry = textCache[i]!;
    if (entry.text === text) {
      if (i > 0) { textCache.splice(i, 1); textCache.unshift(entry); }
      return entry.norm;
    }
  }
  const norm = normalizeText(text);
  textCache.unshift({ text, norm });
  if (textCache.length > MAX_CACHED_TEXTS) textCache.pop();
  return norm;
}

function diffOf(before: string, after: string): { changes: Change[]; inserted: Span[] } {
  for (let i = 0; i < diffCache.length; i++) {
    const entry = diffCache[i]!;
    if (entry.before === before && entry.after === after) {
      if (i > 0) { diffCache.splice(i, 1); diffCache.unshift(entry); }
      return entry;
    }
  }
  const a = prepare(before);
  const b = prepare(after);
  const changes = diffKeys(a.key, b.key, a.breaks, b.breaks);
  const entry = { before, after, changes, inserted: insertedSpans(changes) };
  diffCache.unshift(entry);
  if (diffCache.length > MAX_CACHED_DIFFS) diffCache.pop();
  return entry;
}

/** Empties the memo of normalised texts and diffs (for benchmarks that time cold runs). */
export function clearAnchoringCaches(): void {
  textCache.length = 0;
  diffCache.length = 0;
}

function orphan(reason: OrphanReason): AnchorResult {
  return { status: 'orphaned', reason };
}

function statusOf(text: string, start: number, end: number, exact: string, position: SelectorInput['position']): AnchorStatus {
  const slice = text.slice(start, end);
  if (slice !== exact && canonicalText(slice) !== canonicalText(exact)) return 'fuzzy';
  return position && position.start === start && position.end === end ? 'exact' : 'moved';
}

/** Number of white-space (or invisible) code units at the start (`fromEnd` false) or end of `s`. */
function spaceRun(s: string, fromEnd: boolean): number {
  let n = 0;
  while (n < s.length) {
    const c = s.charCodeAt(fromEnd ? s.length - 1 - n : n);
    if (!isSpaceCode(c) && !isIgnorableCode(c)) break;
    n++;
  }
  return n;
}

/**
 * Converts a key range of `norm` to an anchored result on `text`. A run of white space is one key unit; when the
 * quote starts (or ends) inside such a run, only as much of the run as the quote had is taken. A quote made only
 * of white space is placed in its run after as many white-space units as its stored prefix ended with.
 */
function resolved(text: string, norm: NormalizedText, ks: number, ke: number, sel: SelectorInput): AnchorResult {
  let { start, end } = originalRangeOf(norm, ks, ke);
  const exact = sel.quote.exact;
  const lead = spaceRun(exact, false);
  if (lead === exact.length) {
    if (end - start > exact.length) {
      start = Math.min(start + spaceRun(sel.quote.prefix ?? '', true), end - exact.length);
      end = start + exact.length;
    }
  } else {
    if (lead > 0 && norm.key.charCodeAt(ks) === 0x20) start = Math.max(start, norm.origEnd[ks]! - lead);
    const trail = spaceRun(exact, true);
    if (trail > 0 && norm.key.charCodeAt(ke - 1) === 0x20) end = Math.min(end, norm.origStart[ke - 1]! + trail);
  }
  if (end <= start) return orphan('passage-deleted');
  return { start, end, status: statusOf(text, start, end, exact, sel.position) };
}

/** Characters on the outer side of an edge that must agree in both texts for the edge to count as clean. */
const EDGE_CONTEXT = 12;
/** At most this many characters are added to reach the end of a word the realigned edge falls inside. */
const WORD_SNAP = 8;

/**
 * When one edge of the passage maps through unchanged text (its outer context is the same in both texts),
 * the passage is measured from that edge with an anchored edit distance: the best-matching length wins if
 * enough of the quote survives (the same threshold as mapping). Otherwise null.
 */
function realign(oldKey: string, newKey: string, quoteKey: string, kr: Span, fate: { start: number; end: number }): Span | null {
  const m = quoteKey.length;
  const maxErrors = Math.floor(m * (1 - SURVIVAL_THRESHOLD) / 2);
  if (maxErrors < 1) return null;
  const cleanStart = kr.start >= EDGE_CONTEXT && oldKey.slice(kr.start - EDGE_CONTEXT, kr.start) === newKey.slice(fate.start - EDGE_CONTEXT, fate.start);
  if (cleanStart) {
    const best = bestLength(anchoredDistances(compilePattern(quoteKey), newKey, fate.start, 1, m + maxErrors), m);
    if (best.length > 0 && best.errors <= maxErrors) return snapToWords(oldKey, newKey, kr, { start: fate.start, end: fate.start + best.length });
  }
  const cleanEnd = oldKey.slice(kr.end, kr.end + EDGE_CONTEXT) === newKey.slice(fate.end, fate.end + EDGE_CONTEXT) &&
    kr.end + EDGE_CONTEXT <= oldKey.length;
  if (cleanEnd) {
    const best = bestLength(anchoredDistances(compilePattern(quoteKey, true), newKey, fate.end, -1, m + maxErrors), m);
    if (best.length > 0 && best.errors <= maxErrors) return snapToWords(oldKey, newKey, kr, { start: fate.end - best.length, end: fate.end });
  }
  return null;
}

/**
 * A selection that began (ended) at a word boundary still does after the edit: an edge that the mapping left
 * inside a word (a letter inserted or swapped at the edge: "timetabel" → "timetable") moves out to the word's
 * edge, by at most {@link WORD_SNAP} characters.
 */
function snapToWords(oldKey: string, newKey: string, kr: Span, span: Span): Span {
  let { start, end } = span;
  const endedAtWord = isWordCode(oldKey.charCodeAt(kr.end - 1)) && !isWordCode(oldKey.charCodeAt(kr.end));
  if (endedAtWord && end > start && isWordCode(newKey.charCodeAt(end - 1))) {
    for (let i = 0; i < WORD_SNAP && isWordCode(newKey.charCodeAt(end)); i++) end++;
    if (isWordCode(newKey.charCodeAt(end))) end = span.end;
  }
  const beganAtWord = isWordCode(oldKey.charCodeAt(kr.start)) && (kr.start === 0 || !isWordCode(oldKey.charCodeAt(kr.start - 1)));
  if (beganAtWord && start < end && isWordCode(newKey.charCodeAt(start))) {
    for (let i = 0; i < WORD_SNAP && start > 0 && isWordCode(newKey.charCodeAt(start - 1)); i++) start--;
    if (start > 0 && isWordCode(newKey.charCodeAt(start - 1))) start = span.start;
  }
  return { start, end };
}

/** Trims key spaces at the edges of `[s, e)` unless the quote's key has them too. */
function trimSpaces(key: string, quoteKey: string, s: number, e: number): Span {
  let a = s;
  let b = e;
  if (quoteKey.charCodeAt(0) !== 0x20) while (a < b && key.charCodeAt(a) === 0x20) a++;
  if (quoteKey.charCodeAt(quoteKey.length - 1) !== 0x20) while (b > a && key.charCodeAt(b - 1) === 0x20) b--;
  return { start: a, end: b };
}

function queryFor(sel: SelectorInput, hint: number): QuoteQuery {
  const exact = sel.quote.exact;
  const prefix = sel.quote.prefix ?? '';
  const suffix = sel.quote.suffix ?? '';
  return {
    q: matchKey(exact),
    p: matchKey(prefix),
    s: matchKey(suffix),
    hint,
    startBoundary: prefix.length > 0 && !(isWordCode(prefix.charCodeAt(prefix.length - 1)) && isWordCode(exact.charCodeAt(0))),
    endBoundary: suffix.length > 0 && !(isWordCode(exact.charCodeAt(exact.length - 1)) && isWordCode(suffix.charCodeAt(0))),
  };
}

function bySearch(text: string, sel: SelectorInput, hintOffset: number | null): AnchorResult {
  const norm = prepare(text);
  const hint = hintOffset === null ? -1 : keyOffsetOf(norm, Math.min(hintOffset, text.length));
  const query = queryFor(sel, hint);
  const found = searchQuote(norm.key, query);
  if (!found.found) return orphan(found.reason);
  return resolved(text, norm, found.start, found.end, sel);
}

function byHistory(text: string, previousText: string, sel: SelectorInput, start: number, end: number): AnchorResult {
  const oldNorm = prepare(previousText);
  const newNorm = prepare(text);
  const { changes, inserted } = diffOf(previousText, text);
  const kr = keyRangeOf(oldNorm, start, end);
  const oldLen = kr.end - kr.start;
  if (oldLen === 0) return bySearch(text, sel, start);
  const quoteKey = oldNorm.key.slice(kr.start, kr.end);
  const fate = mapRange(changes, kr.start, kr.end);
  const span = snapToWords(oldNorm.key, newNorm.key, kr, trimSpaces(newNorm.key, quoteKey, fate.start, fate.end));
  const newLen = span.end - span.start;
  if (fate.kept > 0 && fate.kept / Math.max(oldLen, newLen) >= SURVIVAL_THRESHOLD) {
    return resolved(text, newNorm, span.start, span.end, sel);
  }
  // An edit at one edge of the passage may have merged with a neighbouring change (a typo fixed in the last
  // word, next to an inserted paragraph): from the edge the history maps cleanly, measure the passage anew.
  const realigned = realign(oldNorm.key, newNorm.key, quoteKey, kr, fate);
  if (realigned) return resolved(text, newNorm, realigned.start, realigned.end, sel);
  // Not enough left where the passage was: it may have moved (deleted here, inserted elsewhere).
  const query = queryFor(sel, fate.start);
  const found = searchQuote(newNorm.key, query, inserted);
  if (found.found) return resolved(text, newNorm, found.start, found.end, sel);
  return orphan(fate.replacement <= DELETION_RATIO * fate.deleted ? 'passage-deleted' : 'passage-rewritten');
}

/**
 * Finds the passage a stored selector describes in `text`.
 *
 * Returns `{ start, end, status }` (UTF-16 offsets into `text`; status `'exact'`, `'moved'` or `'fuzzy'`) or
 * `{ status: 'orphaned', reason }`. A wrong anchor is worse than an orphan: when the evidence is weak or two
 * places are about equally likely, the selector is orphaned.
 *
 * With `options.previousText` (the text the selector was made on), the stored range is mapped through a diff of
 * the two texts; this is the reliable method and should be used whenever the revision is known. A
 * `previousText` that does not contain the quote at the stored position is ignored (the search is used).
 *
 * Malformed selectors (e.g. read back from storage) give `{ status: 'orphaned', reason: 'invalid-selector' }`.
 * @throws TypeError if `text` is not a string
 */
export function anchorSelector(text: string, selector: SelectorInput, options?: AnchorOptions): AnchorResult {
  if (typeof text !== 'string') throw new TypeError('text must be a string');
  const sel = validSelector(selector);
  if (!sel) return orphan('invalid-selector');
  const exact = sel.quote.exact;
  const prefix = sel.quote.prefix ?? '';
  const suffix = sel.quote.suffix ?? '';
  const pos = sel.position;

  // 1. Same quote and same context at the stored position.
  if (pos && pos.end - pos.start === exact.length && pos.start >= prefix.length && pos.end + suffix.length <= text.length &&
      text.startsWith(exact, pos.start) && text.startsWith(prefix, pos.start - prefix.length) && text.startsWith(suffix, pos.end)) {
    return { start: pos.start, end: pos.end, status: 'exact' };
  }

  // 2. Through the edit history, when the previous text really is the one the selector was made on.
  const previousText = options?.previousText;
  if (typeof previousText === 'string' && pos && pos.end <= previousText.length &&
      matchKey(previousText.slice(pos.start, pos.end)) === matchKey(exact)) {
    if (previousText === text) return { start: pos.start, end: pos.end, status: statusOf(text, pos.start, pos.end, exact, pos) };
    return byHistory(text, previousText, sel, pos.start, pos.end);
  }

  // 3. Search.
  return bySearch(text, sel, pos ? pos.start : null);
}

/** Anchors several selectors in one text (same results as calling {@link anchorSelector} for each). */
export function anchorSelectors(text: string, selectors: readonly SelectorInput[], options?: AnchorOptions): AnchorResult[] {
  return selectors.map((s) => anchorSelector(text, s, options));
}
