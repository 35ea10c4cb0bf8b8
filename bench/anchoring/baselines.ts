/**
 * Baselines for the anchoring benchmark, implemented from the behaviour described in
 * docs research anchoring.md §2.3 and §9.5 (not from their code).
 *
 * - position-only (Recogito-like): the stored offsets, clipped to the new text; never orphans.
 * - exact quote + context (Apache-Annotator-like): `indexOf(prefix + exact + suffix)` with 32 characters of
 *   context; first occurrence; otherwise orphan.
 * - Hypothesis-like: the stored position if the exact quote is still there; otherwise `matchQuote`: every exact
 *   occurrence if there is one (the fuzzy search then never runs), else the minimum-error approximate matches
 *   with up to min(256, m/2) errors; each scored (50·quote + 20·prefix + 20·suffix + 2·position) / 92 with
 *   32-character context; the best is returned, with no minimum score. No normalisation.
 *
 * The approximate search reuses Parley's Myers matcher (the same algorithm approx-string-match implements),
 * keeping only the matches with the fewest errors, as approx-string-match does.
 */

import { anchoredDistances, bestLength, compilePattern, searchApprox } from '../../src/core/anchoring/myers.js';
import type { Selector } from '../../src/core/anchoring/index.js';

export interface Range {
  readonly start: number;
  readonly end: number;
}

const HYPOTHESIS_CONTEXT = 32;

export function positionOnly(text: string, sel: Selector): Range {
  const start = Math.min(sel.position.start, text.length);
  return { start, end: Math.min(sel.position.end, text.length) };
}

export function exactWithContext(text: string, sel: Selector): Range | null {
  const prefix = sel.quote.prefix.slice(-HYPOTHESIS_CONTEXT);
  const suffix = sel.quote.suffix.slice(0, HYPOTHESIS_CONTEXT);
  const i = text.indexOf(prefix + sel.quote.exact + suffix);
  return i < 0 ? null : { start: i + prefix.length, end: i + prefix.length + sel.quote.exact.length };
}

interface Match {
  start: number;
  end: number;
  errors: number;
}

/** Hypothesis' `search`: exact hits if any, else approx-string-match's minimum-error matches. */
function search(text: string, str: string, maxErrors: number): Match[] {
  const exact: Match[] = [];
  let i = text.indexOf(str);
  while (i >= 0) {
    exact.push({ start: i, end: i + str.length, errors: 0 });
    i = text.indexOf(str, i + 1);
  }
  if (exact.length > 0) return exact;
  const ends = searchApprox(compilePattern(str), text, 0, text.length, Math.floor(maxErrors));
  if (ends.length === 0) return [];
  const min = Math.min(...ends.map((e) => e.errors));
  const rev = compilePattern(str, true);
  return ends
    .filter((e) => e.errors === min)
    .map((e) => {
      // approx-string-match reports the longest match among equal-cost starts.
      const back = bestLength(anchoredDistances(rev, text, e.end, -1, str.length + min), Number.MAX_SAFE_INTEGER);
      return { start: e.end - back.length, end: e.end, errors: e.errors };
    });
}

function textMatchScore(text: string, str: string): number {
  if (text.length === 0 || str.length === 0) return 0;
  const matches = search(text, str, str.length);
  if (matches.length === 0) return 0;
  return 1 - Math.min(...matches.map((m) => m.errors)) / str.length;
}

export function hypothesisLike(text: string, sel: Selector): Range | null {
  const { exact } = sel.quote;
  const { start, end } = sel.position;
  if (text.slice(start, end) === exact) return { start, end };
  const prefix = sel.quote.prefix.slice(-HYPOTHESIS_CONTEXT);
  const suffix = sel.quote.suffix.slice(0, HYPOTHESIS_CONTEXT);
  if (exact.length === 0) return null;
  const maxErrors = Math.min(256, exact.length / 2);
  const matches = search(text, exact, maxErrors);
  if (matches.length === 0) return null;
  const hint = start;
  let best: Match | null = null;
  let bestScore = -Infinity;
  for (const m of matches) {
    const quoteScore = 1 - m.errors / exact.length;
    const prefixScore = prefix ? textMatchScore(text.slice(Math.max(0, m.start - prefix.length), m.start), prefix) : 1;
    const suffixScore = suffix ? textMatchScore(text.slice(m.end, m.end + suffix.length), suffix) : 1;
    const posScore = 1 - Math.abs(m.start - hint) / text.length;
    const score = (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * posScore) / 92;
    if (score > bestScore) { bestScore = score; best = m; }
  }
  return best ? { start: best.start, end: best.end } : null;
}
