import type { Comment } from '../core/comment/comment.js';
import { score } from '../core/comment/comment.js';
import type { PublicComment } from './schemas.js';

const iso = (ms: number): string => new Date(ms).toISOString();

/** The public view of a comment. A deleted placeholder shows neither its author nor its text. */
export function toPublicComment(c: Comment): PublicComment {
  const deleted = c.status !== 'published';
  return {
    id: c.id,
    parentId: c.parentId,
    depth: c.depth,
    status: deleted ? 'deleted' : 'published',
    author: deleted
      ? { name: '', url: null, badge: null, verified: false, avatar: null, key: '' }
      : { name: c.author.name, url: c.author.url, badge: c.author.badge ?? null, verified: c.author.verified ?? false, avatar: c.author.avatar ?? null, key: c.author.key ?? '' },
    html: deleted ? '' : c.bodyHtml,
    createdAt: iso(c.createdAt),
    editedAt: c.editedAt === null ? null : iso(c.editedAt),
    score: score(c),
    upvotes: c.upvotes,
    downvotes: c.downvotes,
    replyCount: c.replyCount,
    passage: c.passage && {
      quote: c.passage.quote,
      position: c.passage.position,
      textHash: c.passage.textHash,
      question: c.passage.question,
      status: c.passage.status,
      reason: c.passage.reason,
      current: c.passage.current,
    },
    reactions: { ...c.reactions },
  };
}
