import type { Kysely, Selectable } from 'kysely';
import type { Comment, CommentStatus } from '../../../core/comment/comment.js';
import type { PageCursor, SortOrder } from '../../../core/comment/sort.js';
import type { Passage } from '../../../core/passage/passage.js';
import type { CommentTable, Database } from '../database.js';
import { reactionCountsOf } from './reaction-repo.js';

/** What the server keeps beside a comment and never shows: who wrote it from where, and the edit secret. */
export interface CommentSecrets {
  rootId: string;
  ip: string | null;
  editTokenHash: string | null;
  accountId?: string | null;
}

const toComment = (row: Selectable<CommentTable>): Comment => withExtras(row, {
  id: row.id,
  threadId: row.thread_id,
  parentId: row.parent_id,
  depth: row.depth,
  // Identity fields only when set: a guest's comment reads back exactly as it was written.
  author: {
    name: row.author_name, email: row.author_email, url: row.author_url,
    ...(row.author_badge === 'author' || row.author_badge === 'staff' ? { badge: row.author_badge } : {}),
    ...(row.author_verified ? { verified: true } : {}),
    ...(row.author_avatar ? { avatar: row.author_avatar } : {}),
    ...(row.author_key ? { key: row.author_key } : {}),
  },
  bodyMarkdown: row.body_md,
  bodyHtml: row.body_html,
  status: row.status as CommentStatus,
  createdAt: Number(row.created_at),
  editedAt: row.edited_at === null ? null : Number(row.edited_at),
  upvotes: row.upvotes,
  downvotes: row.downvotes,
  replyCount: row.reply_count,
  passage: row.passage ? (JSON.parse(row.passage) as Passage) : null,
  ...(row.account_id ? { accountId: row.account_id } : {}),
});

/** Reactions and mentions only when there are some: a comment without them reads back exactly as written. */
function withExtras(row: Selectable<CommentTable>, c: Comment): Comment {
  const reactions = reactionCountsOf(row);
  const mentions = row.mentions ? (JSON.parse(row.mentions) as string[]) : [];
  return { ...c, ...(Object.keys(reactions).length ? { reactions } : {}), ...(mentions.length ? { mentions } : {}) };
}

export async function insertComment(db: Kysely<Database>, c: Comment, secrets: CommentSecrets): Promise<void> {
  await db
    .insertInto('comments')
    .values({
      id: c.id,
      thread_id: c.threadId,
      parent_id: c.parentId,
      root_id: secrets.rootId,
      depth: c.depth,
      author_name: c.author.name,
      author_email: c.author.email,
      author_url: c.author.url,
      author_ip: secrets.ip,
      body_md: c.bodyMarkdown,
      body_html: c.bodyHtml,
      status: c.status,
      created_at: c.createdAt,
      edited_at: c.editedAt,
      upvotes: c.upvotes,
      downvotes: c.downvotes,
      score: c.upvotes - c.downvotes,
      reply_count: c.replyCount,
      edit_token_hash: secrets.editTokenHash,
      passage: c.passage && JSON.stringify(c.passage),
      passage_order: passageOrder(c.passage),
      account_id: c.accountId ?? null,
      author_badge: c.author.badge ?? null,
      author_verified: c.author.verified ? 1 : 0,
      author_avatar: c.author.avatar ?? null,
      author_key: c.author.key ?? null,
      mentions: c.mentions?.length ? JSON.stringify(c.mentions) : null,
    })
    .execute();
}

export async function getComment(db: Kysely<Database>, id: string): Promise<Comment | undefined> {
  const row = await db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toComment(row);
}

export async function getCommentWithSecrets(
  db: Kysely<Database>,
  id: string,
): Promise<{ comment: Comment; secrets: CommentSecrets } | undefined> {
  const row = await db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst();
  return row && { comment: toComment(row), secrets: { rootId: row.root_id, ip: row.author_ip, editTokenHash: row.edit_token_hash, ...(row.account_id ? { accountId: row.account_id } : {}) } };
}

/** Saves what an edit or a deletion changes: text, status and edit time. */
export async function saveCommentChange(db: Kysely<Database>, c: Comment): Promise<void> {
  await db
    .updateTable('comments')
    .set({ body_md: c.bodyMarkdown, body_html: c.bodyHtml, status: c.status, edited_at: c.editedAt })
    .where('id', '=', c.id)
    .execute();
}

