import { checkParent, createComment, validateDraft, type Comment, type CommentDraft } from '../../core/comment/comment.js';
import { DomainError, unwrap } from '../../core/errors.js';
import { canonicalUrl } from '../../core/url/canonical-url.js';
import { hashSecret } from '../security/tokens.js';
import { addToReplyCount, getComment, insertComment } from '../storage/repos/comment-repo.js';
import { addToCommentCount, getOrCreateThread } from '../storage/repos/thread-repo.js';
import type { Deps } from './deps.js';
import { loadSite } from './load-site.js';

export interface PostCommentInput extends CommentDraft {
  site: string;
  url: string;
  title?: string | undefined;
  parentId?: string | null | undefined;
  ip: string | null;
  origin: string | undefined;
}

export interface PostCommentResult {
  comment: Comment;
  editToken: string;
  editableUntil: number;
}

/** POST /api/v1/comments: checks everything, then writes the comment and its thread's counters in one transaction. */
export async function postComment(deps: Deps, input: PostCommentInput): Promise<PostCommentResult> {
  const site = await loadSite(deps, input.site, input.origin);
  const url = unwrap(canonicalUrl(input.url));
  const draft = unwrap(validateDraft(input, deps.limits));
  const bodyHtml = deps.renderMarkdown(draft.body);
  const editToken = deps.newSecret();
  const now = deps.now();
  const title = input.title?.trim().slice(0, 500) || null;

  const comment = await deps.transact(async (trx) => {
    const thread = await getOrCreateThread(trx, { id: deps.newId(), siteId: site.id, url, title, now });
    const parent = input.parentId ? unwrap(checkParent(await getComment(trx, input.parentId), thread.id)) : null;
    const rootId = parent ? await rootOf(trx, parent) : null;
    const created = createComment({ id: deps.newId(), threadId: thread.id, parent, draft, bodyHtml, now });
    await insertComment(trx, created, { rootId: rootId ?? created.id, ip: input.ip, editTokenHash: hashSecret(editToken) });
    if (parent) await addToReplyCount(trx, parent.id, 1);
    await addToCommentCount(trx, thread.id, 1, now);
    return created;
  });
  deps.onThreadChange({ siteId: site.id, url, threadId: comment.threadId, kind: 'comment.created', commentId: comment.id });
  return { comment, editToken, editableUntil: comment.createdAt + deps.editWindowMs };
}

async function rootOf(db: Deps['db'], parent: Comment): Promise<string> {
  if (parent.parentId === null) return parent.id;
  const row = await db.selectFrom('comments').select('root_id').where('id', '=', parent.id).executeTakeFirst();
  if (!row) throw new DomainError('PARENT_NOT_FOUND', 'The comment you reply to does not exist.');
  return row.root_id;
}
