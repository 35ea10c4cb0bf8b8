/**
 * The interface between passages.js and the lazily loaded anchoring.js (the anchoring engine,
 * src/core/anchoring without its history diff). passages.js places every passage whose stored position still
 * holds without the engine (passages/anchor.ts); only when one does not, it loads anchoring.js once, from the
 * same base URL, which sets `window.__parleyAnchoring`.
 */
import type { anchorSelector } from '../../core/anchoring/index.js';

/** What anchoring.js gives passages.js. */
export interface Engine {
  /** core/anchoring's `anchorSelector`, called without `previousText` (the browser only has the live text). */
  anchorSelector: typeof anchorSelector;
}

export type AnchoringWindow = Window & { __parleyAnchoring?: Engine };
