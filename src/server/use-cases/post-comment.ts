import { checkParent, createComment, validateDraft, type Badge, type Comment, type CommentDraft } from '../../core/comment/comment.js';
import { checkNotBanned } from './accounts.js';
import { isStaff, pageAuthorIds } from '../storage/repos/account-repo.js';
import { DomainError, unwrap } from '../../core/errors.js';
import { canonicalUrl } from '../../core/url/canonical-url.js';
import { quoteIsIn, validatePassage, type PassageDraft } from '../../core/passage/passage.js';
import { checkPageUrl } from '../../core/site/origin.js';
import { currentTextHash, getPageText } from '../storage/repos/page-text-repo.js';
import { hashSecret } from '../security/tokens.js';
import { recordCommentEvent } from '../outbox/record-event.js';
import { addToReplyCount, getComment, insertComment } from '../storage/repos/comment-repo.js';
import { addToCommentCount, getOrCreateThread } from '../storage/repos/thread-repo.js';
import type { Deps } from './deps.js';
import { loadSite } from './load-site.js';
import { mentionable } from './mentions.js';

/** The signed-in author (session or publisher SSO), when there is one: it replaces the guest fields. */
export interface SignedInAuthor {
  id: string;
  /** The publisher's user id (SSO `sub`), matched against the page's authorIds like the account id. */
  sub?: string | null;
  name: string;
  url: string | null;
  email: string | null;
  badge: Badge | null;
  /** The account's own https picture (publisher SSO claim `picture`). */
  avatar?: string | null | undefined;
}

export interface PostCommentInput extends Omit<CommentDraft, 'author'> {
  author?: CommentDraft['author'] | undefined;
  account?: SignedInAuthor | null | undefined;
  site: string;
  url: string;
  title?: string | undefined;
  parentId?: string | null | undefined;
  /** A comment on a passage of the article (top-level comments only). */
  passage?: PassageDraft | undefined;
  /** Comments of the same thread the text answers by `@Name` (ignored when not found there). */
  mentions?: string[] | undefined;
  ip: string | null;
  origin: string | undefined;
}

export interface PostCommentResult {
  comment: Comment;
  editToken: string;
  editableUntil: number;
  /** For a passage comment: whether the server has the article text it was made on. */
  textKnown: boolean;
}

/** POST /api/v1/comments: checks everything, then writes the comment and its thread's counters in one transaction. */
export async function postComment(deps: Deps, input: PostCommentInput): Promise<PostCommentResult> {
  const site = await loadSite(deps, input.site, input.origin);
  const url = unwrap(canonicalUrl(input.url));
  // A browser posts from one of the site's own pages.
  unwrap(checkPageUrl(site.origins, url));
  const account = input.account ?? null;
  const guest = unwrap(validateDraft({ body: input.body, author: account ? { name: account.name, url: account.url } : input.author ?? { name: '' } }, deps.limits));
  const draft = account
    ? { ...guest, author: { ...guest.author, email: account.email, badge: account.badge, verified: true } }
    : { ...guest, author: { ...guest.author, badge: null, verified: false } };
  await checkNotBanned(deps, site.id, draft.author.email);
  if (input.passage && input.parentId) throw new DomainError('PASSAGE_ON_REPLY', 'Only top-level comments can quote a passage.');
  const passage = input.passage ? unwrap(validatePassage(input.passage)) : null;
  const plainHtml = input.mentions?.length ? null : deps.renderMarkdown(draft.body);
  const key = deps.authorKey(site.id, { accountId: account?.id, email: draft.author.email, name: draft.author.name });
  const editToken = deps.newSecret();
  const now = deps.now();
  const title = input.title?.trim().slice(0, 500) || null;

  const { comment, textKnown } = await deps.transact(async (trx) => {
    const thread = await getOrCreateThread(trx, { id: deps.newId(), siteId: site.id, url, title, now });
    const parent = input.parentId ? unwrap(checkParent(await getComment(trx, input.parentId), thread.id)) : null;
    const rootId = parent ? await rootOf(trx, parent) : null;
    let textKnown = false;
    if (passage) {
      const known = await getPageText(trx, thread.id, passage.textHash);
      textKnown = Boolean(known);
      // A text the server has must really hold the quote there: no inventing quotes from the article.
      if (known && !quoteIsIn(known.text, passage)) throw new DomainError('PASSAGE_INVALID', 'The quote is not in the article.');
      // Made on the publisher's latest text: already checked, in place.
      if (passage.textHash === (await currentTextHash(trx, thread.id))) {
        passage.status = 'exact';
        passage.current = { quote: passage.quote, position: passage.position };
      }
    }
    // The column's author (the publisher named them on the page) is labelled in its thread.
    // Site staff (parley user staff) are labelled too; a publisher's SSO claim says it for its own users.
    const isPageAuthor = account && (await pageAuthorIds(trx, thread.id)).some((a) => a === account.id || a === account.sub);
    const staff = account && !draft.author.badge && (await isStaff(trx, site.id, account.id));
    const labelled = isPageAuthor ? { ...draft.author, badge: 'author' as const } : staff ? { ...draft.author, badge: 'staff' as const } : draft.author;
    const author = { ...labelled, key, ...(account?.avatar ? { avatar: account.avatar } : {}) };
    // @mentions link comments of this thread only; the ids linked are kept so that an edit links them again.
    const linked = new Set<string>();
    const bodyHtml = plainHtml ?? deps.renderMarkdown(draft.body, { mentions: await mentionable(trx, thread.id, input.mentions), linked });
    const created: Comment = {
      ...createComment({ id: deps.newId(), threadId: thread.id, parent, draft: { ...draft, author }, bodyHtml, now, passage }),
      accountId: account?.id ?? null,
      ...(linked.size ? { mentions: [...linked] } : {}),
    };
    await insertComment(trx, created, { rootId: rootId ?? created.id, ip: input.ip, editTokenHash: hashSecret(editToken) });
    if (parent) await addToReplyCount(trx, parent.id, 1);
    await addToCommentCount(trx, thread.id, 1, now);
    await recordCommentEvent(trx, deps, { type: 'comment.created', siteId: site.id, threadId: thread.id, url, commentId: created.id });
    return { comment: created, textKnown };
  });
  deps.onThreadChange({ siteId: site.id, url, threadId: comment.threadId, kind: 'comment.created', commentId: comment.id });
  return { comment, editToken, editableUntil: comment.createdAt + deps.editWindowMs, textKnown: passage ? textKnown : true };
}

async function rootOf(db: Deps['db'], parent: Comment): Promise<string> {
  if (parent.parentId === null) return parent.id;
  const row = await db.selectFrom('comments').select('root_id').where('id', '=', parent.id).executeTakeFirst();
  if (!row) throw new DomainError('PARENT_NOT_FOUND', 'The comment you reply to does not exist.');
  return row.root_id;
}
