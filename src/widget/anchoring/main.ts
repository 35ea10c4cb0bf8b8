/**
 * anchoring.js: the anchoring engine (core/anchoring's search, without its history diff), loaded by passages.js
 * only when a passage comment is not where its stored position says (the article was edited since). Interface:
 * ../shared/anchoring.ts.
 */
import { anchorSelector } from '../../core/anchoring/anchor.js';
import type { AnchoringWindow } from '../shared/anchoring.js';

(window as AnchoringWindow).__parleyAnchoring = { anchorSelector };
