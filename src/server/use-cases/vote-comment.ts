import { score } from '../../core/comment/comment.js';
import { DomainError, unwrap } from '../../core/errors.js';
import { parseVote, voteDelta, type VoteResult, type VoteValue } from '../../core/vote/vote.js';
import { hashSecret } from '../security/tokens.js';
import { addToVotes, lockComment } from '../storage/repos/comment-repo.js';
import { countNetworkVotes, getVote, setVote } from '../storage/repos/vote-repo.js';
import type { Deps } from './deps.js';
import { findComment, loadComment } from './load-comment.js';

const VOTER_KEY = /^[A-Za-z0-9_-]{16,128}$/;

/** The stored form of a reader's X-Parley-Voter key (votes and reactions); VOTER_REQUIRED when it is missing or bad. */
export function voterHashOf(voterKey: string | undefined, what = 'Votes'): string {
  if (!voterKey || !VOTER_KEY.test(voterKey)) {
    throw new DomainError('VOTER_REQUIRED', `${what} need an X-Parley-Voter key of 16–128 letters, digits, - or _.`);
  }
  return hashSecret(voterKey);
}

export interface VoteInput {
  id: string;
  voterKey: string | undefined;
  value: unknown;
  origin: string | undefined;
  /** The client's address: one network counts at most MAX_VOTES_PER_NETWORK votes on a comment. */
  ip?: string | undefined;
}

/**
 * Voters of one network (client IP) counted on one comment. Voter keys are the client's own, so without this one IP
 * could add a vote per key it makes up; a household or office behind one address still has a few.
 */
export const MAX_VOTES_PER_NETWORK = 5;

export type { VoteResult };

/** POST /api/v1/comments/{id}/vote: one vote per voter per comment; a new value replaces the old one. */
export async function voteComment(deps: Deps, input: VoteInput): Promise<VoteResult> {
  const value = unwrap(parseVote(input.value));
  const voterHash = voterHashOf(input.voterKey);
  await loadComment(deps, input.id, input.origin);
  const { result, thread } = await deps.transact(async (trx) => {
    await lockComment(trx, input.id);
    const { comment, thread } = await findComment(trx, input.id);
    if (comment.status !== 'published') throw new DomainError('COMMENT_DELETED', 'The comment was deleted.');
    const previous = await getVote(trx, comment.id, voterHash);
    if (previous === value) return { result: toResult(comment, value), thread };
    const network = input.ip ? deps.networkHash(input.ip) : null;
    if (network && previous === 0 && value !== 0 && (await countNetworkVotes(trx, comment.id, network)) >= MAX_VOTES_PER_NETWORK) {
      throw new DomainError('RATE_LIMITED', 'Too many votes on this comment from your network.');
    }
    const delta = voteDelta(previous, value);
    await setVote(trx, comment.id, voterHash, value, deps.now(), network);
    const updated = (await addToVotes(trx, comment.id, delta.up, delta.down)) ?? comment;
    return { result: toResult(updated, value), thread };
  });
  deps.onThreadChange({ siteId: thread.siteId, url: thread.url, threadId: thread.id, kind: 'comment.voted', commentId: result.id });
  return result;
}

const toResult = (c: { id: string; upvotes: number; downvotes: number }, value: VoteValue): VoteResult => ({
  id: c.id,
  value,
  score: score(c),
  upvotes: c.upvotes,
  downvotes: c.downvotes,
});
