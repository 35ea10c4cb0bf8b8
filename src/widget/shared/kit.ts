/**
 * What `preact`, `preact/hooks` and `preact/jsx-runtime` resolve to inside passages.js and account.js (scripts/build-widget.mjs):
 * forwarders to app.js's own Preact, handed over at start-up ({@link setKit}). Sources import Preact as usual (and
 * are type-checked against it); the bundle carries no second copy, and hooks run in the one instance that
 * renders them.
 */
import type { Kit } from './passages.js';

export let kit: Kit;

export const setKit = (k: Kit): void => {
  kit = k;
};

const forward = <K extends keyof Kit>(name: K): Kit[K] =>
  ((...args: unknown[]) => (kit[name] as (...a: unknown[]) => unknown)(...args)) as Kit[K];

// Pure: a bundle carries only the forwarders it uses.
export const jsx = /* @__PURE__ */ forward('jsx');
export const jsxs = jsx;
export const render = /* @__PURE__ */ forward('render');
export const useState = /* @__PURE__ */ forward('useState');
export const useEffect = /* @__PURE__ */ forward('useEffect');
export const useRef = /* @__PURE__ */ forward('useRef');
/** app.js's own helpers (a bundle imports them from here instead of from app/messages.ts, app/local-store.ts, app/thread-list.ts, core/comment). */
export const fmt = /* @__PURE__ */ forward('fmt');
export const plural = /* @__PURE__ */ forward('plural');
export const saveOwnComment = /* @__PURE__ */ forward('saveOwnComment');
export const saveAuthor = /* @__PURE__ */ forward('saveAuthor');
export const buildTree = /* @__PURE__ */ forward('buildTree');
export const addComments = /* @__PURE__ */ forward('addComments');
export const replaceComment = /* @__PURE__ */ forward('replaceComment');
export const removeComment = /* @__PURE__ */ forward('removeComment');
