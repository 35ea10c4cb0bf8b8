import type { Storage } from '../storage/connect.js';
import { dbFailure } from '../storage/db-errors.js';

/** Below this much free disk under a SQLite database, Parley is not ready: writes would fail with STORAGE_FULL. */
export const MIN_FREE_BYTES = 1024 * 1024;

export type Readiness = { ready: true } | { ready: false; code: 'STORAGE_FULL' | 'SERVICE_UNAVAILABLE'; reason: string };

/** GET /readyz: the database answers (a statement prepared once) and, for SQLite, its disk has room. */
export async function readiness(storage: Pick<Storage, 'ping' | 'freeBytes'>): Promise<Readiness> {
  try {
    await storage.ping();
    const free = await storage.freeBytes();
    if (free !== null && free < MIN_FREE_BYTES) return { ready: false, code: 'STORAGE_FULL', reason: `Disk full: ${free} bytes free under the database.` };
    return { ready: true };
  } catch (e) {
    return dbFailure(e) === 'full'
      ? { ready: false, code: 'STORAGE_FULL', reason: 'Disk full.' }
      : { ready: false, code: 'SERVICE_UNAVAILABLE', reason: `Database unreachable: ${(e as Error).message}` };
  }
}
