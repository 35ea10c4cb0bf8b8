/**
 * Parley anchoring: keeping reader comments attached to the passage they are about while the article is edited.
 * Importable as `parley/anchoring`. Pure: no I/O, no clock, no randomness; runs in Node and in browsers.
 *
 * ```ts
 * const selector = describeRange(article, start, end);          // store it with the comment (JSON)
 * const result = anchorSelector(newArticle, selector, { previousText: article });
 * if (result.status === 'orphaned') showAsUnanchored(result.reason);
 * else highlight(result.start, result.end, result.status);        // 'exact' | 'moved' | 'fuzzy'
 * ```
 */

export { anchorSelector, anchorSelectors, SURVIVAL_THRESHOLD } from './anchor.js';
export { textHash } from './hash.js';
export { canonicalText, matchKey } from './normalize.js';
export {
  CONTEXT_LENGTH,
  SELECTOR_VERSION,
  describeRange,
  type AnchorOptions,
  type AnchorResult,
  type AnchorStatus,
  type AnchoredResult,
  type OrphanReason,
  type OrphanedResult,
  type Selector,
  type SelectorInput,
  type TextPositionSelector,
  type TextQuoteSelector,
} from './selector.js';
