import type { ComponentChild } from 'preact';
import type { User } from '../shared/account.js';
import type { WidgetConfig } from '../shared/config.js';
import type { Api, PublicComment } from './api.js';
import type { Messages } from './messages.js';

/**
 * What every component of one widget shares: config, API, strings and the list's actions. Passed down
 * as the `w` prop (cheaper than a context in a size-budgeted bundle).
 */
export interface Widget {
  cfg: WidgetConfig;
  api: Api;
  t: Messages;
  /** Says `text` through the polite live region. */
  announce(text: string): void;
  /** Error text for a failure thrown by the API helper. */
  fail(err: unknown): string;
  /** A comment the reader just posted; `stay`: keep focus where it is (e.g. in a panel in the article). */
  posted(comment: PublicComment, stay?: boolean): void;
  changed(comment: PublicComment): void;
  /** After a delete: the placeholder that stays, or null when the comment disappeared. */
  removed(id: string, placeholder: PublicComment | null): void;
  /** Scrolls to and focuses a comment; `mark` also highlights it. */
  reveal(id: string, mark?: boolean): void;
  /** The highlighted comment (from the URL hash or the last reveal). */
  target: string | null;
  /** The signed-in reader (account.js), or null. */
  user: User | null;
  /** The "new replies to this comment" form (account.js, loaded on first use). */
  follow(c: PublicComment, done: () => void): ComponentChild;
  /** The passage quote above a comment (from passages.js, when loaded). */
  quote?: ((c: PublicComment) => ComponentChild) | undefined;
}

/** The element id of a comment, also used in permalinks (`#parley-comment-<id>`). */
export const commentAnchor = (id: string): string => `parley-comment-${id}`;
