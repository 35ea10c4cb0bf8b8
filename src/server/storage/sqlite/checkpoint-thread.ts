/**
 * The SQLite checkpoint thread (worker_threads). The server's writer connection commits with automatic checkpoints
 * off (`wal_autocheckpoint = 0`): copying the WAL back into the database file, with its two fsyncs, would otherwise
 * run inside a commit on the event loop. This thread runs `PRAGMA wal_checkpoint(PASSIVE)` on a connection of its own
 * every `everyMs` (and when asked): PASSIVE never waits for readers or the writer, it copies what it can.
 * Messages: `'now'` checkpoints at once; `'close'` closes the connection and ends the thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { path, everyMs } = workerData as { path: string; everyMs: number };
const db = new Database(path);
db.pragma('busy_timeout = 5000');
const checkpoint = db.prepare('pragma wal_checkpoint(PASSIVE)');
const port = parentPort!;

let failures = 0;
const run = () => {
  try {
    checkpoint.all();
    failures = 0;
  } catch (e) {
    // A full disk or a busy database: try again at the next tick; say so once in a while.
    if (failures++ % 60 === 0) port.postMessage({ warn: `WAL checkpoint failed: ${(e as Error).message}` });
  }
};
const timer = setInterval(run, everyMs);
port.on('message', (msg: 'now' | 'close') => {
  if (msg === 'now') run();
  else {
    clearInterval(timer);
    run();
    db.close();
    port.postMessage({ closed: true });
  }
});
port.postMessage({ ready: true });
