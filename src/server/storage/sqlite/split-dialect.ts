/**
 * SQLite for a server: writes in a dedicated thread, reads on the event loop.
 *
 * One connection in a worker thread (writer-thread.ts) runs every write and every transaction, so the fsync of a
 * commit (synchronous=FULL) and the WAL checkpoints after commits never stop the event loop. A second, read-only
 * connection on the main thread answers SELECTs made outside a transaction at once: in WAL mode readers never wait
 * for the writer and see every committed transaction. Both prepare each distinct statement once.
 *
 * Writes and transactions take turns on the writer (a mutex, as Kysely's own SQLite driver has); a SELECT inside a
 * transaction runs on the writer too, so it sees the transaction's own changes.
 */
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import {
  CompiledQuery, SelectQueryNode, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler,
  type DatabaseConnection, type DatabaseIntrospector, type Dialect, type DialectAdapter, type Driver, type Kysely,
  type QueryCompiler, type QueryResult,
} from 'kysely';
import { statementRunner, type StatementResult } from './statement-cache.js';
import type { WriterReply, WriterRequest } from './writer-thread.js';

const fromSource = import.meta.url.endsWith('.ts');
const workerUrl = new URL(fromSource ? './writer-thread.ts' : './writer-thread.js', import.meta.url);
/**
 * Run from the TypeScript sources (tests, `npm run dev`), the thread registers tsx's loader first: on Node 20 a
 * worker does not inherit the loader `--import tsx` gave the main thread.
 */
const newWorker = (workerData: unknown): Worker => fromSource
  ? new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(workerUrl.href)}); });`, { eval: true, workerData })
  : new Worker(workerUrl, { workerData });

/** The writer thread, seen from the main thread: `exec` sends one statement and resolves with its result. */
class Writer {
  private next = 1;
  private readonly pending = new Map<number, { resolve(r: StatementResult): void; reject(e: Error): void }>();
  private stopped: Error | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: WriterReply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if (reply.error) p.reject(Object.assign(new Error(reply.error.message), reply.error.code ? { code: reply.error.code } : {}));
      else p.resolve(reply.result!);
    });
    const fail = (e: Error) => {
      // The thread is gone (a crash): every waiting call fails as "unavailable" (503), never silently.
      this.stopped = Object.assign(new Error(`SQLite writer thread stopped: ${e.message}`), { code: 'SQLITE_IOERR_WRITER' });
      for (const p of this.pending.values()) p.reject(this.stopped);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`exit ${code}`)));
  }

  static start(path: string): Promise<Writer> {
    const worker = newWorker({ path });
    return new Promise((resolve, reject) => {
      const onError = (e: Error) => reject(e);
      worker.once('error', onError);
      worker.once('message', (reply: WriterReply) => {
        worker.off('error', onError);
        if (reply.id === 0) resolve(new Writer(worker));
        else reject(new Error('SQLite writer thread did not start'));
      });
    });
  }

  exec(sql: string, params: readonly unknown[] = []): Promise<StatementResult> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, sql, params: [...params] } satisfies WriterRequest);
    });
  }

  async close(): Promise<void> {
    if (!this.stopped) {
      const id = this.next++;
      await new Promise<void>((resolve) => {
        this.pending.set(id, { resolve: () => resolve(), reject: () => resolve() });
        this.worker.postMessage({ id, close: true } satisfies WriterRequest);
      });
    }
    await this.worker.terminate();
  }
}

class Mutex {
  private tail: Promise<void> = Promise.resolve();
  /** Resolves, once it is this caller's turn, with the function that ends the turn. */
  lock(): Promise<() => void> {
    let release!: () => void;
    const turn = new Promise<void>((r) => (release = r));
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => turn);
    return ready;
  }
}

const toQueryResult = <R>(r: StatementResult): QueryResult<R> => ({
  rows: r.rows as R[],
  ...(r.changes !== undefined ? { numAffectedRows: BigInt(r.changes) } : {}),
  ...(r.lastInsertRowid !== undefined ? { insertId: BigInt(r.lastInsertRowid) } : {}),
});

class SplitConnection implements DatabaseConnection {
  /** While this connection holds a transaction: the function that gives the writer back. */
  release: (() => void) | null = null;
  constructor(private readonly driver: SplitDriver) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const { sql, parameters, query } = compiled;
    if (this.release) return toQueryResult(await this.driver.writer.exec(sql, parameters));
    if (SelectQueryNode.is(query)) return toQueryResult(this.driver.read(sql, parameters));
    const release = await this.driver.turn.lock();
    try {
      return toQueryResult(await this.driver.writer.exec(sql, parameters));
    } finally {
      release();
    }
  }

  async *streamQuery<R>(compiled: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (this.release || !SelectQueryNode.is(compiled.query)) throw new Error('only SELECTs outside a transaction can be streamed');
    for (const row of this.driver.reader.prepare(compiled.sql).iterate(compiled.parameters as unknown[])) yield { rows: [row as R] };
  }
}

class SplitDriver implements Driver {
  writer!: Writer;
  reader!: Database.Database;
  read!: (sql: string, params: readonly unknown[]) => StatementResult;
  readonly turn = new Mutex();

  constructor(private readonly path: string) {}

  async init(): Promise<void> {
    this.writer = await Writer.start(this.path);
    this.reader = new Database(this.path, { readonly: true, fileMustExist: true });
    this.reader.pragma('busy_timeout = 5000');
    this.read = statementRunner(this.reader);
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new SplitConnection(this);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as SplitConnection;
    const release = await this.turn.lock();
    try {
      await this.writer.exec('begin');
    } catch (e) {
      release();
      throw e;
    }
    c.release = release;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    // On failure the writer stays taken: the caller rolls back next, which gives it back.
    await this.writer.exec('commit');
    this.end(connection as SplitConnection);
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await this.writer.exec('rollback');
    } catch {
      /* SQLite may have rolled back already (a failed COMMIT on a full disk) */
    } finally {
      this.end(connection as SplitConnection);
    }
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint "${name}"`));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`rollback to "${name}"`));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release "${name}"`));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const c = connection as SplitConnection;
    if (c.release) await this.rollbackTransaction(c);
  }

  async destroy(): Promise<void> {
    this.reader?.close();
    await this.writer?.close();
  }

  private end(c: SplitConnection): void {
    const release = c.release;
    c.release = null;
    release?.();
  }
}

/** The Kysely dialect: SQLite's SQL, the split driver. */
export class SplitSqliteDialect implements Dialect {
  constructor(private readonly path: string) {}
  createAdapter(): DialectAdapter {
    return new SqliteAdapter();
  }
  createDriver(): Driver {
    return new SplitDriver(this.path);
  }
  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}
