import { SORT_ORDERS, type PageCursor } from '../../core/comment/sort.js';
import { DomainError } from '../../core/errors.js';

/** Cursors are opaque to clients: base64url of the last top-level comment's sort values. */
export function encodeCursor(c: PageCursor): string {
  return Buffer.from(JSON.stringify([c.order, c.createdAt, c.score, c.id])).toString('base64url');
}

export function decodeCursor(raw: string | undefined): PageCursor | null {
  if (!raw) return null;
  try {
    const v = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(v) && v.length === 4 && SORT_ORDERS.includes(v[0]) && Number.isSafeInteger(v[1]) &&
      Number.isSafeInteger(v[2]) && typeof v[3] === 'string' && /^[0-9a-z]{1,32}$/.test(v[3])
    ) {
      return { order: v[0], createdAt: v[1], score: v[2], id: v[3] };
    }
  } catch {
    // fall through
  }
  throw new DomainError('CURSOR_INVALID', 'The cursor is not one this server gave out.');
}
