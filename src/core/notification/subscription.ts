/** What a reader can be notified of. `passage` is `comment` on a passage comment (its thread of replies). */
export const SUBSCRIPTION_KINDS = ['page', 'replies', 'comment', 'passage'] as const;
export type SubscriptionKind = (typeof SUBSCRIPTION_KINDS)[number];

/** How notifications reach the reader: one mail per comment, or an hourly or daily digest. */
export const DELIVERY_MODES = ['immediate', 'hourly', 'daily'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

/** An active (confirmed) subscription, as recipients() sees it. */
export interface Subscription {
  id: string;
  /** Normalised (lower-case) address. */
  email: string;
  kind: SubscriptionKind;
  mode: DeliveryMode;
  /** page: the thread id; comment, passage: the comment id; replies: '' (the whole site). */
  target: string;
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

/**
 * The one form of an address Parley stores and compares: trimmed and lower-cased as a whole. Matching is exact on
 * this form only (no wildcards, no patterns); null when it is not an address.
 * @example normalizeEmail(' Ada@Example.ORG ') // 'ada@example.org'
 */
export function normalizeEmail(raw: string): string | null {
  const email = raw.trim().toLowerCase();
  return email.length <= 254 && EMAIL.test(email) && !/[\u0000-\u001F\u007F]/.test(email) ? email : null;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * When a digest of `mode` collecting a comment made at `now` is sent: the next full hour, or the next midnight
 * (UTC). `immediate` is `now`.
 * @example nextDigestAt('hourly', Date.UTC(2026, 0, 1, 9, 15)) // Date.UTC(2026, 0, 1, 10)
 */
export function nextDigestAt(mode: DeliveryMode, now: number): number {
  if (mode === 'immediate') return now;
  const step = mode === 'hourly' ? HOUR : DAY;
  return Math.floor(now / step) * step + step;
}
