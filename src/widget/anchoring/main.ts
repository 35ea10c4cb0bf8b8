/**
 * anchoring.js: the anchoring core (core/anchoring's search, without its history diff, and what describes a new
 * passage), loaded by passages.js only when a passage comment is not where its stored position says (the article was
 * edited since) or when the reader opens the form for a new passage comment. Interface: ../shared/anchoring.ts.
 */
import { anchorSelector } from '../../core/anchoring/anchor.js';
import { textHash } from '../../core/anchoring/hash.js';
import { describeRange } from '../../core/anchoring/selector.js';
import type { AnchoringWindow } from '../shared/anchoring.js';

(window as AnchoringWindow).__parleyAnchoring = { anchorSelector, describeRange, textHash };
