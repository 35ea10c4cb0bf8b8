import type { Kysely } from 'kysely';
import type { Comment } from '../../core/comment/comment.js';
import { DomainError } from '../../core/errors.js';
import type { Database } from '../storage/database.js';
import { getCommentWithSecrets, type CommentSecrets } from '../storage/repos/comment-repo.js';
import { getThread, type Thread } from '../storage/repos/thread-repo.js';
import type { Deps } from './deps.js';
import { loadSite } from './load-site.js';

export interface LoadedComment {
  comment: Comment;
  secrets: CommentSecrets;
  thread: Thread;
}

/** A comment named in a URL, with its thread; throws COMMENT_NOT_FOUND when missing or removed. */
export async function findComment(db: Kysely<Database>, id: string): Promise<LoadedComment> {
  const found = await getCommentWithSecrets(db, id);
  if (!found || found.comment.status === 'removed') throw new DomainError('COMMENT_NOT_FOUND', 'The comment does not exist.');
  const thread = await getThread(db, found.comment.threadId);
  if (!thread) throw new DomainError('COMMENT_NOT_FOUND', 'The comment does not exist.');
  return { ...found, thread };
}

/**
 * The comment, refused when the caller's origin is not its site's. Call it before a transaction starts
 * (the site check may read the database); inside, re-read the comment with `findComment(trx, id)`.
 */
export async function loadComment(deps: Pick<Deps, 'sites' | 'db'>, id: string, origin: string | undefined): Promise<LoadedComment> {
  const loaded = await findComment(deps.db, id);
  await loadSite(deps, loaded.thread.siteId, origin);
  return loaded;
}
