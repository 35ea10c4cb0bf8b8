import { err, ok, type Result } from '../errors.js';

export type VoteValue = -1 | 0 | 1;

export function parseVote(value: unknown): Result<VoteValue> {
  return value === 1 || value === -1 || value === 0 ? ok(value) : err('VOTE_INVALID', 'A vote is 1, -1 or 0.');
}

/** How a voter changing their vote from `previous` to `next` moves the comment's counters. */
export function voteDelta(previous: VoteValue, next: VoteValue): { up: number; down: number } {
  return {
    up: (next === 1 ? 1 : 0) - (previous === 1 ? 1 : 0),
    down: (next === -1 ? 1 : 0) - (previous === -1 ? 1 : 0),
  };
}

/** A comment's counters after a vote, and the voter's current vote: what POST …/vote answers. */
export interface VoteResult {
  id: string;
  value: VoteValue;
  score: number;
  upvotes: number;
  downvotes: number;
}
