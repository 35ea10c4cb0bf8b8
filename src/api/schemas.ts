import { Type, type Static } from '@sinclair/typebox';

/**
 * Wire schemas of the public HTTP API. Response schemas are the allow-list of what leaves the server:
 * a field not listed here is never sent (emails and IP addresses are not listed).
 */

export const ErrorBody = Type.Object(
  { error: Type.Object({ code: Type.String(), message: Type.String() }) },
  { description: 'Every error. `code` is stable; see docs/error-codes.md.' },
);

const QuoteAt = Type.Object({
  quote: Type.Object({ exact: Type.String(), prefix: Type.String(), suffix: Type.String() }),
  position: Type.Object({ start: Type.Integer({ minimum: 0 }), end: Type.Integer({ minimum: 0 }) }),
});

export const PublicPassage = Type.Object(
  {
    quote: QuoteAt.properties.quote,
    position: QuoteAt.properties.position,
    textHash: Type.String(),
    question: Type.Union([Type.String(), Type.Null()]),
    status: Type.Union(['unchecked', 'exact', 'moved', 'fuzzy', 'orphaned'].map((s) => Type.Literal(s))),
    reason: Type.Union([Type.String(), Type.Null()]),
    current: Type.Union([QuoteAt, Type.Null()]),
  },
  { description: 'The passage of the article a comment is about: the quote as selected, and its place in the latest publisher text.' },
);

export const PublicComment = Type.Object(
  {
    id: Type.String(),
    parentId: Type.Union([Type.String(), Type.Null()]),
    depth: Type.Integer({ minimum: 0 }),
    status: Type.Union([Type.Literal('published'), Type.Literal('deleted')]),
    author: Type.Object({
      name: Type.String(),
      url: Type.Union([Type.String(), Type.Null()]),
      badge: Type.Union([Type.Literal('author'), Type.Literal('staff'), Type.Null()], { description: 'The column\'s author or the site\'s staff; null for everyone else.' }),
      verified: Type.Boolean({ description: 'Signed in (email verified by magic link) or signed in by the publisher (SSO).' }),
      avatar: Type.Union([Type.String(), Type.Null()], { description: 'The author\'s own picture, an https URL the publisher passed (SSO claim `picture`); null otherwise (never Gravatar). Null for a deleted comment.' }),
      key: Type.String({ description: '8 lowercase hex characters derived (HMAC, per site) from the author\'s identity: stable for one author on one site, not reversible. For the colour of initials. "" for a deleted comment.' }),
    }),
    html: Type.String({ description: 'Sanitised HTML rendered from the Markdown text; empty for a deleted comment.' }),
    createdAt: Type.String({ format: 'date-time' }),
    editedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    score: Type.Integer(),
    upvotes: Type.Integer({ minimum: 0 }),
    downvotes: Type.Integer({ minimum: 0 }),
    replyCount: Type.Integer({ minimum: 0 }),
    passage: Type.Union([PublicPassage, Type.Null()]),
    reactions: Type.Record(Type.String(), Type.Integer({ minimum: 1 }), { description: 'Readers\' reactions (like, love, laugh, wow, sad, angry) with a count above 0; {} when none.' }),
  },
);
export type PublicComment = Static<typeof PublicComment>;

const SiteId = Type.String({ minLength: 1, maxLength: 63 });
const PageUrl = Type.String({ minLength: 1, maxLength: 2048 });
const CommentId = Type.String({ minLength: 1, maxLength: 32, pattern: '^[0-9a-z]+$' });

