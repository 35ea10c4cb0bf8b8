import { COMMENT_EVENT_TYPES } from '../../core/events/domain-event.js';
import { claimConfirmation, MAIL_CONFIRMATION, sendConfirmation } from '../mail/confirmation-consumer.js';
import { fanOutToMail, MAIL_DIGEST, MAIL_NOTIFY, sendDigest, sendNotification } from '../mail/notification-consumer.js';
import type { Deps } from '../use-cases/deps.js';
import { SUBSCRIPTION_CONFIRM } from '../use-cases/request-subscription.js';
import { MAIL_MAGIC_LINK } from '../use-cases/accounts.js';
import { sendMagicLink } from '../mail/magic-link-consumer.js';
import { deliverToWebhook, fanOutToWebhooks, WEBHOOK_DELIVER } from '../webhooks/webhook-consumer.js';
import type { OutboxHandler } from './outbox-worker.js';

/**
 * What the outbox worker does with each topic: a comment event fans out to its consumers' jobs (webhooks and
 * email), and each job is delivered and retried on its own.
 */
export function outboxHandlers(deps: Pick<Deps, 'db' | 'transact' | 'now' | 'newId' | 'sites' | 'notify'>): Record<string, OutboxHandler> {
  const consumers = [fanOutToWebhooks(deps), fanOutToMail(deps)];
  const fanOut: OutboxHandler = async (job) => (await Promise.all(consumers.map((c) => c(job)))).flatMap((jobs) => jobs ?? []);
  return {
    ...Object.fromEntries(COMMENT_EVENT_TYPES.map((type) => [type, fanOut])),
    [WEBHOOK_DELIVER]: deliverToWebhook(deps),
    [MAIL_NOTIFY]: sendNotification(deps),
    [MAIL_DIGEST]: sendDigest(deps),
    [SUBSCRIPTION_CONFIRM]: claimConfirmation(deps),
    [MAIL_CONFIRMATION]: sendConfirmation(deps),
    [MAIL_MAGIC_LINK]: sendMagicLink(deps),
  };
}
