import type { Comment } from './comment.js';
import { score } from './comment.js';

export type SortOrder = 'newest' | 'oldest' | 'top';
export const SORT_ORDERS: readonly SortOrder[] = ['newest', 'oldest', 'top'];

/** Where a page of top-level comments ended: the last one's sort values, to continue after it. */
export interface PageCursor {
  order: SortOrder;
  createdAt: number;
  score: number;
  id: string;
}

export function cursorAfter(order: SortOrder, last: Comment): PageCursor {
  return { order, createdAt: last.createdAt, score: score(last), id: last.id };
}
