/**
 * The interface between app.js and the lazily loaded account.js: the reader's own things (signing in, "Notify me of
 * replies" under a comment and "Notify of" in the form, deleting one's own comment after the in-widget confirmation). app.js loads account.js only when it is needed: the reader clicks "Sign in"
 * or "Notify me of replies", the address bar carries a sign-in link's `#parley-signin=` token, this browser signed in
 * before (`parley:account` in localStorage), the publisher passes an SSO token, the reader clicks Delete under their
 * own comment, or the form offers "Notify of" (mail on, an address typed or signed in). account.js sets `window.__parleyAccount`, which the app
 * calls once per widget, handing over its Preact and components (the {@link Kit} passages.js also gets).
 */
import type { ComponentChildren, VNode } from 'preact';
import type { PublicComment } from '../app/api.js';
import type { Widget } from '../app/widget.js';
import type { Kit } from './passages.js';

/** The signed-in reader, as `GET /api/v1/me` answers. */
export interface User {
  id: string;
  name: string;
  url: string | null;
  badge: 'author' | 'staff' | null;
  /** `email`: a Parley account (magic link); `sso`: the publisher's user. */
  via: 'email' | 'sso';
}

/** What the app gives account.js: the widget, and how to tell the app who is signed in. */
export interface AccountHost {
  w: Widget;
  setUser(user: User | null): void;
  /** Opened by the reader's click on "Sign in": the email form shows at once, focused. */
  open: boolean;
}

/** What account.js gives one widget. */
export interface Account {
  /** The account line above the form: "Sign in" (with its email form), or who is signed in and "Sign out". */
  bar(user: User | null): VNode;
  /** The "new replies to this comment" subscription form under a comment; `done` closes it. */
  follow(c: PublicComment, user: User | null, done: () => void): VNode;
  /** "Delete this comment?" in the widget; "Delete" deletes it (`token`: its edit token). `done` closes it. */
  confirmDelete(c: PublicComment, token: string, done: () => void): VNode;
  /** The choices of "Notify of" in a comment form (`control`: the props of its `notify` field). */
  notify(control: object): ComponentChildren;
}

/** `window.__parleyAccount(kit, host)`. */
export type AccountWindow = Window & { __parleyAccount?: (kit: Kit, host: AccountHost) => Account };

/** The localStorage key remembering that this browser signed in (so the next page asks /me; else it never does). */
export const SIGNED_IN_KEY = 'parley:account';
