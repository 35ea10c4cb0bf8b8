/**
 * Every error Parley reports to a client has one of these stable codes. Clients (the widget, other tools)
 * may rely on them; the HTTP status for each code lives in `server/http/error-status.ts`.
 */
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'INVALID_JSON'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'PAYLOAD_TOO_LARGE'
  | 'SITE_NOT_FOUND'
  | 'ORIGIN_NOT_ALLOWED'
  | 'INVALID_URL'
  | 'BODY_EMPTY'
  | 'BODY_TOO_LONG'
  | 'NAME_REQUIRED'
  | 'NAME_TOO_LONG'
  | 'EMAIL_INVALID'
  | 'AUTHOR_URL_INVALID'
  | 'PARENT_NOT_FOUND'
  | 'PARENT_OTHER_PAGE'
  | 'PARENT_DELETED'
  | 'COMMENT_NOT_FOUND'
  | 'COMMENT_DELETED'
  | 'NOT_AUTHOR'
  | 'EDIT_WINDOW_PASSED'
  | 'VOTE_INVALID'
  | 'VOTER_REQUIRED'
  | 'REACTION_INVALID'
  | 'CURSOR_INVALID'
  | 'PASSAGE_INVALID'
  | 'PASSAGE_ON_REPLY'
  | 'SITE_KEY_INVALID'
  | 'TEXT_TOO_LONG'
  | 'RATE_LIMITED'
  | 'CSRF_INVALID'
  | 'SIGN_IN_REQUIRED'
  | 'SIGN_IN_LINK_INVALID'
  | 'MAIL_DISABLED'
  | 'SSO_INVALID'
  | 'AUTHOR_BANNED'
  | 'NOT_FOUND'
  | 'HEADERS_TOO_LARGE'
  | 'REQUEST_TIMEOUT'
  | 'SERVICE_UNAVAILABLE'
  | 'STORAGE_FULL'
  | 'INTERNAL';

/** An expected failure that carries a stable code. Thrown by use cases, mapped to HTTP in one place. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

/** Expected outcomes of pure core functions: a value or a coded error, never a throw. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: DomainError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = <T = never>(code: ErrorCode, message: string, details?: Record<string, unknown>): Result<T> => ({
  ok: false,
  error: new DomainError(code, message, details),
});

/** Unwraps a Result, throwing its DomainError: for use in the imperative shell. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw result.error;
  return result.value;
}

export function exhaustive(value: never): never {
  throw new Error(`unexpected value: ${String(value)}`);
}
