import { COMMENT_EVENT_TYPES } from '../../core/events/domain-event.js';
import type { Deps } from '../use-cases/deps.js';
import { deliverToWebhook, fanOutToWebhooks, WEBHOOK_DELIVER } from '../webhooks/webhook-consumer.js';
import type { OutboxHandler } from './outbox-worker.js';

/**
 * What the outbox worker does with each topic: a comment event fans out to its consumers' jobs (webhooks
 * for now; email joins here later), and each job is delivered and retried on its own.
 */
export function outboxHandlers(deps: Pick<Deps, 'db' | 'now' | 'newId'>): Record<string, OutboxHandler> {
  const fanOut = fanOutToWebhooks(deps);
  return {
    ...Object.fromEntries(COMMENT_EVENT_TYPES.map((type) => [type, fanOut])),
    [WEBHOOK_DELIVER]: deliverToWebhook(deps),
  };
}
