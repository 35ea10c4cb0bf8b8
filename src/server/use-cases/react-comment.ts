import { DomainError, unwrap } from '../../core/errors.js';
import { parseReaction, reactionDelta, type Reaction, type ReactionCounts } from '../../core/reaction/reaction.js';
import { lockComment } from '../storage/repos/comment-repo.js';
import { addToReactions, getReaction, setReaction } from '../storage/repos/reaction-repo.js';
import type { Deps } from './deps.js';
import { findComment, loadComment } from './load-comment.js';
import { voterHashOf } from './vote-comment.js';

export interface ReactInput {
  id: string;
  /** The reader's X-Parley-Voter key: the same identity as votes. */
  voterKey: string | undefined;
  reaction: unknown;
  origin: string | undefined;
}

/** What POST …/react answers: the reader's reaction now and the comment's counts. */
export interface ReactResult {
  reaction: Reaction | null;
  reactions: ReactionCounts;
}

/**
 * POST /api/v1/comments/{id}/react: one reaction per reader per comment (a new one replaces the old, null removes
 * it), only from the site's enabled reactions. The counts move on the comment in the same transaction, and readers
 * hear of it like of a vote (`comment.voted`).
 */
export async function reactComment(deps: Deps, input: ReactInput): Promise<ReactResult> {
  const voterHash = voterHashOf(input.voterKey, 'Reactions');
  const { thread: located } = await loadComment(deps, input.id, input.origin);
  const site = await deps.sites.get(located.siteId);
  const reaction = unwrap(parseReaction(input.reaction, site?.reactions ?? []));
  const { result, thread, changed } = await deps.transact(async (trx) => {
    await lockComment(trx, input.id);
    const { comment, thread } = await findComment(trx, input.id);
    if (comment.status !== 'published') throw new DomainError('COMMENT_DELETED', 'The comment was deleted.');
    const previous = await getReaction(trx, comment.id, voterHash);
    if (previous === reaction) return { result: { reaction, reactions: comment.reactions ?? {} }, thread, changed: false };
    await setReaction(trx, comment.id, voterHash, reaction, deps.now());
    const reactions = await addToReactions(trx, comment.id, reactionDelta(previous, reaction));
    return { result: { reaction, reactions }, thread, changed: true };
  });
  if (changed) deps.onThreadChange({ siteId: thread.siteId, url: thread.url, threadId: thread.id, kind: 'comment.voted', commentId: input.id });
  return result;
}
