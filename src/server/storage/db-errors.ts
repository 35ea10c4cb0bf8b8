/**
 * What a database failure means for the caller, whatever the engine: the database is out of reach for now
 * (PostgreSQL restarting or unreachable, SQLite locked or failing to read/write) or out of space (SQLite's disk or
 * PostgreSQL's), or something else (a bug: null). The HTTP layer answers the first two with 503 and Retry-After.
 */
export type DbFailure = 'unavailable' | 'full';

/** PostgreSQL SQLSTATE classes and codes that mean "not now": connection exceptions, shutdown, too many clients. */
const PG_UNAVAILABLE = /^(08...|57P0[1-4]|53300|53400)$/;
const PG_FULL = /^(53100|53200)$/;
const NODE_NET = new Set(['EIO', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const SQLITE_UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|IOERR|CANTOPEN|PROTOCOL)/;
const SQLITE_FULL = /^SQLITE_FULL/;
/** node-postgres' own messages when a connection ends or cannot be had in time. */
const PG_CLIENT_GONE = /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection closed/i;

export function dbFailure(error: unknown): DbFailure | null {
  if (!error || typeof error !== 'object') return null;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (SQLITE_FULL.test(code) || PG_FULL.test(code) || code === 'ENOSPC' || code === 'EDQUOT') return 'full';
    if (SQLITE_UNAVAILABLE.test(code) || PG_UNAVAILABLE.test(code) || NODE_NET.has(code)) return 'unavailable';
  }
  const message = (error as { message?: unknown }).message;
  if (typeof message === 'string' && PG_CLIENT_GONE.test(message)) return 'unavailable';
  return null;
}
