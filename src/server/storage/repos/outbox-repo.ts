import { sql, type Kysely } from 'kysely';
import type { Database, OutboxTable } from '../database.js';

/** A row of the outbox: a domain event, or a job an event fanned out to. */
export interface OutboxJob {
  id: string;
  topic: string;
  payload: unknown;
  createdAt: number;
  /** Attempts so far, this one included (the claim counts it). */
  attempts: number;
}

export interface NewOutboxJob {
  id: string;
  topic: string;
  payload: unknown;
  /** When it may first be attempted (ms). */
  availableAt: number;
}

const toJob = (row: OutboxTable): OutboxJob => ({
  id: row.id,
  topic: row.topic,
  payload: JSON.parse(row.payload) as unknown,
  createdAt: Number(row.created_at),
  attempts: row.attempts,
});

/** Appends jobs (events) to the outbox; call it inside the transaction that makes the change. */
export async function appendOutbox(db: Kysely<Database>, jobs: NewOutboxJob[], now: number): Promise<void> {
  if (jobs.length === 0) return;
  await db
    .insertInto('outbox')
    .values(jobs.map((j) => ({
      id: j.id,
      topic: j.topic,
      payload: JSON.stringify(j.payload),
      created_at: now,
      available_at: j.availableAt,
      attempts: 0,
      claimed_by: null,
      claimed_until: null,
      done_at: null,
      failed_at: null,
      last_error: null,
    })))
    .execute();
}

/** Appends a job unless one with its id exists (a job several fan-outs share, such as one digest). */
export async function appendOutboxOnce(db: Kysely<Database>, job: NewOutboxJob, now: number): Promise<void> {
  await db
    .insertInto('outbox')
    .values({
      id: job.id, topic: job.topic, payload: JSON.stringify(job.payload), created_at: now, available_at: job.availableAt, attempts: 0,
      claimed_by: null, claimed_until: null, done_at: null, failed_at: null, last_error: null,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/**
 * Claims up to `limit` due rows for `workerId` until `now + leaseMs`, in one statement. On PostgreSQL the
 * rows are picked `FOR UPDATE SKIP LOCKED`, so workers of several processes never claim the same row and
 * never wait for each other; a row whose lease expired (its worker died) is due again.
 */
export async function claimOutbox(
  db: Kysely<Database>,
  engine: 'sqlite' | 'postgres',
  o: { workerId: string; now: number; leaseMs: number; limit: number },
): Promise<OutboxJob[]> {
  const lock = engine === 'postgres' ? sql`for update skip locked` : sql``;
  const { rows } = await sql<OutboxTable>`
    update outbox set claimed_by = ${o.workerId}, claimed_until = ${o.now + o.leaseMs}, attempts = attempts + 1
    where id in (
      select id from outbox
      where done_at is null and failed_at is null and available_at <= ${o.now}
        and (claimed_until is null or claimed_until <= ${o.now})
      order by available_at, id
      limit ${o.limit}
      ${lock}
    )
    returning *`.execute(db);
  return rows.map(toJob).sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/** Marks a claimed row done; false when this worker's lease was lost (another worker owns the row now). */
export async function completeOutbox(db: Kysely<Database>, id: string, workerId: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({ done_at: now, claimed_by: null, claimed_until: null, last_error: null })
    .where('id', '=', id)
    .where('claimed_by', '=', workerId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Releases a claimed row after a failure: due again at `retryAt`, or given up for good when it is null. */
export async function failOutbox(
  db: Kysely<Database>,
  o: { id: string; workerId: string; now: number; error: string; retryAt: number | null },
): Promise<void> {
  await db
    .updateTable('outbox')
    .set({
      claimed_by: null,
      claimed_until: null,
      last_error: o.error.slice(0, 2000),
      ...(o.retryAt === null ? { failed_at: o.now } : { available_at: o.retryAt }),
    })
    .where('id', '=', o.id)
    .where('claimed_by', '=', o.workerId)
    .execute();
}

/** Forgets finished rows older than `before` (done or given up). */
export async function pruneOutbox(db: Kysely<Database>, before: number): Promise<void> {
  await db.deleteFrom('outbox').where((eb) => eb.or([eb('done_at', '<', before), eb('failed_at', '<', before)])).execute();
}

/** Lets go of every row `workerId` still holds (the worker is stopping): they are claimable again at once. */
export async function releaseOutbox(db: Kysely<Database>, workerId: string): Promise<number> {
  const result = await db
    .updateTable('outbox')
    .set({ claimed_by: null, claimed_until: null })
    .where('claimed_by', '=', workerId)
    .where('done_at', 'is', null)
    .where('failed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
