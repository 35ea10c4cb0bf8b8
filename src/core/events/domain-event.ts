/** The kinds of comment change that consumers (webhooks, later email) hear about. */
export const COMMENT_EVENT_TYPES = ['comment.created', 'comment.updated', 'comment.deleted'] as const;
export type CommentEventType = (typeof COMMENT_EVENT_TYPES)[number];

/**
 * A domain event as it is stored in the outbox, written in the same transaction as the change it reports.
 * It names what changed, not what it now looks like: consumers load the current state when they deliver.
 */
export interface CommentEvent {
  /** Unique per event; webhook receivers see it as `Parley-Event-Id` and may use it to drop duplicates. */
  id: string;
  type: CommentEventType;
  siteId: string;
  threadId: string;
  /** The page's canonical URL. */
  url: string;
  commentId: string;
  /** Milliseconds since the epoch. */
  occurredAt: number;
}

export const isCommentEventType = (value: string): value is CommentEventType =>
  (COMMENT_EVENT_TYPES as readonly string[]).includes(value);
