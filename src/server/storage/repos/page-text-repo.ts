import type { Kysely } from 'kysely';
import type { Database } from '../database.js';

export type PageTextSource = 'publisher' | 'hint';

/** The article text with this hash, from the publisher or a widget's hint. */
export async function getPageText(db: Kysely<Database>, threadId: string, textHash: string): Promise<{ text: string; source: PageTextSource } | undefined> {
  const row = await db
    .selectFrom('page_texts')
    .select(['text', 'source'])
    .where('thread_id', '=', threadId)
    .where('text_hash', '=', textHash)
    .executeTakeFirst();
  return row && { text: row.text, source: row.source as PageTextSource };
}

/** Stores a text; a publisher's revision replaces a hint with the same hash, never the reverse. */
export async function savePageText(
  db: Kysely<Database>,
  row: { threadId: string; textHash: string; source: PageTextSource; text: string; now: number },
): Promise<void> {
  const values = { thread_id: row.threadId, text_hash: row.textHash, source: row.source, text: row.text, created_at: row.now };
  await db
    .insertInto('page_texts')
    .values(values)
    .onConflict((oc) => (row.source === 'publisher' ? oc.columns(['thread_id', 'text_hash']).doUpdateSet({ source: 'publisher' }) : oc.columns(['thread_id', 'text_hash']).doNothing()))
    .execute();
}

/** The hash of the latest text the publisher gave for the thread. */
export async function currentTextHash(db: Kysely<Database>, threadId: string): Promise<string | null> {
  const row = await db.selectFrom('threads').select('text_hash').where('id', '=', threadId).executeTakeFirst();
  return row?.text_hash ?? null;
}

export async function setCurrentTextHash(db: Kysely<Database>, threadId: string, textHash: string): Promise<void> {
  await db.updateTable('threads').set({ text_hash: textHash }).where('id', '=', threadId).execute();
}

/** How many widget hints are kept for the thread. */
export async function countHints(db: Kysely<Database>, threadId: string): Promise<number> {
  const row = await db.selectFrom('page_texts').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('thread_id', '=', threadId).where('source', '=', 'hint').executeTakeFirstOrThrow();
  return Number(row.n);
}
