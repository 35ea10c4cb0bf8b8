/**
 * The loader publishers embed: `<script src="BASE/embed.js" data-site="SITE" async></script>`.
 * It reads its data-* attributes, loads BASE/widget/app.js and hands it the config through the
 * `window.__parley` queue. It talks to no other host, sets no cookie and stores nothing.
 */
import type { WidgetConfig, WidgetWindow } from './shared/config.js';
import { ownScript, pageUrl } from './shared/own-script.js';

const me = ownScript('embed.js');
if (me) {
  const { script, base } = me;
  const w = window as WidgetWindow;
  const lang = script.dataset.lang || document.documentElement.lang;
  if (!w.__parley) {
    w.__parley = [];
    const add = (tag: string, attrs: Record<string, string | boolean>) =>
      document.head.appendChild(Object.assign(document.createElement(tag), attrs));
    // Fetch the stylesheet while app.js loads; the app links it again inside its shadow root.
    add('link', { rel: 'preload', as: 'style', href: base + 'widget/app.css' });
    // Inserted scripts run async; with async=false in the order inserted: German first (shared/i18n.ts), then the app.
    if (/^de\b/i.test(lang)) add('script', { src: base + 'widget/i18n/de.js', async: false });
    add('script', { src: base + 'widget/app.js', async: false });
  }
  const start = () => {
    const d = script.dataset;
    const canonical = document.querySelector<HTMLLinkElement>('link[rel=canonical]');
    // data-sort, data-content, data-sso as they are (the app checks them).
    const config: WidgetConfig = {
      ...d,
      base,
      site: d.site ?? '',
      url: d.url || canonical?.href || pageUrl(),
      title: d.title || document.title,
      theme: d.theme || 'auto',
      lang,
      target: d.target || '#parley',
    };
    w.__parley!.push(config);
  };
  // Wait for the page so the target element and <link rel=canonical> exist.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}
