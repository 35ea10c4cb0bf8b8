import type { Kysely } from 'kysely';
import type { Database } from '../database.js';

/** A published comment as a feed shows it: no email, no IP. */
export interface FeedComment {
  id: string;
  authorName: string;
  bodyHtml: string;
  createdAt: number;
  editedAt: number | null;
  url: string;
  title: string | null;
}

/** The latest published comments of a site, or of one of its pages, newest first. */
export async function latestComments(db: Kysely<Database>, q: { siteId: string; url?: string; limit: number }): Promise<FeedComment[]> {
  let query = db
    .selectFrom('comments')
    .innerJoin('threads', 'threads.id', 'comments.thread_id')
    .select(['comments.id', 'comments.author_name', 'comments.body_html', 'comments.created_at', 'comments.edited_at', 'threads.url', 'threads.title'])
    .where('threads.site_id', '=', q.siteId)
    .where('comments.status', '=', 'published');
  if (q.url !== undefined) query = query.where('threads.url', '=', q.url);
  const rows = await query.orderBy('comments.created_at', 'desc').orderBy('comments.id', 'desc').limit(q.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    authorName: r.author_name,
    bodyHtml: r.body_html,
    createdAt: Number(r.created_at),
    editedAt: r.edited_at === null ? null : Number(r.edited_at),
    url: r.url,
    title: r.title,
  }));
}

/** The title a page's thread was given, if any. */
export async function threadTitle(db: Kysely<Database>, siteId: string, url: string): Promise<string | null | undefined> {
  const row = await db.selectFrom('threads').select('title').where('site_id', '=', siteId).where('url', '=', url).executeTakeFirst();
  return row ? row.title : undefined;
}
