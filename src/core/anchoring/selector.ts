/**
 * Selectors: how a reader's selection is stored, in W3C Web Annotation terms (a TextQuoteSelector and a
 * TextPositionSelector), and the results of anchoring one.
 *
 * Deviation from the W3C model, on purpose: positions are UTF-16 code units of the caller's text (what
 * `String.prototype.slice` and the DOM use), not code points.
 */

import { isWordCode } from './normalize.js';

/** Version of the selector format written by {@link describeRange}. */
export const SELECTOR_VERSION = 1;

/** Characters of context stored on each side of the quote, before extending to a word boundary. */
export const CONTEXT_LENGTH = 48;

/** At most this many further characters are taken to reach a word boundary. */
const CONTEXT_WORD_SLACK = 16;

/** W3C TextQuoteSelector: the selected text and some text on each side of it. */
export interface TextQuoteSelector {
  readonly type: 'TextQuoteSelector';
  /** The selected text, verbatim. */
  readonly exact: string;
  /** Text just before the selection (up to {@link CONTEXT_LENGTH} characters, word-aligned). */
  readonly prefix: string;
  /** Text just after the selection (same length rule). */
  readonly suffix: string;
}

/** W3C TextPositionSelector: `[start, end)` in UTF-16 code units of the text the selector was made on. */
export interface TextPositionSelector {
  readonly type: 'TextPositionSelector';
  readonly start: number;
  readonly end: number;
}

/** What {@link describeRange} produces: JSON-serialisable, stored with the comment. */
export interface Selector {
  /** Format version ({@link SELECTOR_VERSION}). */
  readonly version: typeof SELECTOR_VERSION;
  readonly quote: TextQuoteSelector;
  readonly position: TextPositionSelector;
}

/**
 * What {@link anchorSelector} accepts: a {@link Selector}, or a legacy/imported one with only a quote
 * (prefix and suffix optional) and no position.
 */
export interface SelectorInput {
  readonly version?: number;
  readonly quote: { readonly type?: string; readonly exact: string; readonly prefix?: string; readonly suffix?: string };
  readonly position?: { readonly type?: string; readonly start: number; readonly end: number };
}

/**
 * How an anchored selector was found:
 * - `exact`: the same text at the stored position;
 * - `moved`: the same text, elsewhere (text was added or removed before it, or its paragraph moved);
 * - `fuzzy`: the passage was edited since the comment (typo fixed, words changed, case changed); the range
 *   covers the edited passage.
 * "Same text" ignores white space, invisible characters and quote/dash styles, but not letter case.
 */
export type AnchorStatus = 'exact' | 'moved' | 'fuzzy';

/**
 * Why a selector could not be anchored (stable strings):
 * - `passage-deleted`: the passage was removed from the text;
 * - `passage-rewritten`: the passage's place is known but its text changed beyond recognition;
 * - `ambiguous`: several places match about equally well, so none is chosen;
 * - `low-confidence`: similar text exists but the evidence (quote and context) is too weak to trust it;
 * - `quote-not-found`: nothing resembling the quote was found;
 * - `invalid-selector`: the selector is malformed (not an object of the expected shape, empty quote).
 */
export type OrphanReason =
  | 'passage-deleted'
  | 'passage-rewritten'
  | 'ambiguous'
  | 'low-confidence'
  | 'quote-not-found'
  | 'invalid-selector';

/** A selector found in the text: `[start, end)` in UTF-16 code units of that text. */
export interface AnchoredResult {
  readonly start: number;
  readonly end: number;
  readonly status: AnchorStatus;
}

/** A selector that could not be placed; the comment keeps its stored quote. */
export interface OrphanedResult {
  readonly status: 'orphaned';
  readonly reason: OrphanReason;
}

/** The outcome of anchoring one selector. */
export type AnchorResult = AnchoredResult | OrphanedResult;

/** Options of {@link anchorSelector}. */
export interface AnchorOptions {
  /**
   * The text the selector was made on. When given, the range is mapped through a diff from it to the new text
   * (the most reliable method); searching is only a fallback for moved passages.
   */
  readonly previousText?: string;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * Describes the range `[start, end)` of `text` (UTF-16 code units) as a {@link Selector}: the quote with up to
 * 48 characters of context each side (extended to the nearest word boundary, never splitting a surrogate
 * pair), and the position.
 * @throws RangeError unless `0 ≤ start < end ≤ text.length` with integer offsets
 */
export function describeRange(text: string, start: number, end: number): Selector {
  if (typeof text !== 'string') throw new TypeError('text must be a string');
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`invalid range [${String(start)}, ${String(end)}) for a text of length ${text.length}`);
  }
  let ps = Math.max(0, start - CONTEXT_LENGTH);
  const psLimit = Math.max(0, ps - CONTEXT_WORD_SLACK);
  // Extend to the start of the word the cut fell in (at most CONTEXT_WORD_SLACK further).
  while (ps > psLimit && isWordCode(text.charCodeAt(ps - 1)) && isWordCode(text.charCodeAt(ps))) ps--;
  if (ps > 0 && ps < start && isLowSurrogate(text.charCodeAt(ps))) ps++;
  let se = Math.min(text.length, end + CONTEXT_LENGTH);
  const seLimit = Math.min(text.length, se + CONTEXT_WORD_SLACK);
  while (se < seLimit && isWordCode(text.charCodeAt(se)) && isWordCode(text.charCodeAt(se - 1))) se++;
  // Never cut a surrogate pair in half.
  if (se < text.length && se > end && isLowSurrogate(text.charCodeAt(se))) se--;
  return {
    version: SELECTOR_VERSION,
    quote: { type: 'TextQuoteSelector', exact: text.slice(start, end), prefix: text.slice(ps, start), suffix: text.slice(end, se) },
    position: { type: 'TextPositionSelector', start, end },
  };
}

/** Checks the shape of a selector read back from storage; returns null when unusable. */
export function validSelector(selector: unknown): SelectorInput | null {
  if (typeof selector !== 'object' || selector === null) return null;
  const s = selector as { quote?: unknown; position?: unknown };
  const q = s.quote as { exact?: unknown; prefix?: unknown; suffix?: unknown } | undefined;
  if (typeof q !== 'object' || q === null || typeof q.exact !== 'string' || q.exact.length === 0) return null;
  if (q.prefix !== undefined && typeof q.prefix !== 'string') return null;
  if (q.suffix !== undefined && typeof q.suffix !== 'string') return null;
  const p = s.position as { start?: unknown; end?: unknown } | undefined;
  if (p !== undefined && p !== null) {
    if (typeof p !== 'object' || !Number.isInteger(p.start) || !Number.isInteger(p.end)) return null;
    if ((p.start as number) < 0 || (p.end as number) < (p.start as number)) return null;
  }
  return selector as SelectorInput;
}
