import type { Comment } from '../../core/comment/comment.js';
import { DomainError, unwrap } from '../../core/errors.js';
import { normalizeEmail, type DeliveryMode, type SubscriptionKind } from '../../core/notification/subscription.js';
import { checkPageUrl } from '../../core/site/origin.js';
import { canonicalUrl } from '../../core/url/canonical-url.js';
import { appendOutbox } from '../storage/repos/outbox-repo.js';
import { getComment } from '../storage/repos/comment-repo.js';
import { activateRequested, countPending, requestSubscriptionRow, scheduleConfirmation, unscheduleConfirmation, upsertAddress } from '../storage/repos/subscription-repo.js';
import { getOrCreateThread } from '../storage/repos/thread-repo.js';
import type { Deps } from './deps.js';
import { loadSite } from './load-site.js';
import { mayMail } from './mail-quota.js';

export const SUBSCRIPTION_CONFIRM = 'subscription.confirm';
/** At most one confirmation mail per address per hour, whatever is requested. */
export const CONFIRMATION_GAP_MS = 3_600_000;
/** Unconfirmed requests one address may have; more are dropped (silently: the answer never reveals state). */
export const MAX_PENDING_PER_ADDRESS = 20;

export interface SubscriptionRequest {
  site: string;
  url: string;
  email: string;
  kind: SubscriptionKind;
  commentId?: string | undefined;
  mode: DeliveryMode;
  origin: string | undefined;
  /**
   * The address is the signed-in reader's own, verified one (magic-link account, or publisher SSO with
   * email_verified): the subscription starts at once, with no confirmation mail. Callers set it only then.
   */
  verified?: boolean | undefined;
}

/** `active`: a verified reader's subscription started; `pending`: any other request (whatever happened). */
export type SubscriptionRequestStatus = 'active' | 'pending';

/**
 * POST /api/v1/subscriptions (and a comment posted with `notify`): records a pending subscription and queues a
 * confirmation mail for the address, at most one per hour. The caller always answers the same, whatever happened.
 */
export async function requestSubscription(deps: Deps, input: SubscriptionRequest): Promise<SubscriptionRequestStatus> {
  if (!input.origin) throw new DomainError('ORIGIN_NOT_ALLOWED', 'Subscriptions are requested from a page of the site.');
  const site = await loadSite(deps, input.site, input.origin);
  const url = unwrap(canonicalUrl(input.url));
  unwrap(checkPageUrl(site.origins, url));
  const email = normalizeEmail(input.email);
  if (!email) throw new DomainError('EMAIL_INVALID', 'The email address is not valid.');
  if ((input.kind === 'comment' || input.kind === 'passage') !== Boolean(input.commentId)) {
    throw new DomainError('VALIDATION_FAILED', 'commentId is required for kinds comment and passage, and only for them.');
  }
  if (!deps.notify.mailer.enabled) return 'pending';
  const now = deps.now();
  return deps.transact(async (trx) => {
    const thread = await getOrCreateThread(trx, { id: deps.newId(), siteId: site.id, url, title: null, now });
    const target = input.kind === 'replies' ? '' : input.kind === 'page' ? thread.id : checkTarget(await getComment(trx, input.commentId!), thread.id, input.kind);
    const address = await upsertAddress(trx, { id: deps.newId(), email, now });
    const row = { id: deps.newId(), siteId: site.id, addressId: address.id, email, kind: input.kind, target, url, mode: input.mode, now };
    if (input.verified) {
      await requestSubscriptionRow(trx, row);
      await activateRequested(trx, { siteId: site.id, email, kind: input.kind, target, now });
      return 'active';
    }
    if ((await countPending(trx, address.id)) >= MAX_PENDING_PER_ADDRESS) return 'pending';
    await requestSubscriptionRow(trx, row);
    const dueAt = Math.max(now, (address.lastConfirmationAt ?? -Infinity) + CONFIRMATION_GAP_MS);
    // One confirmation mail per address per hour, and per mailbox and recipient domain (spelling variants of one
    // address, victim+1@…, victim+2@…, share the mailbox's quota): over it, the request stays pending without a mail.
    if (await scheduleConfirmation(trx, address.id, dueAt)) {
      if (await mayMail(deps, trx, email)) {
        await appendOutbox(trx, [{ id: deps.newId(), topic: SUBSCRIPTION_CONFIRM, payload: { addressId: address.id }, availableAt: dueAt }], now);
      } else await unscheduleConfirmation(trx, address.id);
    }
    return 'pending';
  });
}

function checkTarget(comment: Comment | undefined, threadId: string, kind: SubscriptionKind): string {
  if (!comment || comment.threadId !== threadId || comment.status !== 'published') {
    throw new DomainError('COMMENT_NOT_FOUND', 'There is no such comment on this page.');
  }
  if (kind === 'passage' && !comment.passage) throw new DomainError('VALIDATION_FAILED', 'This comment is not on a passage.');
  return comment.id;
}
