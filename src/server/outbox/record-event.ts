import type { Kysely } from 'kysely';
import type { CommentEvent } from '../../core/events/domain-event.js';
import type { Database } from '../storage/database.js';
import { appendOutbox } from '../storage/repos/outbox-repo.js';

/**
 * Appends a comment event to the outbox. Call it inside the use case's transaction, so the event exists
 * exactly when the change does; the worker delivers it after commit.
 */
export async function recordCommentEvent(
  trx: Kysely<Database>,
  deps: { newId: () => string; now: () => number },
  event: Omit<CommentEvent, 'id' | 'occurredAt'>,
): Promise<void> {
  const now = deps.now();
  const full: CommentEvent = { id: deps.newId(), ...event, occurredAt: now };
  await appendOutbox(trx, [{ id: full.id, topic: full.type, payload: full, availableAt: now }], now);
}