export async function addToReplyCount(db: Kysely<Database>, id: string, delta: number): Promise<void> {
  await db
    .updateTable('comments')
    .set((eb) => ({ reply_count: eb('reply_count', '+', delta) }))
    .where('id', '=', id)
    .execute();
}

export async function addToVotes(db: Kysely<Database>, id: string, up: number, down: number): Promise<Comment | undefined> {
  await db
    .updateTable('comments')
    .set((eb) => ({
      upvotes: eb('upvotes', '+', up),
      downvotes: eb('downvotes', '+', down),
      score: eb('score', '+', up - down),
    }))
    .where('id', '=', id)
    .execute();
  return getComment(db, id);
}

const VISIBLE: CommentStatus[] = ['published', 'deleted'];

/** One page of a thread's top-level comments in the given order, continuing after `cursor`. */
export async function listRootPage(
  db: Kysely<Database>,
  threadId: string,
  order: SortOrder,
  cursor: PageCursor | null,
  limit: number,
): Promise<Comment[]> {
  let q = db
    .selectFrom('comments')
    .selectAll()
    .where('thread_id', '=', threadId)
    .where('parent_id', 'is', null)
    .where('status', 'in', VISIBLE);
  if (order === 'oldest') {
    if (cursor) q = q.where((eb) => eb.or([eb('created_at', '>', cursor.createdAt), eb.and([eb('created_at', '=', cursor.createdAt), eb('id', '>', cursor.id)])]));
    q = q.orderBy('created_at', 'asc').orderBy('id', 'asc');
  } else if (order === 'newest') {
    if (cursor) q = q.where((eb) => eb.or([eb('created_at', '<', cursor.createdAt), eb.and([eb('created_at', '=', cursor.createdAt), eb('id', '<', cursor.id)])]));
    q = q.orderBy('created_at', 'desc').orderBy('id', 'desc');
  } else {
    if (cursor) {
      q = q.where((eb) =>
        eb.or([
          eb('score', '<', cursor.score),
          eb.and([eb('score', '=', cursor.score), eb('created_at', '<', cursor.createdAt)]),
          eb.and([eb('score', '=', cursor.score), eb('created_at', '=', cursor.createdAt), eb('id', '<', cursor.id)]),
        ]),
      );
    }
    q = q.orderBy('score', 'desc').orderBy('created_at', 'desc').orderBy('id', 'desc');
  }
  const rows = await q.limit(limit).execute();
  return rows.map(toComment);
}

/** Every visible reply, at any depth, under the given top-level comments, oldest first. */
export async function listRepliesOf(db: Kysely<Database>, rootIds: string[]): Promise<Comment[]> {
  if (rootIds.length === 0) return [];
  const rows = await db
    .selectFrom('comments')
    .selectAll()
    .where('root_id', 'in', rootIds)
    .where('parent_id', 'is not', null)
    .where('status', 'in', VISIBLE)
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
  return rows.map(toComment);
}

/** Comments of a thread whose text is still shown. */
export async function countPublished(db: Kysely<Database>, threadId: string): Promise<number> {
  const row = await db
    .selectFrom('comments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('thread_id', '=', threadId)
    .where('status', '=', 'published')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Takes the comment's row lock for the rest of the transaction (PostgreSQL; SQLite writers are serial anyway),
 * so that concurrent votes by one voter cannot both count.
 */
export async function lockComment(db: Kysely<Database>, id: string): Promise<void> {
  await db.updateTable('comments').set((eb) => ({ upvotes: eb.ref('upvotes') })).where('id', '=', id).execute();
}

const passageOrder = (p: Passage | null): number | null => (p && p.status !== 'orphaned' ? (p.current ?? p).position.start : null);

/** Saves a passage comment's new place after the article changed. */
export async function savePassage(db: Kysely<Database>, id: string, passage: Passage): Promise<void> {
  await db.updateTable('comments').set({ passage: JSON.stringify(passage), passage_order: passageOrder(passage) }).where('id', '=', id).execute();
}

/** Every comment on a passage of the thread (removed ones too: they keep nothing to show but are skipped by callers). */
export async function listPassageComments(db: Kysely<Database>, threadId: string): Promise<Comment[]> {
  const rows = await db
    .selectFrom('comments')
    .selectAll()
    .where('thread_id', '=', threadId)
    .where('parent_id', 'is', null)
    .where('passage', 'is not', null)
    .where('status', 'in', VISIBLE)
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
  return rows.map(toComment);
}
