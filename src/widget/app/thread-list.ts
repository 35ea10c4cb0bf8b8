/**
 * Pure operations on the widget's flat comment list (API order: each top-level comment followed by its
 * replies, every reply naming its parentId). `buildTree` turns it into the displayed tree.
 */
import type { PublicComment } from './api.js';

/**
 * Puts comments that are not listed yet first (a posted top-level comment, a linked conversation).
 * A reply is added at the end instead: `buildTree` keeps list order, so it becomes its parent's last reply.
 */
export function addComments(list: PublicComment[], added: PublicComment[]): PublicComment[] {
  const seen = new Set(list.map((c) => c.id));
  const fresh = added.filter((c) => !seen.has(c.id));
  const isReply = fresh.length === 1 && fresh[0]!.parentId !== null;
  return isReply ? list.concat(fresh) : fresh.concat(list);
}

export const replaceComment = (list: PublicComment[], changed: PublicComment): PublicComment[] =>
  list.map((c) => (c.id === changed.id ? changed : c));

/** Takes a comment out, then any "[deleted]" placeholder left without replies (the server removes those too). */
export function removeComment(list: PublicComment[], id: string): PublicComment[] {
  let next = list;
  let target: PublicComment | undefined = list.find((c) => c.id === id);
  while (target) {
    const removed: PublicComment = target;
    next = next.filter((c) => c !== removed);
    const parent = next.find((c) => c.id === removed.parentId);
    target = parent?.status === 'deleted' && !next.some((c) => c.parentId === parent.id) ? parent : undefined;
  }
  return next;
}
