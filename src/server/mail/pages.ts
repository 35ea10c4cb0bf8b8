import { DELIVERY_MODES } from '../../core/notification/subscription.js';
import type { StoredSubscription } from '../storage/repos/subscription-repo.js';
import { say } from './messages.js';
import { describe, escapeHtml as e, modeName } from './templates.js';

/** The small HTML pages mail links open (confirm, manage, unsubscribe), from the mail message catalogue. */
export function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`
    + `<meta name="robots" content="noindex"><title>${e(title)}</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:40em;margin:2em auto;padding:0 1em}`
    + `li{margin:.5em 0}form{display:inline}button,select{font:inherit}</style></head><body><h1>${e(title)}</h1>${body}</body></html>`;
}

const line = (s: StoredSubscription, siteName: string) => `${describe({ ...s, siteName })} (${modeName(s.mode)})`;
const list = (subs: StoredSubscription[], siteName: (id: string) => string) =>
  `<ul>${subs.map((s) => `<li>${e(line(s, siteName(s.siteId)))}</li>`).join('')}</ul>`;

export const invalidPage = () => page(say('page.invalid.title'), `<p>${e(say('page.invalid.body'))}</p>`);

export function confirmedPage(subs: StoredSubscription[], siteName: (id: string) => string): string {
  if (subs.length === 0) return page(say('page.invalid.title'), `<p>${e(say('page.confirm.none'))}</p>`);
  return page(say('page.confirmed.title'), `<p>${e(say('page.confirmed.body'))}</p>${list(subs, siteName)}`);
}

/** GET of an unsubscribe link: says what it would stop, and a button that POSTs (mail scanners only GET). */
export function unsubscribePage(subs: StoredSubscription[], siteName: (id: string) => string, action: string): string {
  if (subs.length === 0) return page(say('page.unsubscribed.title'), `<p>${e(say('page.unsubscribed.body'))}</p>`);
  const what = subs.map((s) => line(s, siteName(s.siteId))).join('; ');
  return page(say('page.unsubscribe.title'), `<p>${e(say('page.unsubscribe.body', { what }))}</p>`
    + `<form method="post" action="${e(action)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button>${e(say('page.unsubscribe.action'))}</button></form>`);
}

export const unsubscribedPage = () => page(say('page.unsubscribed.title'), `<p>${e(say('page.unsubscribed.body'))}</p>`);

export function managePage(o: { email: string; siteName: string; subscriptions: StoredSubscription[]; action: string }): string {
  const title = say('page.manage.title', { site: o.siteName });
  if (o.subscriptions.length === 0) return page(title, `<p>${e(o.email)}</p><p>${e(say('page.manage.empty', { site: o.siteName }))}</p>`);
  const act = e(o.action);
  const rows = o.subscriptions.map((s) => {
    const modes = DELIVERY_MODES.map((m) => `<option value="${m}"${m === s.mode ? ' selected' : ''}>${e(modeName(m))}</option>`).join('');
    const pending = s.status === 'pending' ? ` — <em>${e(say('page.manage.pending'))}</em>` : '';
    return `<li>${e(describe({ ...s, siteName: o.siteName }))}${pending}<br>`
      + `<form method="post" action="${act}"><input type="hidden" name="action" value="mode"><input type="hidden" name="id" value="${e(s.id)}">`
      + `<select name="mode" aria-label="mode">${modes}</select> <button>${e(say('page.manage.change'))}</button></form> `
      + `<form method="post" action="${act}"><input type="hidden" name="action" value="unsubscribe"><input type="hidden" name="id" value="${e(s.id)}">`
      + `<button>${e(say('page.manage.unsubscribe'))}</button></form></li>`;
  }).join('');
  return page(title, `<p>${e(o.email)}</p><ul>${rows}</ul><form method="post" action="${act}"><input type="hidden" name="action" value="unsubscribe-all">`
    + `<button>${e(say('page.manage.all'))}</button></form>`);
}
