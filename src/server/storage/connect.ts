import { mkdirSync } from 'node:fs';
import { statfs } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type { Database } from './database.js';
import type { DatabaseTarget } from './database-url.js';
import { migrationProvider } from './migrations/index.js';
import { applyPragmas } from './sqlite/statement-cache.js';

export interface Storage {
  db: Kysely<Database>;
  engine: DatabaseTarget['engine'];
  /** Readiness: one round trip with a statement prepared once; rejects when the database does not answer. */
  ping(): Promise<void>;
  /** Bytes free on the disk under a SQLite file (null for PostgreSQL, whose disk Parley cannot see). */
  freeBytes(): Promise<number | null>;
  close(): Promise<void>;
}

/**
 * Opens the database DATABASE_URL names. Nothing is created until `migrate` runs. Only the chosen engine's
 * driver is loaded (the PostgreSQL client alone costs a SQLite server ~15 MB).
 */
export async function openStorage(target: DatabaseTarget, options: { poolSize?: number; onIdleError?: (error: Error) => void } = {}): Promise<Storage> {
  if (target.engine === 'sqlite') {
    const memory = target.path === ':memory:';
    let db: Kysely<Database>;
    if (memory) {
      // One connection (tools and tests): nothing to split.
      const { default: SqliteDatabase } = await import('better-sqlite3');
      const sqlite = new SqliteDatabase(':memory:');
      applyPragmas(sqlite);
      db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    } else {
      mkdirSync(dirname(target.path), { recursive: true });
      // Writes in their own thread (fsync and checkpoints off the event loop), reads on a read-only connection.
      const { SplitSqliteDialect } = await import('./sqlite/split-dialect.js');
      db = new Kysely<Database>({ dialect: new SplitSqliteDialect(target.path) });
    }
    const dir = memory ? null : dirname(target.path);
    return {
      db,
      engine: 'sqlite',
      // A SELECT on the read connection, prepared once (statement cache); the writer answers writes' failures.
      ping: async () => void (await db.selectNoFrom(sql<number>`1`.as('one')).execute()),
      freeBytes: async () => {
        if (!dir) return null;
        const fs = await statfs(dir);
        return Number(fs.bavail) * Number(fs.bsize);
      },
      close: () => db.destroy(),
    };
  }
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString: target.url,
    max: options.poolSize ?? 10,
    // bigint columns hold millisecond timestamps, well inside Number's safe range.
    types: { getTypeParser: (oid: number, format?: any) => (oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) } as any,
  });
  // An idle connection dropped by the server (restart, failover) must not crash the process; the pool
  // replaces it on next use.
  pool.on('error', (error) => options.onIdleError?.(error));
  // pg-pool listens for errors only on idle clients; a client checked out when the server goes away (restart:
  // 57P01) would emit an unhandled 'error' and end the process. Its query fails instead (503 for the caller),
  // and the pool drops the broken client when it is released.
  pool.on('connect', (client) => client.on('error', (error) => options.onIdleError?.(error)));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: 'postgres',
    // A named statement: each pooled connection prepares it once.
    ping: async () => void (await pool.query({ name: 'parley_ready', text: 'select 1' })),
    freeBytes: async () => null,
    close: () => db.destroy(),
  };
}

export interface MigrationReport {
  applied: string[];
}

/** Which migrations the database has (`applied`), which this version would apply (`pending`), and which it does not know. */
export interface MigrationStatus {
  applied: string[];
  pending: string[];
  /** Applied to the database by a newer Parley: this version must not run on it. */
  unknown: string[];
}

export async function migrationStatus(db: Kysely<Database>): Promise<MigrationStatus> {
  const known = await new Migrator({ db, provider: migrationProvider }).getMigrations();
  let executed: string[] = [];
  try {
    const rows = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    executed = rows.rows.map((r) => r.name);
  } catch {
    /* no migration table yet: a new database */
  }
  const names = new Set(known.map((m) => m.name));
  return {
    applied: known.filter((m) => m.executedAt).map((m) => m.name),
    pending: known.filter((m) => !m.executedAt).map((m) => m.name),
    unknown: executed.filter((n) => !names.has(n)),
  };
}

/**
 * Applies every pending migration; throws with the failing migration's name if one fails. Refuses a database whose
 * schema is newer than this version knows (migrations it has never heard of), before touching anything.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationReport> {
  const { unknown } = await migrationStatus(db);
  if (unknown.length) {
    throw new Error(`the database's schema is newer than this version of Parley (it has migration(s) ${unknown.join(', ')}, unknown here): `
      + 'run the version that applied them, or restore the backup taken before upgrading (see README, "Upgrading")');
  }
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const where = failed ? ` (migration ${failed.migrationName})` : '';
    throw new Error(`database migration failed${where}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
