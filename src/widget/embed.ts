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
  if (!w.__parley) {
    w.__parley = [];
    const add = (tag: string, attrs: Record<string, string>) =>
      document.head.appendChild(Object.assign(document.createElement(tag), attrs));
    // Fetch the stylesheet while app.js loads; the app links it again inside its shadow root.
    add('link', { rel: 'preload', as: 'style', href: base + 'widget/app.css' });
    add('script', { src: base + 'widget/app.js' }); // inserted scripts run async
  }
  const start = () => {
    const d = script.dataset;
    const canonical = document.querySelector<HTMLLinkElement>('link[rel=canonical]');
    const config: WidgetConfig = {
      base,
      site: d.site ?? '',
      url: d.url || canonical?.href || pageUrl(),
      title: d.title || document.title,
      theme: d.theme || 'auto',
      sort: d.sort,
      lang: d.lang,
      content: d.content,
      target: d.target || '#parley',
      sso: d.sso,
    };
    w.__parley!.push(config);
  };
  // Wait for the page so the target element and <link rel=canonical> exist.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}
