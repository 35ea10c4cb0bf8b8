/** Reactions: the emoji of the API's keys, and which counts a comment shows. Pure, for reactions.js and its tests. */
import type { PublicComment } from '../app/api.js';

/** The API's reaction keys (the server's vocabulary) and their emoji, in this order. */
export const EMOJI: Record<string, string> = { like: '👍', love: '❤️', laugh: '😂', wow: '😮', sad: '😢', angry: '😠' };

/** The comment's reaction counts (keys with a count above 0); `{}` from a server without reactions. */
export const reactionsOf = (c: PublicComment): Record<string, number> =>
  (c as { reactions?: Record<string, number> }).reactions || {};

/** The site's reactions this widget knows an emoji for, in the site's order. */
export const siteReactions = (keys: readonly string[] | undefined): string[] => (keys || []).filter((k) => k in EMOJI);

/** The reactions a comment shows as buttons: those used so far (count above 0), in the site's order. */
export const usedReactions = (site: readonly string[], counts: Record<string, number>): [string, number][] =>
  site.filter((k) => counts[k]! > 0).map((k) => [k, counts[k]!]);
