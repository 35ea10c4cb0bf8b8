import type { Kysely } from 'kysely';
import type { Database, ThreadTable } from '../database.js';

export interface Thread {
  id: string;
  siteId: string;
  url: string;
  title: string | null;
  commentCount: number;
}

const THREAD_COLUMNS = ['id', 'site_id', 'url', 'title', 'comment_count'] as const;
type ThreadRow = Pick<ThreadTable, (typeof THREAD_COLUMNS)[number]>;
const toThread = (row: ThreadRow): Thread => ({ id: row.id, siteId: row.site_id, url: row.url, title: row.title, commentCount: row.comment_count });

export async function findThread(db: Kysely<Database>, siteId: string, url: string): Promise<Thread | undefined> {
  const row = await db.selectFrom('threads').select(THREAD_COLUMNS).where('site_id', '=', siteId).where('url', '=', url).executeTakeFirst();
  return row && toThread(row);
}

export async function getThread(db: Kysely<Database>, id: string): Promise<Thread | undefined> {
  const row = await db.selectFrom('threads').select(THREAD_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row && toThread(row);
}

/** The page's thread, created on its first comment. Safe when two writers race on one page. */
export async function getOrCreateThread(
  db: Kysely<Database>,
  input: { id: string; siteId: string; url: string; title: string | null; now: number },
): Promise<Thread> {
  const existing = await findThread(db, input.siteId, input.url);
  if (existing) return existing;
  await db
    .insertInto('threads')
    .values({
      id: input.id,
      site_id: input.siteId,
      url: input.url,
      title: input.title,
      comment_count: 0,
      created_at: input.now,
      updated_at: input.now,
    })
    .onConflict((oc) => oc.columns(['site_id', 'url']).doNothing())
    .execute();
  const thread = await findThread(db, input.siteId, input.url);
  if (!thread) throw new Error('thread vanished after insert');
  return thread;
}

export async function addToCommentCount(db: Kysely<Database>, threadId: string, delta: number, now: number): Promise<void> {
  await db
    .updateTable('threads')
    .set((eb) => ({ comment_count: eb('comment_count', '+', delta), updated_at: now }))
    .where('id', '=', threadId)
    .execute();
}

/** Published-comment counts for many pages of a site at once; pages never commented on are absent. */
export async function countsByUrl(db: Kysely<Database>, siteId: string, urls: string[]): Promise<Map<string, number>> {
  if (urls.length === 0) return new Map();
  const rows = await db
    .selectFrom('threads')
    .select(['url', 'comment_count'])
    .where('site_id', '=', siteId)
    .where('url', 'in', urls)
    .execute();
  return new Map(rows.map((r) => [r.url, r.comment_count]));
}
