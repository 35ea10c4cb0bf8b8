import { err, ok, type Result } from '../errors.js';
import type { Passage } from '../passage/passage.js';
import { cleanName } from './name.js';
import type { ReactionCounts } from '../reaction/reaction.js';

/** published: shown; deleted: a "[deleted]" placeholder kept because it has replies; removed: hidden entirely. */
export type CommentStatus = 'published' | 'deleted' | 'removed';

export interface Author {
  name: string;
  email: string | null;
  url: string | null;
  /** Signed-in authors: author (the column's writer) or staff of the site; guests: none. */
  badge?: Badge | null;
  /** True when the author is a signed-in account (email verified) or a publisher SSO user. */
  verified?: boolean;
  /** The author's own picture (an https URL the publisher gave through SSO), as it was when posted. */
  avatar?: string | null;
  /** 8 lowercase hex characters derived from the author's identity on the site (not reversible): initials' colour. */
  key?: string;
}

export type Badge = 'author' | 'staff';
export const BADGES: readonly Badge[] = ['author', 'staff'];

export interface Comment {
  id: string;
  threadId: string;
  parentId: string | null;
  depth: number;
  author: Author;
  bodyMarkdown: string;
  bodyHtml: string;
  status: CommentStatus;
  createdAt: number;
  editedAt: number | null;
  upvotes: number;
  downvotes: number;
  /** Number of direct replies that are not removed. */
  replyCount: number;
  /** For a comment on a passage of the article: its anchor. */
  passage: Passage | null;
  /** The signed-in account that wrote it, if any. */
  accountId?: string | null;
  /** Readers' reactions: only keys with a count above 0 (absent: none). */
  reactions?: ReactionCounts;
  /** Ids of the comments its @mentions link (same thread), kept so that an edit renders them again. */
  mentions?: string[];
}

export interface CommentLimits {
  maxBodyLength: number;
  maxNameLength: number;
}

export interface CommentDraft {
  body: string;
  author: { name: string; email?: string | null | undefined; url?: string | null | undefined };
}

export interface ValidDraft {
  body: string;
  author: Author;
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Cleans and checks a comment body: control characters removed, line endings unified, trimmed. */
export function validateBody(body: string, limits: CommentLimits): Result<string> {
  const clean = body.replace(/\r\n?/g, '\n').replace(CONTROL, '').trim();
  if (clean.length === 0) return err('BODY_EMPTY', 'The comment is empty.');
  if (clean.length > limits.maxBodyLength) {
    return err('BODY_TOO_LONG', `The comment is longer than ${limits.maxBodyLength} characters.`, {
      maxLength: limits.maxBodyLength,
    });
  }
  return ok(clean);
}

/** Checks a new comment's text and guest author; returns the cleaned values. */
export function validateDraft(draft: CommentDraft, limits: CommentLimits): Result<ValidDraft> {
  const body = validateBody(draft.body, limits);
  if (!body.ok) return body;
  const name = cleanName(draft.author.name);
  if (name.length === 0) return err('NAME_REQUIRED', 'A name is required.');
  if (name.length > limits.maxNameLength) {
    return err('NAME_TOO_LONG', `The name is longer than ${limits.maxNameLength} characters.`);
  }
  const email = draft.author.email?.trim() || null;
  if (email !== null && (email.length > 254 || !EMAIL.test(email))) {
    return err('EMAIL_INVALID', 'The email address is not valid.');
  }
  const url = draft.author.url?.trim() || null;
  if (url !== null && !isHttpUrl(url)) return err('AUTHOR_URL_INVALID', 'The website must be an http(s) URL.');
  return ok({ body: body.value, author: { name, email: email?.toLowerCase() ?? null, url } });
}

/** An absolute http(s) URL of at most 2,048 characters (authors' websites). */
export function isHttpUrl(value: string): boolean {
  if (value.length > 2048) return false;
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Checks that a reply's parent exists on the same page and can still be answered. */
export function checkParent(parent: Comment | undefined, threadId: string): Result<Comment> {
  if (!parent || parent.status === 'removed') return err('PARENT_NOT_FOUND', 'The comment you reply to does not exist.');
  if (parent.threadId !== threadId) return err('PARENT_OTHER_PAGE', 'The comment you reply to is on another page.');
  if (parent.status === 'deleted') return err('PARENT_DELETED', 'The comment you reply to was deleted.');
  return ok(parent);
}

export interface NewComment {
  id: string;
  threadId: string;
  parent: Comment | null;
  draft: ValidDraft;
  bodyHtml: string;
  now: number;
  passage?: Passage | null;
}

/** Builds a new published comment from checked parts. */
export function createComment(input: NewComment): Comment {
  return {
    id: input.id,
    threadId: input.threadId,
    parentId: input.parent?.id ?? null,
    depth: input.parent ? input.parent.depth + 1 : 0,
    author: input.draft.author,
    bodyMarkdown: input.draft.body,
    bodyHtml: input.bodyHtml,
    status: 'published',
    createdAt: input.now,
    editedAt: null,
    upvotes: 0,
    downvotes: 0,
    replyCount: 0,
    passage: input.passage ?? null,
  };
}

export const score = (c: Pick<Comment, 'upvotes' | 'downvotes'>): number => c.upvotes - c.downvotes;
