import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastJson from 'fast-json-stringify';
import {
  CommentIdParams, CommentPageReply, CommentReply, ConversationReply, EditCommentBody, ErrorBody, ListCommentsQuery,
  PageQuery, PostCommentBody, PostCommentReply, ReactBody, ReactReply, VoteBody, VoteReply,
} from '../../../api/schemas.js';
import { toPublicComment } from '../../../api/to-public.js';
import type { PostCommentBody as PostBody, ListCommentsQuery as ListQuery } from '../../../api/schemas.js';
import { DomainError, unwrap } from '../../../core/errors.js';
import { cookies, identify, SESSION_COOKIE } from '../identity.js';
import { ssoSub } from '../../use-cases/accounts.js';
import { canonicalUrl } from '../../../core/url/canonical-url.js';
import type { Parley } from '../../compose.js';
import { deleteComment } from '../../use-cases/delete-comment.js';
import { editComment } from '../../use-cases/edit-comment.js';
import { getConversation } from '../../use-cases/get-conversation.js';
import { listComments } from '../../use-cases/list-comments.js';
import { loadSite } from '../../use-cases/load-site.js';
import { loadComment } from '../../use-cases/load-comment.js';
import { postComment } from '../../use-cases/post-comment.js';
import { voteComment } from '../../use-cases/vote-comment.js';
import { reactComment } from '../../use-cases/react-comment.js';
import { decodeCursor, encodeCursor } from '../cursor-codec.js';
import type { FastReads } from '../fast-read.js';
import { PageCache } from '../page-cache.js';
import { sendCached } from '../send-cached.js';
import { writeLimit, voteLimit } from '../rate-limits.js';
import { requestOrigin } from '../request-origin.js';
import { requestSubscription } from '../../use-cases/request-subscription.js';
import { guardSubscription } from './subscriptions.js';

const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 413: ErrorBody, 422: ErrorBody, 429: ErrorBody };
const tags = ['comments'];
const bearer = (r: FastifyRequest) => /^Bearer\s+(\S+)$/i.exec(r.headers.authorization ?? '')?.[1];
const iso = (ms: number) => new Date(ms).toISOString();
const serializePage = fastJson(CommentPageReply);

