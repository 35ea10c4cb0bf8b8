import type { Kysely } from 'kysely';
import type { Mention } from '../render/markdown.js';
import type { Database } from '../storage/database.js';
import { getComment } from '../storage/repos/comment-repo.js';
import { findThread } from '../storage/repos/thread-repo.js';

/**
 * The comments `@Name` may link in a text of this thread: of the ids given (at most 10, as the API allows), those
 * that are published comments of the same thread, with their author's name. Others are ignored.
 */
export async function mentionable(db: Kysely<Database>, threadId: string, ids: readonly string[] | undefined): Promise<Mention[]> {
  const out: Mention[] = [];
  for (const id of new Set((ids ?? []).slice(0, 10))) {
    const c = await getComment(db, id);
    if (c && c.threadId === threadId && c.status === 'published') out.push({ id: c.id, name: c.author.name });
  }
  return out;
}

/**
 * The same for a text not written yet (POST /api/v1/preview): the page's comments among `ids`, none when the page
 * has no thread yet. Pass the result as `deps.renderMarkdown(text, { mentions })`.
 */
export async function mentionableOnPage(db: Kysely<Database>, siteId: string, canonicalUrl: string, ids: readonly string[] | undefined): Promise<Mention[]> {
  if (!ids?.length) return [];
  const thread = await findThread(db, siteId, canonicalUrl);
  return thread ? mentionable(db, thread.id, ids) : [];
}
