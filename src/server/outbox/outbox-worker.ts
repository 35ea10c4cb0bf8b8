import type { Kysely } from 'kysely';
import { retryDelay } from '../../core/webhook/retry-schedule.js';
import type { Database } from '../storage/database.js';
import { claimOutbox, completeOutbox, failOutbox, appendOutbox, releaseOutbox, type NewOutboxJob, type OutboxJob } from '../storage/repos/outbox-repo.js';
import type { Transact } from '../storage/transactor.js';

/**
 * Handles one claimed row. It may return follow-up jobs (an event fans out to one delivery job per
 * consumer); they are written in the same transaction that marks the row done. Throwing retries the row
 * with backoff (core's retry schedule) and records the error.
 */
export type OutboxHandler = (job: OutboxJob) => Promise<NewOutboxJob[] | void>;

export interface OutboxWorkerOptions {
  db: Kysely<Database>;
  engine: 'sqlite' | 'postgres';
  transact: Transact;
  now: () => number;
  workerId: string;
  handlers: Record<string, OutboxHandler>;
  /** Pause between polls when nothing is due (default 500 ms). */
  intervalMs?: number;
  /** How long a claim holds; a worker that dies lets its rows go after this (default 60 s, above any delivery timeout). */
  leaseMs?: number;
  batchSize?: number;
  /** Run about once an hour (pruning old rows). */
  housekeeping?: (now: number) => Promise<void>;
  /** Unexpected failures of the worker itself (a handler's failure is recorded on its row instead). */
  onError?: (error: unknown) => void;
}

export interface OutboxWorker {
  readonly workerId: string;
  /** Polls every interval until stopped. Timers are unref'd: they never keep the process alive. */
  start(): void;
  /**
   * Stops polling, lets the round in progress finish its current jobs (no new claims) for at most `graceMs`
   * (default 10 s), then releases the rows it still holds so another worker may claim them at once.
   * Resolves with how many rows it released.
   */
  stop(o?: { graceMs?: number }): Promise<number>;
  /** Claims and handles due rows until none is due (follow-ups included); resolves with how many it handled. */
  runOnce(): Promise<number>;
}

class LeaseLost extends Error {}

const MAX_ROUNDS = 50;
const HOUSEKEEPING_EVERY_MS = 3_600_000;

export function createOutboxWorker(o: OutboxWorkerOptions): OutboxWorker {
  const intervalMs = o.intervalMs ?? 500;
  const leaseMs = o.leaseMs ?? 60_000;
  const batchSize = o.batchSize ?? 16;
  const onError = o.onError ?? ((e: unknown) => console.warn(`parley: outbox worker: ${(e as Error).message ?? e}`));
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let current: Promise<unknown> = Promise.resolve();
  let lastHousekeeping = -Infinity;
  /** Bumped by stop(): a round started before stops claiming. */
  let stops = 0;

  async function handle(job: OutboxJob): Promise<void> {
    const handler = o.handlers[job.topic];
    try {
      if (!handler) throw new Error(`no consumer for "${job.topic}"`);
      const followUps = (await handler(job)) ?? [];
      await o.transact(async (trx) => {
        if (!(await completeOutbox(trx, job.id, o.workerId, o.now()))) throw new LeaseLost();
        await appendOutbox(trx, followUps, o.now());
      });
    } catch (error) {
      if (error instanceof LeaseLost) return; // another worker took the row over after our lease ran out
      const delay = retryDelay(job.attempts);
      const now = o.now();
      const message = error instanceof Error ? error.message : String(error);
      await o.transact((trx) => failOutbox(trx, { id: job.id, workerId: o.workerId, now, error: message, retryAt: delay === null ? null : now + delay }));
    }
  }

  async function runOnce(): Promise<number> {
    let handled = 0;
    const epoch = stops;
    for (let round = 0; round < MAX_ROUNDS && epoch === stops; round++) {
      const now = o.now();
      const jobs = await o.transact((trx) => claimOutbox(trx, o.engine, { workerId: o.workerId, now, leaseMs, limit: batchSize }));
      if (jobs.length === 0) break;
      await Promise.all(jobs.map((job) => handle(job).catch(onError)));
      handled += jobs.length;
    }
    const now = o.now();
    if (o.housekeeping && now - lastHousekeeping >= HOUSEKEEPING_EVERY_MS) {
      lastHousekeeping = now;
      await o.housekeeping(now).catch(onError);
    }
    return handled;
  }

  function schedule(): void {
    timer = setTimeout(() => {
      current = runOnce().catch(onError).finally(() => {
        if (running) schedule();
      });
    }, intervalMs);
    timer.unref();
  }

  return {
    workerId: o.workerId,
    start() {
      if (running) return;
      running = true;
      schedule();
    },
    async stop({ graceMs = 10_000 } = {}) {
      running = false;
      stops++;
      clearTimeout(timer);
      let grace: NodeJS.Timeout | undefined;
      await Promise.race([current, new Promise((resolve) => (grace = setTimeout(resolve, graceMs)))]);
      clearTimeout(grace);
      return releaseOutbox(o.db, o.workerId);
    },
    runOnce,
  };
}