export const PostCommentBody = Type.Object(
  {
    site: SiteId,
    url: PageUrl,
    title: Type.Optional(Type.String({ maxLength: 500 })),
    parentId: Type.Optional(Type.Union([CommentId, Type.Null()])),
    body: Type.String({ maxLength: 200_000 }),
    author: Type.Optional(Type.Object(
      {
        name: Type.String({ maxLength: 1000 }),
        email: Type.Optional(Type.Union([Type.String({ maxLength: 1000 }), Type.Null()])),
        url: Type.Optional(Type.Union([Type.String({ maxLength: 2048 }), Type.Null()])),
      },
      { additionalProperties: false, description: 'A guest\'s name (required then), email and website; ignored when signed in (session cookie or ParleySSO).' },
    )),
    notify: Type.Optional(Type.Array(Type.Union([Type.Literal('page'), Type.Literal('replies'), Type.Literal('comment')]), {
      maxItems: 3, uniqueItems: true,
      description: 'Subscribe author.email (double opt-in, immediate mails): page = new comments on this page, replies = replies to my comments on the site, comment = replies to this comment. Needs X-Parley-CSRF.',
    })),
    mentions: Type.Optional(Type.Array(CommentId, {
      maxItems: 10,
      description: 'Comments of this page the text answers by `@Name` (their author\'s name as shown): that text becomes a link to the comment, and their authors who follow "replies to my comments" are notified. Unknown ids and other pages\' comments are ignored.',
    })),
    passage: Type.Optional(
      Type.Object(
        {
          selector: Type.Object({}, { additionalProperties: true, description: 'What describeRange() of parley/anchoring returns.' }),
          textHash: Type.String({ maxLength: 64 }),
          question: Type.Optional(Type.String({ maxLength: 1000 })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type PostCommentBody = Static<typeof PostCommentBody>;

export const PostCommentReply = Type.Object({
  comment: PublicComment,
  editToken: Type.String({ description: 'Secret proving authorship; send as `Authorization: Bearer` to edit or delete.' }),
  editableUntil: Type.String({ format: 'date-time' }),
  textKnown: Type.Boolean({ description: 'For a passage comment: whether the server has the article text it was made on (if not, send it to /api/v1/pages/hint).' }),
  subscription: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('active'), Type.Literal('refused')], {
    description: 'With notify: active when the signed-in reader\'s verified address was subscribed at once; pending when a confirmation mail is due (guests: always pending); refused when this client asked for too many subscriptions this hour (RATE_LIMIT_SUBSCRIPTIONS): the comment is posted all the same.',
  })),
});

export const SortParam = Type.Union([Type.Literal('newest'), Type.Literal('oldest'), Type.Literal('top')], { default: 'newest' });

export const ListCommentsQuery = Type.Object({
  site: SiteId,
  url: PageUrl,
  sort: Type.Optional(SortParam),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
});
export type ListCommentsQuery = Static<typeof ListCommentsQuery>;

export const CommentPageReply = Type.Object(
  {
    comments: Type.Array(PublicComment),
    nextCursor: Type.Union([Type.String(), Type.Null()]),
    total: Type.Integer({ minimum: 0 }),
  },
);
export type CommentPageReply = Static<typeof CommentPageReply>;

export const CommentIdParams = Type.Object({ id: CommentId });
export const PageQuery = Type.Object({ site: SiteId, url: PageUrl });

export const EditCommentBody = Type.Object({ body: Type.String({ maxLength: 200_000 }) }, { additionalProperties: false });
export const CommentReply = Type.Object({ comment: PublicComment });
export const ConversationReply = Type.Object({ comments: Type.Array(PublicComment) });

export const VoteBody = Type.Object({ value: Type.Union([Type.Literal(1), Type.Literal(-1), Type.Literal(0)]) }, { additionalProperties: false });
const ReactionKey = Type.String({ maxLength: 16 });
export const ReactBody = Type.Object(
  { reaction: Type.Union([ReactionKey, Type.Null()], { description: 'One of the site\'s reactions (like, love, laugh, wow, sad, angry as enabled), or null to take it back.' }) },
  { additionalProperties: false },
);
export const ReactReply = Type.Object({
  reaction: Type.Union([Type.String(), Type.Null()], { description: 'The reader\'s reaction now.' }),
  reactions: PublicComment.properties.reactions,
});

export const VoteReply = Type.Object({
  id: Type.String(),
  value: Type.Integer(),
  score: Type.Integer(),
  upvotes: Type.Integer(),
  downvotes: Type.Integer(),
});

export const CountsQuery = Type.Object({
  site: SiteId,
  url: Type.Union([PageUrl, Type.Array(PageUrl, { minItems: 1, maxItems: 100 })]),
});
export const CountsReply = Type.Object({ counts: Type.Record(Type.String(), Type.Integer({ minimum: 0 })) });

export const HealthReply = Type.Object({ status: Type.Literal('ok') });

export const PageTextBody = Type.Object(
  { site: SiteId, url: PageUrl, text: Type.String({ maxLength: 1_000_000 }) },
  { additionalProperties: false },
);
export const PageTextReply = Type.Object({
  textHash: Type.String(),
  changed: Type.Boolean({ description: 'false when this text was already the current one' }),
  passages: Type.Object({ exact: Type.Integer(), moved: Type.Integer(), fuzzy: Type.Integer(), orphaned: Type.Integer() }),
});
export const PassagesReply = Type.Object({ comments: Type.Array(PublicComment), total: Type.Integer({ minimum: 0 }) });

export const CsrfQuery = Type.Object({ site: SiteId });
export const CsrfReply = Type.Object({
  token: Type.String({ description: 'Send as X-Parley-CSRF with subscription requests; bound to the site and the client IP.' }),
  expiresAt: Type.String({ format: 'date-time' }),
});

export const SubscribeBody = Type.Object(
  {
    site: SiteId,
    url: PageUrl,
    email: Type.Optional(Type.String({ maxLength: 254, description: 'Required for guests; a signed-in reader may leave it out (their account\'s address).' })),
    kind: Type.Union(['page', 'replies', 'comment', 'passage'].map((k) => Type.Literal(k)), {
      description: 'page: new comments on this page; replies: replies to my comments on the site; comment: replies to commentId; passage: replies to the passage comment commentId.',
    }),
    commentId: Type.Optional(CommentId),
    mode: Type.Union(['immediate', 'hourly', 'daily'].map((m) => Type.Literal(m)), { default: 'immediate' }),
  },
  { additionalProperties: false },
);
export type SubscribeBody = Static<typeof SubscribeBody>;
export const SubscribeReply = Type.Object(
  { status: Type.Union([Type.Literal('pending'), Type.Literal('active')]) },
  { description: 'pending: a confirmation mail is due (always this answer for guests: it never reveals whether the address is known); active: a signed-in reader\'s own verified address, subscribed at once.' },
);

export const MagicLinkBody = Type.Object(
  {
    site: SiteId,
    email: Type.String({ maxLength: 320 }),
    returnUrl: Type.Optional(Type.String({
      maxLength: 2048,
      description: 'The page asking (on one of the site\'s origins): the mailed link opens it with #parley-signin=<token>, and the widget there signs in. Without it the link opens Parley\'s own /auth/verify page.',
    })),
  },
  { additionalProperties: false },
);
export type MagicLinkBody = Static<typeof MagicLinkBody>;
export const AcceptedReply = Type.Object({ status: Type.Literal('sent') });
export const PublicUser = Type.Object({
  id: Type.String(),
  name: Type.String(),
  url: Type.Union([Type.String(), Type.Null()]),
  badge: Type.Union([Type.Literal('author'), Type.Literal('staff'), Type.Null()]),
  via: Type.Union([Type.Literal('email'), Type.Literal('sso')], { description: 'email: a Parley account (magic link); sso: the publisher\'s user.' }),
});
export const VerifyBody = Type.Object({ token: Type.String({ maxLength: 1000 }) }, { additionalProperties: false });
export type VerifyBody = Static<typeof VerifyBody>;
export const MeQuery = Type.Object({ site: Type.Optional(SiteId) }, { additionalProperties: false });
export type MeQuery = Static<typeof MeQuery>;
export const MeReply = Type.Object({
  user: Type.Union([PublicUser, Type.Null()]),
  csrf: Type.Optional(Type.String({ description: 'Send as X-Parley-CSRF on every state-changing call made with the session cookie.' })),
});
export const MeBody = Type.Object(
  { name: Type.Optional(Type.String({ maxLength: 1000 })), url: Type.Optional(Type.Union([Type.String({ maxLength: 2048 }), Type.Null()])) },
  { additionalProperties: false },
);
export type MeBody = Static<typeof MeBody>;
export const ClaimBody = Type.Object(
  { tokens: Type.Array(Type.Object({ id: CommentId, editToken: Type.String({ maxLength: 200 }) }, { additionalProperties: false }), { maxItems: 200 }) },
  { additionalProperties: false },
);
export type ClaimBody = Static<typeof ClaimBody>;
export const ClaimReply = Type.Object({ claimed: Type.Array(Type.String()) });

export const PageAuthorsBody = Type.Object(
  { site: SiteId, url: PageUrl, authorIds: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 50, description: 'SSO `sub`s or Parley account ids of the column\'s authors.' }) },
  { additionalProperties: false },
);
export type PageAuthorsBody = Static<typeof PageAuthorsBody>;
export const PageAuthorsReply = Type.Object({ authorIds: Type.Array(Type.String()) });

export const WidgetConfigQuery = Type.Object({ site: SiteId });
export const WidgetConfigReply = Type.Object(
  {
    site: Type.Object({ id: Type.String(), name: Type.String() }),
    mail: Type.Boolean({ description: 'SMTP_URL is set: subscriptions, "Notify me of replies" and magic links are possible.' }),
    signIn: Type.Array(Type.Union([Type.Literal('email'), Type.Literal('sso')]), { description: 'email: magic links (mail on); sso: the site has an SSO secret (publisher sign-in).' }),
    maxCommentLength: Type.Integer({ description: 'MAX_COMMENT_LENGTH, in characters.' }),
    editWindowSeconds: Type.Integer({ description: 'EDIT_WINDOW: how long authors may edit or delete a comment.' }),
    reactions: Type.Array(Type.String(), { description: 'The reactions readers may give on this site, in order; [] when off.' }),
  },
  { description: 'What this Parley can do for the site: the widget offers only that.' },
);
export type WidgetConfigReply = Static<typeof WidgetConfigReply>;

export const PreviewBody = Type.Object(
  {
    site: SiteId,
    body: Type.String({ maxLength: 200_000 }),
    url: Type.Optional(PageUrl),
    mentions: Type.Optional(Type.Array(CommentId, {
      maxItems: 10,
      description: 'As in POST /api/v1/comments: comments of the page `url` whose author\'s `@Name` becomes a link; ignored without `url`.',
    })),
  },
  { additionalProperties: false },
);
export type PreviewBody = Static<typeof PreviewBody>;
export const PreviewReply = Type.Object({ html: Type.String({ description: 'The text rendered exactly as a posted comment would be (sanitised); "" for an empty text.' }) });
