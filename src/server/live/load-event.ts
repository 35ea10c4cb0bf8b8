import type { Kysely } from 'kysely';
import { toPublicComment } from '../../api/to-public.js';
import { score } from '../../core/comment/comment.js';
import type { Database } from '../storage/database.js';
import { getComment } from '../storage/repos/comment-repo.js';
import type { ThreadChange } from '../use-cases/deps.js';
import type { LiveKind } from './hub.js';

export interface LoadedEvent {
  kind: LiveKind;
  /** The `data:` JSON: the public comment (the API's allow-list: no email, no IP), or the vote and reaction counts. */
  json: string;
}

/**
 * What a stream is told about a change, read after the change committed. A change that names no comment
 * (the publisher's new article text re-anchored every passage) becomes `resync`; a comment that cannot be
 * read any more (gone since) is skipped.
 */
export async function loadEvent(db: Kysely<Database>, change: Pick<ThreadChange, 'kind' | 'commentId'>): Promise<LoadedEvent | null> {
  if (!change.commentId) return { kind: 'resync', json: '{}' };
  const comment = await getComment(db, change.commentId);
  if (!comment) return null;
  if (change.kind === 'comment.voted') {
    const { id, upvotes, downvotes } = comment;
    return { kind: change.kind, json: JSON.stringify({ id, score: score(comment), upvotes, downvotes, reactions: comment.reactions ?? {} }) };
  }
  return { kind: change.kind, json: JSON.stringify(toPublicComment(comment)) };
}
