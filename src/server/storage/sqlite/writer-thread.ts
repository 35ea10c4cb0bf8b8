/**
 * The SQLite writer thread (worker_threads): the one connection that writes. Every INSERT, UPDATE, DELETE and
 * transaction statement runs here, so a commit's fsync (synchronous=FULL) and the WAL checkpoints that follow
 * commits block this thread only, never the event loop that answers readers. Messages: `{ id, sql, params }` →
 * `{ id, result }` or `{ id, error: { message, code } }`; `{ id, close: true }` closes the database.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { applyPragmas, statementRunner } from './statement-cache.js';

export interface WriterRequest {
  id: number;
  sql?: string;
  params?: unknown[];
  close?: boolean;
}

export interface WriterReply {
  id: number;
  result?: { rows: unknown[]; changes?: number; lastInsertRowid?: number | bigint };
  error?: { message: string; code?: string };
}

const { path } = workerData as { path: string };
const db = new Database(path);
applyPragmas(db);
const run = statementRunner(db);
const port = parentPort!;

/** Structured clone turns Buffers into Uint8Arrays; better-sqlite3 binds Buffers. */
const bindable = (params: unknown[]) => params.map((p) => (p instanceof Uint8Array && !Buffer.isBuffer(p) ? Buffer.from(p) : p));

port.on('message', (msg: WriterRequest) => {
  if (msg.close) {
    db.close();
    port.postMessage({ id: msg.id, result: { rows: [] } } satisfies WriterReply);
    return;
  }
  try {
    port.postMessage({ id: msg.id, result: run(msg.sql!, bindable(msg.params ?? [])) } satisfies WriterReply);
  } catch (e) {
    const err = e as Error & { code?: string };
    port.postMessage({ id: msg.id, error: { message: err.message, ...(err.code ? { code: err.code } : {}) } } satisfies WriterReply);
  }
});
port.postMessage({ id: 0, result: { rows: [] } } satisfies WriterReply);
