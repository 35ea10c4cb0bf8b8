import { DomainError } from '../../core/errors.js';
import { COMMENT_EVENT_TYPES, isCommentEventType } from '../../core/events/domain-event.js';
import { deleteWebhook, insertWebhook, listDeliveries, listWebhooks, type Webhook, type WebhookDelivery } from '../storage/repos/webhook-repo.js';
import type { Deps } from '../use-cases/deps.js';
import { loadSite } from '../use-cases/load-site.js';

export interface AddWebhookInput {
  site: string;
  url: string;
  /** Event types; all of them when absent. */
  events?: string[] | undefined;
}

/** Only http(s) URLs; production receivers should use https (the secret signs, it does not encrypt). */
function checkWebhookUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new DomainError('VALIDATION_FAILED', `"${raw}" is not a URL.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new DomainError('VALIDATION_FAILED', `A webhook URL must be http(s), not "${url.protocol}".`);
  if (url.username || url.password) throw new DomainError('VALIDATION_FAILED', 'A webhook URL may not carry a user name or password.');
  if (url.href.length > 2048) throw new DomainError('VALIDATION_FAILED', 'A webhook URL is at most 2,048 characters.');
  return url.href;
}

function checkEvents(events: string[] | undefined): string[] {
  if (!events || events.length === 0) return [...COMMENT_EVENT_TYPES];
  const unknown = events.filter((e) => !isCommentEventType(e));
  if (unknown.length) throw new DomainError('VALIDATION_FAILED', `Unknown event type(s): ${unknown.join(', ')} (known: ${COMMENT_EVENT_TYPES.join(', ')}).`);
  return [...new Set(events)];
}

/** `parley webhook add`: a new webhook for a site; its signing secret is in the answer, and shown only then. */
export async function addWebhook(deps: Pick<Deps, 'db' | 'sites' | 'newId' | 'newSecret' | 'now'>, input: AddWebhookInput): Promise<Webhook> {
  const site = await loadSite(deps, input.site, undefined);
  const webhook: Webhook = {
    id: deps.newId(),
    siteId: site.id,
    url: checkWebhookUrl(input.url),
    events: checkEvents(input.events),
    secret: `whsec_${deps.newSecret()}`,
    createdAt: deps.now(),
  };
  await insertWebhook(deps.db, webhook);
  return webhook;
}

/** `parley webhook list`. */
export async function siteWebhooks(deps: Pick<Deps, 'db' | 'sites'>, siteId: string): Promise<Webhook[]> {
  const site = await loadSite(deps, siteId, undefined);
  return listWebhooks(deps.db, site.id);
}

/** `parley webhook remove`: pending deliveries to it are dropped. */
export async function removeWebhook(deps: Pick<Deps, 'db' | 'sites'>, siteId: string, id: string): Promise<void> {
  const site = await loadSite(deps, siteId, undefined);
  if (!(await deleteWebhook(deps.db, site.id, id))) throw new DomainError('VALIDATION_FAILED', `Site "${site.id}" has no webhook "${id}".`);
}

export const MAX_LOG_LIMIT = 500;

/** `parley webhook log` and GET /api/v1/webhooks/deliveries: the latest delivery attempts, newest first. */
export async function deliveryLog(deps: Pick<Deps, 'db' | 'sites'>, siteId: string, limit = 50): Promise<WebhookDelivery[]> {
  const site = await loadSite(deps, siteId, undefined);
  return listDeliveries(deps.db, site.id, Math.max(1, Math.min(MAX_LOG_LIMIT, Math.floor(limit))));
}
