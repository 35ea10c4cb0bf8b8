/**
 * What the loader (embed.js) hands to the app (app.js) for one widget on the page. Values are raw
 * `data-*` attributes: the app validates them, so the loader stays tiny.
 */
export interface WidgetConfig {
  /** Parley's base URL, ending with "/" (the folder embed.js was loaded from). */
  base: string;
  site: string;
  /** The page's URL: `data-url`, else `<link rel=canonical>`, else `location.href` without its hash. */
  url: string;
  title: string;
  /** `light`, `dark` or `auto` (anything else means `auto`). */
  theme: string;
  /** `newest`, `oldest` or `top`. */
  sort?: string | undefined;
  /** `data-lang`, else the page's `<html lang>`: picks the catalogue. */
  lang?: string | undefined;
  /** CSS selector of the article container: turns on inline feedback (passages.js) when it matches. */
  content?: string | undefined;
  /** CSS selector of the element the widget renders into. */
  target: string;
  /** The publisher's SSO token for its signed-in user (`data-sso`; `window.parleySso()` wins). */
  sso?: string | undefined;
}

/**
 * `window.__parley`: an array of configs while app.js is loading; once loaded, the app replaces it with
 * an object whose `push` mounts a widget at once. Loaders always call `push`, so both work.
 */
export interface WidgetQueue {
  push(config: WidgetConfig): unknown;
}

export type WidgetWindow = Window & { __parley?: WidgetQueue | WidgetConfig[] };
