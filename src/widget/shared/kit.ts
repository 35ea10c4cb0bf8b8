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

export const jsx = forward('jsx');
export const jsxs = jsx;
export const render = forward('render');
export const useState = forward('useState');
export const useEffect = forward('useEffect');
export const useRef = forward('useRef');
