import { err, ok, type Result } from '../errors.js';

/** The fixed vocabulary of reactions, in the order they are offered (the widget maps each to an emoji). */
export const REACTIONS = ['like', 'love', 'laugh', 'wow', 'sad', 'angry'] as const;
export type Reaction = (typeof REACTIONS)[number];

/** A comment's reaction counts: only keys with a count above 0. */
export type ReactionCounts = Partial<Record<Reaction, number>>;

export const isReaction = (value: unknown): value is Reaction => (REACTIONS as readonly unknown[]).includes(value);

const listed = (keys: readonly string[]) => (keys.length ? keys.join(', ') : 'none');

/**
 * A site's reactions as an operator writes them (`like,love,laugh`; `none` or empty turns them off): a subset of
 * the vocabulary, in the order given, each once.
 * @example parseReactionList('love, like') // ok(['love', 'like'])
 */
export function parseReactionList(raw: string): Result<Reaction[]> {
  const words = raw.split(',').map((w) => w.trim().toLowerCase()).filter(Boolean);
  if (words.length === 1 && words[0] === 'none') return ok([]);
  const unknown = words.filter((w) => !isReaction(w));
  if (unknown.length) return err('REACTION_INVALID', `Unknown reaction ${unknown.join(', ')}: reactions are ${listed(REACTIONS)} (or none).`);
  return ok([...new Set(words as Reaction[])]);
}

/** A reader's reaction as sent (a key, or null to take it back), checked against the site's enabled reactions. */
export function parseReaction(value: unknown, enabled: readonly string[]): Result<Reaction | null> {
  if (value === null) return ok(null);
  if (!enabled.length) return err('REACTION_INVALID', 'Reactions are off on this site.', { enabled: [] });
  if (typeof value !== 'string' || !enabled.includes(value) || !isReaction(value)) {
    return err('REACTION_INVALID', `Not a reaction of this site; it has ${listed(enabled)}.`, { enabled: [...enabled] });
  }
  return ok(value);
}

/** How a reader changing their reaction from `previous` to `next` moves the comment's counts (−1/+1 per key). */
export function reactionDelta(previous: Reaction | null, next: Reaction | null): Partial<Record<Reaction, number>> {
  if (previous === next) return {};
  const delta: Partial<Record<Reaction, number>> = {};
  if (previous) delta[previous] = -1;
  if (next) delta[next] = 1;
  return delta;
}

/** Counts as the API shows them: vocabulary order, keys with a count above 0 only. */
export function positiveCounts(counts: Partial<Record<Reaction, number>>): ReactionCounts {
  const out: ReactionCounts = {};
  for (const r of REACTIONS) if ((counts[r] ?? 0) > 0) out[r] = counts[r]!;
  return out;
}
