import { anchorSelector, canonicalText, describeRange, type OrphanReason, type SelectorInput } from '../anchoring/index.js';
import { validSelector } from '../anchoring/selector.js';
import { err, ok, type Result } from '../errors.js';

/** Where a passage comment stands against the latest article text its publisher gave. */
export type PassageStatus = 'unchecked' | 'exact' | 'moved' | 'fuzzy' | 'orphaned';

export interface QuoteAt {
  quote: { exact: string; prefix: string; suffix: string };
  position: { start: number; end: number };
}

/** A comment's anchor in the article: what the reader selected, and where it is now. */
export interface Passage extends QuoteAt {
  /** Hash (core/anchoring textHash) of the article text the selection was made on. */
  textHash: string;
  /** The editor's question, when answering a feedback point placed in the page. */
  question: string | null;
  status: PassageStatus;
  reason: OrphanReason | null;
  /** The passage in the latest publisher text; null until checked, or when orphaned. */
  current: QuoteAt | null;
}

export interface PassageDraft {
  selector: unknown;
  textHash: unknown;
  question?: unknown;
}

const LIMITS = { exact: 5000, context: 400, question: 300 };
const HASH = /^[0-9a-f]{6,64}$/;

/** Checks what the widget sends for a passage comment; the passage starts unchecked. */
export function validatePassage(draft: PassageDraft): Result<Passage> {
  const sel = validSelector(draft.selector);
  if (!sel || !sel.position) return err('PASSAGE_INVALID', 'The passage selector is not valid.');
  const { exact, prefix = '', suffix = '' } = sel.quote;
  if (exact.length > LIMITS.exact || prefix.length > LIMITS.context || suffix.length > LIMITS.context) {
    return err('PASSAGE_INVALID', `A passage quote is at most ${LIMITS.exact} characters.`);
  }
  if (sel.position.end - sel.position.start !== exact.length) return err('PASSAGE_INVALID', 'The passage position does not match its quote.');
  if (typeof draft.textHash !== 'string' || !HASH.test(draft.textHash)) return err('PASSAGE_INVALID', 'The passage needs the hash of the article text.');
  const question = typeof draft.question === 'string' ? draft.question.trim().slice(0, LIMITS.question) || null : null;
  return ok({
    quote: { exact, prefix, suffix },
    position: { start: sel.position.start, end: sel.position.end },
    textHash: draft.textHash,
    question,
    status: 'unchecked',
    reason: null,
    current: null,
  });
}

const asSelector = (q: QuoteAt): SelectorInput => ({ version: 1, quote: q.quote, position: q.position });

export interface RevisionContext {
  /** The new article text from the publisher. */
  text: string;
  /** The text the reader selected on, when the server has it (by the passage's text hash). */
  originalText?: string | undefined;
  /** The publisher text the passage was last checked against, when there was one. */
  previousText?: string | undefined;
}

/**
 * Places a passage in a new revision of the article. It follows the passage from where it was last placed
 * (through the diff from that revision); when that fails, or the passage was orphaned before, it tries again
 * from what the reader selected (through the diff from the reader's text when the server has it, else by
 * search), so a passage that comes back is found again. The anchoring engine orphans rather than guess: a wrong
 * anchor is worse than an orphan. The status compares the passage now with what the reader selected.
 */
export function reanchorPassage(passage: Passage, ctx: RevisionContext): Passage {
  const fromOriginal = () =>
    anchorSelector(ctx.text, asSelector(passage), ctx.originalText !== undefined ? { previousText: ctx.originalText } : undefined);
  let found = passage.current && ctx.previousText !== undefined && passage.status !== 'orphaned'
    ? anchorSelector(ctx.text, asSelector(passage.current), { previousText: ctx.previousText })
    : fromOriginal();
  if (found.status === 'orphaned' && passage.current) found = fromOriginal();
  if (found.status === 'orphaned') return { ...passage, status: 'orphaned', reason: found.reason, current: null };
  const d = describeRange(ctx.text, found.start, found.end);
  const same = canonicalText(d.quote.exact) === canonicalText(passage.quote.exact);
  const status: PassageStatus = !same ? 'fuzzy' : found.start === passage.position.start ? 'exact' : 'moved';
  return {
    ...passage,
    status,
    reason: null,
    current: { quote: { exact: d.quote.exact, prefix: d.quote.prefix, suffix: d.quote.suffix }, position: { start: found.start, end: found.end } },
  };
}

/** Whether the reader's quote really is in `text` where the selector says (checked when the server has that text). */
export function quoteIsIn(text: string, passage: Pick<Passage, 'quote' | 'position'>): boolean {
  const { exact, prefix, suffix } = passage.quote;
  const { start, end } = passage.position;
  return text.slice(start, end) === exact && text.slice(Math.max(0, start - prefix.length), start) === prefix && text.slice(end, end + suffix.length) === suffix;
}

/** Whether `text` is the text a passage comment was made on, as far as its quote tells: the quote at its position. */
export const quoteHoldsIn = (passage: QuoteAt, text: string): boolean =>
  passage.position.end > passage.position.start && text.slice(passage.position.start, passage.position.end) === passage.quote.exact;
