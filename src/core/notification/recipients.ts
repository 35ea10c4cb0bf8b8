import type { DeliveryMode, Subscription, SubscriptionKind } from './subscription.js';

/** The new comment, with what matching needs of its place in the thread. */
export interface NotifiedComment {
  id: string;
  threadId: string;
  status: 'published' | 'deleted' | 'removed';
  /** The author's normalised address, if given. */
  authorEmail: string | null;
  /** Ids of the comments it replies to, nearest first (parent, grand-parent, … root). */
  ancestorIds: readonly string[];
  /** The normalised address of the author of the comment it directly replies to. */
  parentAuthorEmail: string | null;
  /** The comments it @mentions (same thread), with their authors' normalised addresses: told as if it replied to them. */
  mentioned?: ReadonlyArray<{ id: string; authorEmail: string | null }>;
}

/** One address to notify of one comment, through the subscription that matched best. */
export interface Recipient {
  email: string;
  subscriptionId: string;
  kind: SubscriptionKind;
  mode: DeliveryMode;
}

const MODE_RANK: Record<DeliveryMode, number> = { immediate: 0, hourly: 1, daily: 2 };
const KIND_RANK: Record<SubscriptionKind, number> = { comment: 0, passage: 0, replies: 1, page: 2 };

function matches(s: Subscription, c: NotifiedComment): boolean {
  switch (s.kind) {
    case 'page':
      return s.target === c.threadId;
    case 'replies':
      return (c.parentAuthorEmail !== null && s.email === c.parentAuthorEmail) || (c.mentioned ?? []).some((m) => m.authorEmail === s.email);
    case 'comment':
    case 'passage':
      return c.ancestorIds.includes(s.target);
  }
}

/**
 * Who is told of a new comment, given the active subscriptions that may concern it. Nobody hears of an
 * unpublished comment or of their own (same address); each address appears at most once, through its most
 * immediate matching subscription (then the most specific one: a comment thread before "replies to me" before the
 * page). "Replies to my comments" also hears of a comment that @mentions one of theirs. Addresses are compared
 * exactly, in their normalised form.
 * @example recipients(comment, subs).map((r) => r.email)
 */
export function recipients(comment: NotifiedComment, subscriptions: readonly Subscription[]): Recipient[] {
  if (comment.status !== 'published') return [];
  const best = new Map<string, Subscription>();
  for (const s of subscriptions) {
    if (s.email === comment.authorEmail || !matches(s, comment)) continue;
    const current = best.get(s.email);
    if (!current || better(s, current)) best.set(s.email, s);
  }
  return [...best.values()]
    .sort((a, b) => a.email.localeCompare(b.email))
    .map((s) => ({ email: s.email, subscriptionId: s.id, kind: s.kind, mode: s.mode }));
}

function better(a: Subscription, b: Subscription): boolean {
  const byMode = MODE_RANK[a.mode] - MODE_RANK[b.mode];
  if (byMode !== 0) return byMode < 0;
  const byKind = KIND_RANK[a.kind] - KIND_RANK[b.kind];
  return byKind !== 0 ? byKind < 0 : a.id < b.id;
}
