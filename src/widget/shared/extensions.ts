/**
 * The interface between app.js and its small lazily loaded extensions: reactions.js (loaded when the site has
 * reactions, `config.reactions`) and mentions.js (loaded when the reader first types `@` in a comment box). Each
 * registers a function in `window.__parleyExtensions` that the app calls once per widget with its Preact and components (the
 * {@link Kit} passages.js also gets) and a getter of the widget as of its last render; what it answers is merged
 * into the widget (`w`), where app.js's components find it.
 */
import type { VNode } from 'preact';
import type { PublicComment } from '../app/api.js';
import type { Widget } from '../app/widget.js';
import type { Kit } from './passages.js';

/** What the extensions add to the widget. */
export interface Extensions {
  /** reactions.js: the reaction buttons beside a comment's votes. */
  reactions?: ((c: PublicComment) => VNode) | undefined;
  /** mentions.js: the ids of the comments whose author the reader chose after `@` and whose `@Name` is still in `body`. */
  mentioned?: ((body: string) => string[]) | undefined;
}

export type Extension = (kit: Kit, widget: () => Widget) => Extensions;

/** `window.__parleyExtensions`, filled by reactions.js and mentions.js (the keys are their names). */
export type ExtensionWindow = Window & { __parleyExtensions?: { reactions?: Extension; mentions?: Extension } };

/** How a bundle registers itself. */
export const register = (name: 'reactions' | 'mentions', extension: Extension): void => {
  ((window as ExtensionWindow).__parleyExtensions ||= {})[name] = extension;
};
