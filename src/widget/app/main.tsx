/**
 * The app entry (BASE/widget/app.js): mounts one widget per config pushed on `window.__parley`, each in
 * an open shadow root on its target element so the host page's CSS does not reach it.
 */
import { render } from 'preact';
import type { WidgetConfig, WidgetWindow } from '../shared/config.js';
import type { I18nWindow } from '../shared/i18n.js';
import { App } from './App.js';
import { catalogues } from './messages.js';

const mounted = new WeakMap<Element, HTMLElement>();

function mount(cfg: WidgetConfig): void {
  const host = document.querySelector(cfg.target);
  if (!host) return void console.error(`Parley: no element matches ${cfg.target}`);
  const old = mounted.get(host);
  if (old) render(null, old);
  const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = `${cfg.base}widget/app.css`;
  const box = document.createElement('div');
  // Render once the stylesheet is there (embed.js preloaded it), so no unstyled flash shows.
  link.onload = link.onerror = () => render(<App cfg={cfg} />, box);
  shadow.replaceChildren(link, box);
  mounted.set(host, box);
}

const w = window as WidgetWindow & I18nWindow;
// A language's catalogue, when embed.js loaded one (it ran first: shared/i18n.ts).
Object.assign(catalogues, w.__parleyCatalogues);
const queued = w.__parley;
w.__parley = { push: mount };
if (Array.isArray(queued)) queued.forEach(mount);
