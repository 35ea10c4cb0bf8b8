/**
 * The interface between app.js and the lazily loaded passages.js (inline feedback). app.js loads passages.js only
 * when the embed tag's `data-content` names an article container that exists; passages.js sets
 * `window.__parleyPassages`, which the app calls once per widget.
 *
 * passages.js does everything passage-specific, so that app.js (loaded on every page) stays small: in the article
 * (text, selection, highlights, markers, panels) and in the widget (tabs, the Inline Feedbacks list, quotes above
 * comments). It renders with app.js's own Preact and comment components, handed over as a {@link Kit}: one Preact
 * instance (hooks work across both bundles), no component written twice.
 */
import type { ComponentChildren, VNode } from 'preact';
import type { render } from 'preact';
import type { jsx } from 'preact/jsx-runtime';
import type { useEffect, useRef, useState } from 'preact/hooks';
import type { PublicComment } from '../app/api.js';
import type { CommentForm } from '../app/CommentForm.js';
import type { CommentItem } from '../app/CommentItem.js';
import type { Widget } from '../app/widget.js';
import type { fmt, plural } from '../app/messages.js';
import type { saveAuthor, saveOwnComment } from '../app/local-store.js';
import type { addComments, removeComment, replaceComment } from '../app/thread-list.js';
import type { buildTree } from '../../core/comment/comment-tree.js';

/**
 * app.js's Preact and components, for passages.js (see passages/kit.ts), and helpers app.js carries anyway, so that
 * the lazily loaded bundles need no copies: `fmt`, `plural` (messages.ts), `saveOwnComment`, `saveAuthor` (local-store.ts),
 * `buildTree` (core/comment) and the list operations of thread-list.ts.
 */
export interface Kit {
  jsx: typeof jsx;
  render: typeof render;
  useState: typeof useState;
  useEffect: typeof useEffect;
  useRef: typeof useRef;
  CommentItem: typeof CommentItem;
  CommentForm: typeof CommentForm;
  fmt: typeof fmt;
  plural: typeof plural;
  saveOwnComment: typeof saveOwnComment;
  saveAuthor: typeof saveAuthor;
  buildTree: typeof buildTree;
  addComments: typeof addComments;
  replaceComment: typeof replaceComment;
  removeComment: typeof removeComment;
}

/** What passages.js gives one widget. */
export interface Passages {
  /** The discussion with tabs: "Inline Feedbacks" and "View all comments" (`all`, the app's list). */
  tabs(w: Widget, all: ComponentChildren): VNode;
  /** The quote shown above a passage comment (null for other comments). */
  quote(c: PublicComment): VNode | null;
  /** A comment posted or changed in the widget. */
  add(c: PublicComment): void;
  /** A comment deleted in the widget, and the placeholder it left (null when it disappeared). */
  remove(id: string, placeholder: PublicComment | null): void;
}

/** `window.__parleyPassages(kit, container, refresh)`; `refresh` re-renders the widget. */
export type PassagesWindow = Window & { __parleyPassages?: (kit: Kit, container: Element, refresh: () => void) => Passages };
