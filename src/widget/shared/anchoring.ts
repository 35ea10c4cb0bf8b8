/**
 * The interface between passages.js and the lazily loaded anchoring.js (src/core/anchoring without its history
 * diff). passages.js places every passage whose stored position still holds without it (passages/anchor.ts); it
 * loads anchoring.js once, from the same base URL (which sets `window.__parleyAnchoring`), only when one does not,
 * or when the reader opens the form for a new passage comment (its selector and text hash).
 */
import type { anchorSelector, textHash } from '../../core/anchoring/index.js';
import type { describeRange } from '../../core/anchoring/selector.js';

/** What anchoring.js gives passages.js. */
export interface Engine {
  /** core/anchoring's `anchorSelector`, called without `previousText` (the browser only has the live text). */
  anchorSelector: typeof anchorSelector;
  /** The selector of a new passage comment (the reader's selection in the article text). */
  describeRange: typeof describeRange;
  /** The hash of the article text the selector was made on. */
  textHash: typeof textHash;
}

export type AnchoringWindow = Window & { __parleyAnchoring?: Engine };
