/**
 * Every string the widget shows, in one catalogue per language (English first). Templates use
 * `{name}` placeholders (see `fmt`); counted phrases are plural forms chosen by `Intl.PluralRules`
 * (see `plural`). To add a language, copy `en`, translate it, set `locale`, and add it to `catalogues`.
 */
import type { ErrorCode } from '../../core/errors.js';

/** Plural forms keyed by `Intl.PluralRules` categories; `other` is required. `{n}` is the count. */
export type Plural = { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;

/** Errors the widget itself can meet besides the API's codes. */
export type ClientErrorCode = 'NETWORK';

/**
 * API codes app.js has no message for, saving bytes on every page: those the widget's own calls cannot meet
 * (publisher and operator calls, requests it never sends: malformed bodies, votes other than 1/-1/0 or without its
 * own voter key; unknown routes), shown as INTERNAL if they ever arrive,
 * and SIGN_IN_LINK_INVALID and MAIL_DISABLED, which only account.js meets and words itself (`enAccount`).
 * SERVICE_UNAVAILABLE and STORAGE_FULL (a database outage, 503) are met but need no words of their own: INTERNAL's
 * "Something went wrong. Please try again later." says what the reader can do.
 */
export const NOT_IN_WIDGET = [
  'INVALID_JSON', 'UNSUPPORTED_MEDIA_TYPE', 'SITE_KEY_INVALID', 'TEXT_TOO_LONG', 'NOT_FOUND', 'PARENT_OTHER_PAGE', 'PASSAGE_ON_REPLY', 'VOTE_INVALID',
  'VOTER_REQUIRED', 'REACTION_INVALID', 'SIGN_IN_LINK_INVALID', 'MAIL_DISABLED', 'HEADERS_TOO_LARGE', 'REQUEST_TIMEOUT', 'SERVICE_UNAVAILABLE', 'STORAGE_FULL',
] as const;

/**
 * The codes app.js words itself: those the first page can meet, and the fallbacks. The others are met only once the
 * reader acts: their messages are in `composeText.errors`, which `errorText` consults next (the app loads
 * compose.js to show one).
 */
type FirstPageError = 'SITE_NOT_FOUND' | 'ORIGIN_NOT_ALLOWED' | 'INVALID_URL' | 'RATE_LIMITED' | 'INTERNAL' | ClientErrorCode;

/** Shared with count.js, which must stay small. */
export const commentCount: Plural = { one: '{n} comment', other: '{n} comments' };

export const en = {
  locale: 'en',
  heading: 'What do you think?',
  comments: commentCount,
  commentsLabel: 'Comments',
  empty: 'No comments yet.',
  sortBy: 'Sort by',
  newest: 'Newest',
  oldest: 'Oldest',
  top: 'Most voted',
  body: 'Your comment',
  name: 'Name',
  email: 'Email (optional, never shown)',
  website: 'Website (optional)',
  notify: 'Notify of',
  checkInbox: 'Check your inbox to confirm',
  subscribed: 'Subscribed',
  signIn: 'Sign in',
  follow: 'Notify me of replies',
  author: 'Author',
  staff: 'Staff',
  verified: 'Verified',
  preview: 'Preview',
  post: 'Post comment',
  postReply: 'Post reply',
  posting: 'Posting…',
  cancel: 'Cancel',
  save: 'Save',
  reply: 'Reply',
  replyTo: 'Reply to {name}',
  inReplyTo: 'in reply to {name}',
  edit: 'Edit',
  edited: '(edited)',
  deleted: '[deleted]',
  upvote: 'Upvote',
  downvote: 'Downvote',
  votes: '{up} up, {down} down',
  linkCopied: 'Link copied',
  loadMore: 'Load more',
  viewAll: 'View all comments',
  loading: 'Loading…',
  retry: 'Try again',
  posted: 'Comment posted',
  loadedMore: { one: '{n} more comment loaded', other: '{n} more comments loaded' } as Plural,
  newComments: { one: '{n} new comment', other: '{n} new comments' } as Plural,
  errors: {
    SITE_NOT_FOUND: 'Comments are not set up for this site.',
    ORIGIN_NOT_ALLOWED: 'Comments are not enabled on this website.',
    INVALID_URL: 'This page cannot have comments.',
    RATE_LIMITED: 'Too many requests. Please wait a moment.',
    INTERNAL: 'Something went wrong. Please try again later.',
    NETWORK: 'The comments server could not be reached.',
  } satisfies Record<FirstPageError, string>,
};

/**
 * A language's catalogue; one loaded with a language (i18n/de.js) also carries the strings of the lazily loaded
 * bundles, which otherwise use their English ones (`w.t.passages || enPassages`).
 */
export type Messages = typeof en & { passages?: PassageMessages; account?: AccountMessages; reactions?: ReactionMessages; compose?: ComposeMessages; mentions?: MentionMessages };

export const catalogues: Record<string, Messages> = { en };

/** The catalogue for a language tag (`de-CH` → `de`), English when there is none. */
export const messagesFor = (lang = ''): Messages => catalogues[lang.toLowerCase().split('-')[0]!] ?? en;

/**
 * Strings only passages.js shows (inline feedback), kept apart so that app.js does not carry them. `{quotes}` is
 * the list of quoted passages; the shortcut is documented in src/widget/README.md.
 */
export const enPassages = {
  inline: 'Inline Feedbacks',
  noInline: 'No inline feedback yet: select a passage of the article to comment on it.',
  close: 'Close',
  passageEdited: 'passage edited since this comment',
  passageChanged: 'this passage has changed',
  comment: 'Comment on this passage',
  answer: 'Answer: {q}',
  marker: { one: '{n} comment on {quotes}', other: '{n} comments on {quotes}' } as Plural,
  selected: 'Passage selected: press Tab, then Enter, or Alt+Shift+C to comment on it.',
  selectedTouch: 'Passage selected: tap “Comment on this passage” to comment on it.',
  commenting: 'Commenting on “{quote}”',
};

export type PassageMessages = typeof enPassages;

export const passageCatalogues: Record<string, PassageMessages> = { en: enPassages };

/**
 * Strings only account.js shows (signing in, "Notify me of replies" and the choices of "Notify of", Edit and Delete
 * of one's own comments), kept apart so that app.js does not carry them.
 */
export const enAccount = {
  notifyNone: 'nothing',
  notifyPage: 'new follow-up comments',
  notifyReplies: 'new replies to my comments',
  delete: 'Delete',
  confirmDelete: 'Delete this comment?',
  removed: 'Comment deleted',
  signInTitle: 'Sign in with your email',
  signInNote: 'We email you a link: no password. It works for 15 minutes, in this browser.',
  sendLink: 'Email me a link',
  sending: 'Sending…',
  linkSent: 'Check your inbox at {email} and open the link in this browser.',
  signingIn: 'Signing in…',
  mailOff: 'Signing in by email is not available on this site.',
  linkInvalid: 'This sign-in link has expired, was used already, or was opened in another browser than the one that asked for it.',
  signedIn: 'Signed in as {name}',
  signedInSso: 'Signed in as {name} (with {site})',
  signOut: 'Sign out',
  signOutAll: 'Sign out everywhere',
  signedOut: 'Signed out',
  followTitle: 'Email me new replies to this comment',
  followPassage: 'Email me new replies on this passage',
  how: 'How often',
  immediate: 'at once',
  hourly: 'hourly digest',
  daily: 'daily digest',
  subscribe: 'Subscribe',
};

export type AccountMessages = typeof enAccount;

export const accountCatalogues: Record<string, AccountMessages> = { en: enAccount };

/**
 * Strings only compose.js shows (sending, Edit and Delete of one's own comment, formatting toolbar and help, preview,
 * counter);
 * `rules`: the Markdown the server keeps.
 */
export const composeText = {
  updated: 'Comment updated',
  delete: 'Delete',
  editFor: { one: 'You can edit this for {n} more minute', other: 'You can edit this for {n} more minutes' } as Plural,
  toolbar: 'Formatting',
  bold: 'Bold',
  italic: 'Italic',
  link: 'Link',
  quote: 'Quote',
  help: 'Formatting help',
  rules: [
    ['**bold**', 'bold'],
    ['_italic_', 'italic'],
    ['~~struck~~', 'struck through'],
    ['[text](https://…)', 'link (web addresses link by themselves)'],
    ['> text', 'quote'],
    ['- item, 1. item', 'lists'],
    ['`code`', 'code; a block between ``` lines'],
    ['(blank line)', 'new paragraph'],
  ] as [string, string][],
  notAllowed: 'No headings or HTML; images show as links.',
  charsLeft: { one: '{n} character left', other: '{n} characters left' } as Plural,
  charsOver: { one: '{n} character too many', other: '{n} characters too many' } as Plural,
  errors: {
    BODY_EMPTY: 'Please write a comment.',
    NAME_REQUIRED: 'Please enter your name.',
    PAYLOAD_TOO_LARGE: 'Your comment is too long.',
    VALIDATION_FAILED: 'Please check the form.',
    BODY_TOO_LONG: 'Your comment is too long: at most {max} characters.',
    NAME_TOO_LONG: 'Your name is too long.',
    EMAIL_INVALID: 'Please enter a valid email address.',
    AUTHOR_URL_INVALID: 'The website must start with http:// or https://',
    PARENT_NOT_FOUND: 'That comment no longer exists.',
    PARENT_DELETED: 'That comment was deleted.',
    COMMENT_NOT_FOUND: 'That comment no longer exists.',
    COMMENT_DELETED: 'That comment was deleted.',
    NOT_AUTHOR: 'Only the author can change this comment.',
    EDIT_WINDOW_PASSED: 'The time to edit this comment has passed.',
    CURSOR_INVALID: 'Could not load more. Please reload the page.',
    PASSAGE_INVALID: 'This passage could not be quoted. Please select it again.',
    CSRF_INVALID: 'Please reload the page and try again.',
    SIGN_IN_REQUIRED: 'Please sign in again.',
    SSO_INVALID: 'Please sign in again.',
    AUTHOR_BANNED: 'You may not comment here.',
  } satisfies Record<Exclude<ErrorCode, (typeof NOT_IN_WIDGET)[number] | FirstPageError>, string>,
};

export type ComposeMessages = typeof composeText;

/** Strings only reactions.js shows. `names`: the reaction keys of the API (the widget shows them as emoji). */
export const enReactions = {
  label: 'Reactions',
  add: 'Add a reaction',
  reactWith: 'React with {name}',
  count: { one: '{name}: {n} reaction', other: '{name}: {n} reactions' } as Plural,
  names: { like: 'Like', love: 'Love', laugh: 'Haha', wow: 'Wow', sad: 'Sad', angry: 'Angry' },
  invalid: 'This reaction is not available here.',
};

export type ReactionMessages = typeof enReactions;

/** Strings only mentions.js shows (the list of names offered after `@` in a comment box). */
export const enMentions = {
  label: 'People in this discussion',
};

export type MentionMessages = typeof enMentions;

/** Fills `{name}` placeholders; unknown ones are left as they are. */
export const fmt = (template: string, vars: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in vars ? String(vars[key]) : whole));

/** The plural form for `n`, with `{n}` filled in (formatted for the locale). */
export const plural = (forms: Plural, n: number, locale = 'en'): string =>
  fmt(forms[new Intl.PluralRules(locale).select(n)] ?? forms.other, { n: n.toLocaleString(locale) });

/**
 * The message for an error code: the catalogue's, else compose.js's (`later`, once loaded), else INTERNAL's.
 */
export const errorText = (t: Messages, code: string, later?: Record<string, string>): string =>
  (t.errors as Record<string, string>)[code] ?? later?.[code] ?? t.errors.INTERNAL;
