/**
 * The HTTP API as the widget uses it (docs/http-api.md). No cookies are sent (`credentials: 'omit'`) until the
 * reader signs in (account.js calls `auth`): then every call carries the session cookie, and state-changing calls
 * the session's CSRF token.
 */
import type { CommentPageReply, PublicComment } from '../../api/schemas.js';
import type { SortOrder } from '../../core/comment/sort.js';
import type { VoteResult, VoteValue } from '../../core/vote/vote.js';

export type { PublicComment };

export type { VoteResult };

/** What every failed call rejects with: the API's `{code, message}`, or `NETWORK` when it was not reached. */
export interface ApiError {
  code: string;
  /** The API's message, for developers (the widget shows its own words for the code). */
  message?: string;
}

/** The answer to a new comment; `textKnown` (passage comments) is false when the server lacks the article text. */
export interface PostReply {
  comment: PublicComment;
  editToken: string;
  editableUntil: string;
  textKnown: boolean;
  /** With notify: `active` (a signed-in reader's verified address) or `pending` (a confirmation mail is due). */
  subscription?: 'active' | 'pending' | 'refused';
}

/** `GET /api/v1/config`: what the server can do for this site (a missing field means off or empty). */
export interface SiteConfig {
  site?: { id: string; name: string };
  mail?: boolean;
  signIn?: ('email' | 'sso')[];
  maxCommentLength?: number;
  editWindowSeconds?: number;
  reactions?: string[];
}

export const isApiError = (e: unknown): e is ApiError => typeof (e as ApiError | null)?.code === 'string';

/** `sso` gives the publisher's SSO token, if any: sent as `Authorization: ParleySSO` on new comments. */
export function createApi(base: string, sso: () => string | undefined) {
  /** With cookies (signed in, or signing in), and the session's CSRF token. */
  let creds = false;
  let csrf = '';
  async function call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    let res: Response;
    if (csrf && method !== 'GET') headers = { 'X-Parley-CSRF': csrf, ...headers };
    try {
      res = await fetch(`${base}api/v1/${path}`, {
        method,
        credentials: creds ? 'include' : 'omit',
        headers: body === undefined ? headers : { ...headers, 'Content-Type': 'application/json' },
        body: body === undefined ? null : JSON.stringify(body),
      });
    } catch {
      throw { code: 'NETWORK' } satisfies ApiError;
    }
    // 204 (no body) and a body that is not JSON: undefined.
    const data = await res.json().catch(() => undefined);
    if (!res.ok) throw (data?.error ?? { code: 'INTERNAL' }) as ApiError;
    return data as T;
  }
  const comment = (id: string) => `comments/${encodeURIComponent(id)}`;

  return {
    call,
    sso,
    /** Whether a session's CSRF token is set (signed in with a Parley account). */
    session: () => !!csrf,
    /** Cookies on (`include`) or off; `token`: the session's CSRF token, sent on every state-changing call. */
    auth(include: boolean, token = '') {
      creds = include;
      csrf = token;
    },
    list(site: string, url: string, sort: SortOrder, cursor?: string | null, limit?: number): Promise<CommentPageReply> {
      const q = new URLSearchParams({ site, url, sort });
      if (cursor) q.set('cursor', cursor);
      if (limit) q.set('limit', String(limit));
      return call('GET', `comments?${q}`);
    },
    config: (site: string) => call<SiteConfig>('GET', `config?site=${encodeURIComponent(site)}`),
    conversation: (id: string, site: string, url: string) =>
      call<{ comments: PublicComment[] }>('GET', `${comment(id)}/conversation?${new URLSearchParams({ site, url })}`),
    /** A token for subscription requests ("Notify of"), bound to the site and this client. */
    csrf: (site: string) => call<{ token: string }>('GET', `csrf?site=${encodeURIComponent(site)}`),
    vote: (id: string, value: VoteValue, voter: string) =>
      call<VoteResult>('POST', `${comment(id)}/vote`, { value }, { 'X-Parley-Voter': voter }),
  };
}

export type Api = ReturnType<typeof createApi>;