/** Comments of a page: list, post, edit, delete, vote, react. */
export async function commentRoutes(app: FastifyInstance, parley: Parley, fastReads?: FastReads): Promise<void> {
  const { deps, pageCache, config } = parley;
  const origin = (r: FastifyRequest) => requestOrigin(r, config.publicUrl);
  /** The signed-in account asking to change a comment (session or SSO), unless an edit token is given. */
  const authorAccount = async (request: FastifyRequest, id: string): Promise<string | null> => {
    if (bearer(request)) return null;
    const site = /^ParleySSO\s/i.test(request.headers.authorization ?? '') ? (await loadComment(deps, id, origin(request))).thread.siteId : undefined;
    return (await identify(parley, request, { site, changes: true }))?.account.id ?? null;
  };

  app.post<{ Body: PostBody }>('/api/v1/comments', {
    schema: { tags, summary: 'Post a comment or a reply', body: PostCommentBody, response: { 201: PostCommentReply, ...errors } },
    config: writeLimit(config),
  }, async (request, reply) => {
    const { notify, ...body } = request.body;
    // Signed in (session cookie with its CSRF token, or publisher SSO): the account is the author.
    const who = await identify(parley, request, { site: body.site, changes: true });
    if (!who && !body.author && cookies(request).has(SESSION_COOKIE)) throw new DomainError('SIGN_IN_REQUIRED', 'The session has ended; please sign in again.');
    const email = (who ? who.account.email : body.author?.email) ?? '';
    const verified = Boolean(who?.account.emailVerified);
    // Over the client's hourly subscription budget the comment is still posted; only the subscription is refused.
    let refused = false;
    if (notify?.length && email) {
      try {
        guardSubscription(parley, request, reply, body.site, { csrfChecked: who?.via === 'session' });
      } catch (e) {
        if (!(e instanceof DomainError && e.code === 'RATE_LIMITED')) throw e;
        reply.removeHeader('Retry-After');
        refused = true;
      }
    }
    const account = who && { id: who.account.id, sub: ssoSub(who.account), name: who.account.name, url: who.account.url, email: who.account.email, badge: who.account.badge, avatar: who.account.avatar ?? null };
    const result = await postComment(deps, { ...body, account, ip: request.ip, origin: origin(request) });
    let subscription: 'active' | 'pending' | 'refused' | undefined = refused ? 'refused' : undefined;
    for (const kind of email && !refused ? notify ?? [] : []) {
      // The comment is saved; a subscription that cannot be recorded must not turn its answer into an error.
      subscription = await requestSubscription(deps, { site: body.site, url: body.url, email, kind, mode: 'immediate', verified, origin: origin(request), ...(kind === 'comment' ? { commentId: result.comment.id } : {}) })
        .catch((e: Error) => (request.log.warn({ err: e }, 'subscription with a comment failed'), 'pending' as const));
    }
    return reply.code(201).send({
      comment: toPublicComment(result.comment), editToken: result.editToken, editableUntil: iso(result.editableUntil), textKnown: result.textKnown,
      ...(subscription ? { subscription } : {}),
    });
  });

  // GET /api/v1/comments?site=&url=&sort=&limit=&cursor= — the widget's read, served from pre-serialised pages
  app.get<{ Querystring: ListQuery }>('/api/v1/comments', {
    schema: { tags, summary: 'List a page of comments', querystring: ListCommentsQuery, response: { 200: CommentPageReply, ...errors } },
  }, async (request, reply) => {
    const q = request.query;
    const sort = q.sort ?? 'newest';
    const limit = q.limit ?? 20;
    const site = await loadSite(deps, q.site, origin(request));
    const threadKey = PageCache.threadKey(site.id, unwrap(canonicalUrl(q.url)));
    const pageKey = `${sort}|${limit}|${q.cursor ?? ''}`;
    const cached = pageCache.get(threadKey, pageKey);
    if (cached) {
      fastReads?.offer(request, { siteId: site.id, threadKey, pageKey, page: cached });
      return sendCached(request, reply, cached);
    }
    const generation = pageCache.generation(threadKey);
    const page = await listComments(deps, { site: q.site, url: q.url, sort, limit, cursor: decodeCursor(q.cursor), origin: origin(request) });
    const json = serializePage({
      comments: page.comments.map(toPublicComment), nextCursor: page.nextCursor && encodeCursor(page.nextCursor), total: page.total,
    });
    const stored = pageCache.set(threadKey, pageKey, generation, json);
    fastReads?.offer(request, { siteId: site.id, threadKey, pageKey, page: stored });
    return sendCached(request, reply, stored);
  });

  app.get<{ Params: { id: string }; Querystring: { site: string; url: string } }>('/api/v1/comments/:id/conversation', {
    schema: { tags, summary: 'A comment’s whole conversation (its top-level comment and all replies), on the page named', params: CommentIdParams, querystring: PageQuery, response: { 200: ConversationReply, ...errors } },
  }, async (request) => {
    const comments = await getConversation(deps, { id: request.params.id, ...request.query, origin: origin(request) });
    return { comments: comments.map(toPublicComment) };
  });

  app.patch<{ Params: { id: string }; Body: { body: string } }>('/api/v1/comments/:id', {
    schema: { tags, summary: 'Edit one’s own comment within the edit window', params: CommentIdParams, body: EditCommentBody, response: { 200: CommentReply, ...errors } },
    config: writeLimit(config),
  }, async (request) => {
    const accountId = await authorAccount(request, request.params.id);
    const comment = await editComment(deps, { id: request.params.id, token: bearer(request), accountId, body: request.body.body, origin: origin(request) });
    return { comment: toPublicComment(comment) };
  });

  app.delete<{ Params: { id: string } }>('/api/v1/comments/:id', {
    schema: { tags, summary: 'Delete one’s own comment within the edit window', params: CommentIdParams, response: { 200: CommentReply, ...errors } },
    config: writeLimit(config),
  }, async (request, reply) => {
    const accountId = await authorAccount(request, request.params.id);
    const comment = await deleteComment(deps, { id: request.params.id, token: bearer(request), accountId, origin: origin(request) });
    return comment.status === 'removed' ? reply.code(204).send() : { comment: toPublicComment(comment) };
  });

  app.post<{ Params: { id: string }; Body: { value: number } }>('/api/v1/comments/:id/vote', {
    schema: { tags, summary: 'Vote a comment up (1), down (-1) or take the vote back (0)', params: CommentIdParams, body: VoteBody, response: { 200: VoteReply, ...errors } },
    config: voteLimit(config),
  }, async (request) => {
    const voterKey = request.headers['x-parley-voter'];
    return voteComment(deps, { id: request.params.id, voterKey: typeof voterKey === 'string' ? voterKey : undefined, value: request.body.value, origin: origin(request), ip: request.ip });
  });

  app.post<{ Params: { id: string }; Body: { reaction: string | null } }>('/api/v1/comments/:id/react', {
    schema: { tags, summary: 'React to a comment (one of the site’s reactions), replacing one’s previous reaction; null takes it back', params: CommentIdParams, body: ReactBody, response: { 200: ReactReply, ...errors } },
    config: voteLimit(config),
  }, async (request) => {
    const voterKey = request.headers['x-parley-voter'];
    return reactComment(deps, { id: request.params.id, voterKey: typeof voterKey === 'string' ? voterKey : undefined, reaction: request.body.reaction, origin: origin(request) });
  });
}
