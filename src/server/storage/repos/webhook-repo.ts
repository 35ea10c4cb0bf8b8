import type { Kysely, Selectable } from 'kysely';
import type { Database, WebhookDeliveryTable, WebhookTable } from '../database.js';

export interface Webhook {
  id: string;
  siteId: string;
  url: string;
  events: string[];
  /** Signs every delivery; shown once, when the webhook is added. */
  secret: string;
  createdAt: number;
}

/** One delivery attempt, as logged. */
export interface WebhookDelivery {
  id: string;
  webhookId: string;
  siteId: string;
  eventId: string;
  eventType: string;
  attempt: number;
  /** The receiver's HTTP status, or null when no answer came (timeout, refused connection). */
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  createdAt: number;
}

const toWebhook = (row: Selectable<WebhookTable>): Webhook => ({
  id: row.id,
  siteId: row.site_id,
  url: row.url,
  events: JSON.parse(row.events) as string[],
  secret: row.secret,
  createdAt: Number(row.created_at),
});

const toDelivery = (row: Selectable<WebhookDeliveryTable>): WebhookDelivery => ({
  id: row.id,
  webhookId: row.webhook_id,
  siteId: row.site_id,
  eventId: row.event_id,
  eventType: row.event_type,
  attempt: row.attempt,
  statusCode: row.status_code,
  durationMs: row.duration_ms,
  error: row.error,
  createdAt: Number(row.created_at),
});

export async function insertWebhook(db: Kysely<Database>, w: Webhook): Promise<void> {
  await db
    .insertInto('webhooks')
    .values({ id: w.id, site_id: w.siteId, url: w.url, events: JSON.stringify(w.events), secret: w.secret, created_at: w.createdAt })
    .execute();
}

export async function listWebhooks(db: Kysely<Database>, siteId: string): Promise<Webhook[]> {
  const rows = await db.selectFrom('webhooks').selectAll().where('site_id', '=', siteId).orderBy('created_at').orderBy('id').execute();
  return rows.map(toWebhook);
}

export async function getWebhook(db: Kysely<Database>, id: string): Promise<Webhook | undefined> {
  const row = await db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toWebhook(row);
}

/** Removes a webhook of a site (and its delivery log); false when the site has no such webhook. */
export async function deleteWebhook(db: Kysely<Database>, siteId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('webhooks').where('site_id', '=', siteId).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function logDelivery(db: Kysely<Database>, d: WebhookDelivery): Promise<void> {
  await db
    .insertInto('webhook_deliveries')
    .values({
      id: d.id,
      webhook_id: d.webhookId,
      site_id: d.siteId,
      event_id: d.eventId,
      event_type: d.eventType,
      attempt: d.attempt,
      status_code: d.statusCode,
      duration_ms: d.durationMs,
      error: d.error,
      created_at: d.createdAt,
    })
    .execute();
}

/** The latest delivery attempts of a site's webhooks, newest first. */
export async function listDeliveries(db: Kysely<Database>, siteId: string, limit: number): Promise<WebhookDelivery[]> {
  const rows = await db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('site_id', '=', siteId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toDelivery);
}

/** Forgets delivery attempts older than `before`. */
export async function pruneDeliveries(db: Kysely<Database>, before: number): Promise<void> {
  await db.deleteFrom('webhook_deliveries').where('created_at', '<', before).execute();
}
