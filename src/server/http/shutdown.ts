import type { FastifyInstance } from 'fastify';
import type { Parley } from '../compose.js';
import { RECONNECT_AFTER_STOP_MS } from '../live/hub.js';
import { DRAIN_MS } from './drain.js';

/** How long the outbox worker's jobs in hand may take before their rows are released to other workers. */
const OUTBOX_GRACE_MS = 5_000;

/**
 * Stops a serving Parley cleanly (SIGTERM, SIGINT), logging each step: no new connections; live streams end
 * with a retry hint (their readers reconnect to the next process); requests in flight finish, for at most
 * DRAIN_MS; the outbox worker stops and releases the rows it holds; the database closes.
 */
export async function shutdown(app: FastifyInstance, parley: Parley, signal: string): Promise<void> {
  const log = app.log;
  log.info(`${signal} received: shutting down`);
  const streams = parley.live.hub.streamCount;
  const closed = app.close(); // preClose ends the streams, then the listener closes and idle connections with it
  log.info(`stopped accepting connections; ended ${streams} live streams (readers reconnect in ${RECONNECT_AFTER_STOP_MS / 1000} s); finishing requests in flight (at most ${DRAIN_MS / 1000} s)`);
  await closed; // drain.ts: requests in flight finish, for at most DRAIN_MS
  log.info('requests in flight finished; HTTP server closed');
  const released = await parley.outbox.stop({ graceMs: OUTBOX_GRACE_MS });
  log.info(`outbox worker stopped${released ? `; released ${released} jobs to other workers` : ''}`);
  await parley.close();
  log.info('database closed; exiting');
}
