import type { Comment } from '../../core/comment/comment.js';
import { DomainError } from '../../core/errors.js';
import type { Kysely } from 'kysely';
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

/** A comment named in a URL, with its thread, refused when missing or when the caller's origin is not the site's. */
export async function loadComment(
  deps: Pick<Deps, 'sites'>,
  db: Kysely<Database>,
  id: string,
  origin: string | undefined,
): Promise<LoadedComment> {
  const found = await getCommentWithSecrets(db, id);
  if (!found || found.comment.status === 'removed') throw new DomainError('COMMENT_NOT_FOUND', 'The comment does not exist.');
  const thread = await getThread(db, found.comment.threadId);
  if (!thread) throw new DomainError('COMMENT_NOT_FOUND', 'The comment does not exist.');
  await loadSite(deps, thread.siteId, origin);
  return { ...found, thread };
}
