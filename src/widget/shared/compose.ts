/**
 * The interface between app.js and the lazily loaded compose.js, everything of writing: sending a form (post or
 * edit), the formatting toolbar and help above a comment box, its keyboard shortcuts, the server's preview, the
 * length counter, and the messages of errors met only once the reader acts. app.js loads it only on the reader's
 * interaction (focus or pointer on a form, an error to show), so a reader who only reads never downloads it; until it is there, forms show without the toolbar (its row is kept)
 * and a form sent meanwhile waits for it. compose.js sets `window.__parleyCompose`, which the app calls once per
 * widget with its Preact (the {@link Kit}).
 */
import type { VNode } from 'preact';
import type { PostCommentBody } from '../../api/schemas.js';
import type { PostReply, PublicComment } from '../app/api.js';
import type { OwnComment } from '../app/local-store.js';
import type { Widget } from '../app/widget.js';
import type { Kit } from './passages.js';

/** The comment box a toolbar edits: the textarea, and how to tell the form its new text. */
export interface Box {
  area(): HTMLTextAreaElement | null;
  set(body: string): void;
}

/** What a comment form holds, and its fields' names. */
export interface Draft {
  body: string;
  name: string;
  email: string;
  url: string;
  notify: '' | 'page' | 'replies';
  field?: 'body' | 'name' | 'email' | 'url' | 'notify';
}

/** What a comment form is for: a reply to `parent`, an edit of one's own comment, a comment on a passage. */
export interface Target {
  parent?: PublicComment | undefined;
  edit?: { comment: PublicComment; own: OwnComment } | undefined;
  passage?: PostCommentBody['passage'] | undefined;
}

export interface Compose {
  /**
   * Sends a comment form: checks it, posts (or saves the edit), remembers author and edit token, tells the widget.
   * Answers the API's answer (undefined after an edit); throws `{ code, field }` ('' for the whole form).
   */
  send(w: Widget, draft: Draft, to: Target): Promise<PostReply | undefined>;
  /**
   * Edit and Delete under one's own comment while its edit window is open, with the minutes left (`about`: the
   * buttons' description; `act`: the reader chose one). The app loads compose.js when the list shows such a comment.
   */
  mine(w: Widget, own: OwnComment, about: object, act: (mode: 'edit' | 'delete') => void): VNode;
  /** compose.js's CSS (toolbar, help), which the app puts in the shadow root once compose.js is there. */
  css: string;
  /** The toolbar (Bold, Italic, Link, Quote) and the "Formatting help" disclosure. */
  tools(w: Widget, box: Box): VNode;
  /** Ctrl/⌘+B, I, K in the comment box; true when the key was a shortcut (and applied). */
  key(e: KeyboardEvent, box: Box): boolean;
  /** The server's rendering of `body` (`POST /api/v1/preview`), with a loading state and the refusal if any. */
  preview(w: Widget, body: string, mentions?: string[]): VNode;
  /** The length counter near the limit (`left` characters left, negative: too many), a polite live region. */
  counter(w: Widget, left: number): VNode;
  /** Messages of the API codes app.js does not word itself (met only once the reader acts), in the widget's language. */
  errors(w: Widget): Record<string, string>;
}

/** `window.__parleyCompose(kit)`. */
export type ComposeWindow = Window & { __parleyCompose?: (kit: Kit) => Compose };
