/**
 * Where a passage comment is when the article has not changed around it: the anchoring engine's first step
 * ("same quote and same context at the stored position", core/anchoring/anchor.ts), without the engine, so
 * that passages.js loads anchoring.js only for passages that the article's edits moved or changed.
 */

/** A stored selector as the API sends it (`passage` or `passage.current`). */
export interface QuoteAt {
  quote: { exact: string; prefix: string; suffix: string };
  position: { start: number; end: number };
}

/**
 * True when `text` has exactly the selector's quote at its stored position, with its prefix right before and its
 * suffix right after. Then the engine's `anchorSelector(text, selector)` answers that position with status
 * `exact` (passages/anchor.test.ts); otherwise the engine decides.
 */
export const atPosition = (text: string, { quote: q, position: p }: QuoteAt): boolean =>
  !!q.exact && p.end - p.start === q.exact.length && p.start >= q.prefix.length && text.startsWith(q.exact, p.start) &&
  text.startsWith(q.prefix, p.start - q.prefix.length) && text.startsWith(q.suffix, p.end);
