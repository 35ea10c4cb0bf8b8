import { sql, type Kysely } from 'kysely';
import type { Database } from './database.js';

/** Runs `work` in a transaction; resolves only once it is committed. */
export type Transact = <T>(work: (trx: Kysely<Database>) => Promise<T>) => Promise<T>;

interface Job {
  work: (trx: Kysely<Database>) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

const MAX_BATCH = 256;

/**
 * PostgreSQL: one transaction per call (the server does its own group commit). SQLite has one writer and
 * FULL sync, so each commit costs an fsync: calls arriving together share one transaction (group commit),
 * each inside its own savepoint so that one failing call undoes only its own writes. Nobody is answered
 * before the shared COMMIT is on disk; if it fails, every call of the batch fails.
 */
export function createTransactor(db: Kysely<Database>, engine: 'sqlite' | 'postgres'): Transact {
  if (engine === 'postgres') return (work) => db.transaction().execute(work);
  let queue: Job[] = [];
  let draining = false;

  async function drain(): Promise<void> {
    while (queue.length) {
      const batch = queue.slice(0, MAX_BATCH);
      queue = queue.slice(batch.length);
      await runBatch(db, batch);
    }
    draining = false;
  }

  return <T>(work: (trx: Kysely<Database>) => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
      if (!draining) {
        draining = true;
        setImmediate(() => void drain());
      }
    });
}

async function runBatch(db: Kysely<Database>, batch: Job[]): Promise<void> {
  let trx;
  try {
    trx = await db.startTransaction().execute();
  } catch (error) {
    for (const job of batch) job.reject(error);
    return;
  }
  const outcomes: Array<() => void> = [];
  try {
    for (const job of batch) {
      if (batch.length === 1) {
        const value = await job.work(trx).catch((error: unknown) => ({ [FAILED]: error }));
        if (isFailure(value)) {
          await trx.rollback().execute();
          return job.reject(value[FAILED]);
        }
        outcomes.push(() => job.resolve(value));
        continue;
      }
      await sql`savepoint parley_job`.execute(trx);
      try {
        const value = await job.work(trx);
        await sql`release savepoint parley_job`.execute(trx);
        outcomes.push(() => job.resolve(value));
      } catch (error) {
        await sql`rollback to savepoint parley_job`.execute(trx);
        await sql`release savepoint parley_job`.execute(trx);
        outcomes.push(() => job.reject(error));
      }
    }
    await trx.commit().execute();
  } catch (error) {
    await trx.rollback().execute().catch(() => undefined);
    for (const job of batch) job.reject(error);
    return;
  }
  for (const settle of outcomes) settle();
}

const FAILED = Symbol('failed');
const isFailure = (v: unknown): v is { [FAILED]: unknown } => typeof v === 'object' && v !== null && FAILED in v;
