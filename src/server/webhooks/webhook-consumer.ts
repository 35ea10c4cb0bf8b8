import { toPublicComment } from '../../api/to-public.js';
import { isCommentEventType, type CommentEvent } from '../../core/events/domain-event.js';
import { unixSeconds } from '../../core/webhook/signature.js';
import type { OutboxHandler } from '../outbox/outbox-worker.js';
import { getComment } from '../storage/repos/comment-repo.js';
import { getWebhook, listWebhooks, logDelivery } from '../storage/repos/webhook-repo.js';
import type { Deps } from '../use-cases/deps.js';
import { signWebhook } from './sign.js';

export const WEBHOOK_DELIVER = 'webhook.deliver';
export const WEBHOOK_TIMEOUT_MS = 10_000;

interface DeliverPayload {
  webhookId: string;
  event: CommentEvent;
}

type WebhookDeps = Pick<Deps, 'db' | 'now' | 'newId'>;

/** A comment event becomes one delivery job per webhook of its site that wants this event type. */
export function fanOutToWebhooks(deps: WebhookDeps): OutboxHandler {
  return async (job) => {
    const event = job.payload as CommentEvent;
    const hooks = (await listWebhooks(deps.db, event.siteId)).filter((w) => w.events.includes(event.type));
    const now = deps.now();
    return hooks.map((w) => ({ id: deps.newId(), topic: WEBHOOK_DELIVER, payload: { webhookId: w.id, event } satisfies DeliverPayload, availableAt: now }));
  };
}

/** The JSON a receiver gets: the comment as the public API shows it (never an email or IP address). */
export async function webhookBody(deps: Pick<Deps, 'db'>, event: CommentEvent): Promise<string> {
  const comment = await getComment(deps.db, event.commentId);
  return JSON.stringify({
    id: event.id,
    type: event.type,
    createdAt: new Date(event.occurredAt).toISOString(),
    site: event.siteId,
    data: { comment: comment ? toPublicComment(comment) : null, url: event.url },
  });
}

/** POSTs one event to one webhook, signed; logs the attempt; throws (so the outbox retries) unless 2xx. */
export function deliverToWebhook(deps: WebhookDeps, options: { timeoutMs?: number } = {}): OutboxHandler {
  return async (job) => {
    const { webhookId, event } = job.payload as DeliverPayload;
    const webhook = await getWebhook(deps.db, webhookId);
    if (!webhook || !isCommentEventType(event.type)) return; // removed since: nothing to deliver
    const body = await webhookBody(deps, event);
    const timestamp = unixSeconds(deps.now());
    const started = performance.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const res = await fetch(webhook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Parley-Webhooks/1',
          'parley-event-id': event.id,
          'parley-timestamp': String(timestamp),
          'parley-signature': signWebhook(webhook.secret, timestamp, body),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(options.timeoutMs ?? WEBHOOK_TIMEOUT_MS),
      });
      statusCode = res.status;
      await res.body?.cancel().catch(() => undefined);
      if (res.status < 200 || res.status > 299) error = `HTTP ${res.status}`;
    } catch (e) {
      error = describeFetchError(e);
    }
    await logDelivery(deps.db, {
      id: deps.newId(),
      webhookId,
      siteId: webhook.siteId,
      eventId: event.id,
      eventType: event.type,
      attempt: job.attempts,
      statusCode,
      durationMs: Math.round(performance.now() - started),
      error,
      createdAt: deps.now(),
    });
    if (error) throw new Error(`${webhook.url}: ${error}`);
  };
}

function describeFetchError(e: unknown): string {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError') return 'timed out';
  return err.cause?.code ?? err.cause?.message ?? err.message ?? String(e);
}
