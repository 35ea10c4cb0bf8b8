/**
 * Comment counts for article lists: `<script src="BASE/count.js" data-site="SITE" async></script>` fills
 * every `[data-parley-count]` element (page URL in `data-url`, else its own href, else this page) with
 * "N comments", or the bare number when `data-parley-count="number"`. One request per 100 URLs.
 */
import { commentCount, plural } from './app/messages.js';
import { ownScript, pageUrl } from './shared/own-script.js';

const me = ownScript('count.js');

async function fill(): Promise<void> {
  if (!me) return;
  const els = [...document.querySelectorAll<HTMLElement>('[data-parley-count]')];
  const urlOf = (el: HTMLElement) => el.dataset.url || (el as HTMLAnchorElement).href?.split('#')[0] || pageUrl();
  const urls = [...new Set(els.map(urlOf))];
  const counts: Record<string, number> = {};
  for (let i = 0; i < urls.length; i += 100) {
    const q = new URLSearchParams({ site: me.script.dataset.site ?? '' });
    for (const url of urls.slice(i, i + 100)) q.append('url', url);
    const res = await fetch(`${me.base}api/v1/counts?${q}`, { credentials: 'omit' });
    const data = await res.json();
    if (!res.ok) throw data.error?.code;
    Object.assign(counts, data.counts);
  }
  for (const el of els) {
    const n = counts[urlOf(el)] ?? 0;
    el.textContent = el.dataset.parleyCount === 'number' ? String(n) : plural(commentCount, n);
  }
}

/** Fails quietly (the page is the publisher's): the elements keep their text, one warning says why. */
const run = () => fill().catch((e) => console.warn('Parley count.js:', e || 'the comments server could not be reached'));
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run);
else run();
