import type { ComponentChild, ComponentChildren } from 'preact';
import type { OwnComment } from './local-store.js';
import type { User } from '../shared/account.js';
import type { WidgetConfig } from '../shared/config.js';
import type { Compose } from '../shared/compose.js';
import type { Extensions } from '../shared/extensions.js';
import type { Api, PublicComment, SiteConfig } from './api.js';
import type { Messages } from './messages.js';

/**
 * What every component of one widget shares: config, API, strings and the list's actions. Passed down
 * as the `w` prop (cheaper than a context in a size-budgeted bundle).
 */
export interface Widget extends Extensions {
  cfg: WidgetConfig;
  api: Api;
  t: Messages;
  /**
   * Says `text` through the polite live region and shows it for a few seconds, in the flow (never over comment
   * text): under the comment `near` when given, else at the end of the widget.
   */
  announce(text: string, near?: string): void;
  /** The visible status line under the comment `id`, if the last message is about it. */
  toast(id: string): ComponentChild;
  /**
   * compose.js (toolbar, help, preview, counter, delete confirmation) once loaded; `needCompose` loads it now (on
   * the reader's interaction only), null if it could not.
   */
  compose?: Compose | null | undefined;
  needCompose(): Promise<Compose | null>;
  /** Error text for a failure thrown by the API helper (loading compose.js first when only it words the code). */
  fail(err: unknown): Promise<string>;
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
  /** The "new replies to this comment" form (account.js, loaded on first use; nothing until it is there). */
  follow(c: PublicComment, done: () => void): ComponentChild;
  /** Edit and Delete of one's own comment in its edit window, with the minutes left (compose.js, loaded then). */
  mine(own: OwnComment, about: object, act: (mode: 'edit' | 'delete') => void): ComponentChild;
  /** "Delete this comment?", which deletes it (account.js, as `follow`). */
  confirmDelete(c: PublicComment, token: string, done: () => void): ComponentChild;
  /** The choices of "Notify of" in a comment form (account.js, as `follow`). */
  notify(control: object): ComponentChildren;
  /** The passage quote above a comment (from passages.js, when loaded). */
  quote?: ((c: PublicComment) => ComponentChild) | undefined;
  /** The reader typed `@` in a comment box: loads mentions.js (once). */
  at(): void;
  /** The comments loaded (mentions.js offers their authors). */
  list?: PublicComment[];
  /** What the server offers this site (`GET /api/v1/config`), once it has answered. */
  config?: SiteConfig | undefined;
}

/** The element id of a comment, also used in permalinks (`#parley-comment-<id>`). */
export const commentAnchor = (id: string): string => `parley-comment-${id}`;
