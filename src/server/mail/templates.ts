import type { DeliveryMode, SubscriptionKind } from '../../core/notification/subscription.js';
import { say } from './messages.js';

/** A rendered mail: the same content as plain text and as HTML. */
export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

export interface SubscriptionLine {
  kind: SubscriptionKind;
  mode: DeliveryMode;
  url: string;
  siteName: string;
}

export interface MailComment {
  id: string;
  name: string;
  text: string;
  /** Already sanitised by the Markdown renderer. */
  html: string;
  url: string;
  title: string;
}

export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** What a subscription is about, in words. */
export const describe = (s: SubscriptionLine): string => say(`kind.${s.kind}`, { url: s.url, site: s.siteName });
export const modeName = (mode: DeliveryMode): string => say(`mode.${mode}`);
export const permalink = (c: Pick<MailComment, 'url' | 'id'>): string => `${c.url}#parley-comment-${c.id}`;

const link = (href: string, label: string) => `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>`;
const wrap = (body: string) =>
  `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;max-width:40em">${body}</body></html>`;
const footer = (manageUrl: string, unsubscribeUrl: string) => ({
  text: `\n--\n${say('footer.manage')}: ${manageUrl}\n${say('footer.unsubscribe')}: ${unsubscribeUrl}\n`,
  html: `<hr><p style="font-size:small">${link(manageUrl, say('footer.manage'))} · ${link(unsubscribeUrl, say('footer.unsubscribe'))}</p>`,
});

export function confirmationMail(o: { lines: SubscriptionLine[]; confirmUrl: string }): MailContent {
  const site = [...new Set(o.lines.map((l) => l.siteName))].join(', ');
  const items = o.lines.map((l) => `${describe(l)} (${modeName(l.mode)})`);
  return {
    subject: say('confirm.subject', { site }),
    text: [say('confirm.intro', { site }), '', ...items.map((i) => `- ${i}`), '', `${say('confirm.action')}: ${o.confirmUrl}`, '', say('confirm.ignore'), ''].join('\n'),
    html: wrap(`<p>${escapeHtml(say('confirm.intro', { site }))}</p><ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`
      + `<p>${link(o.confirmUrl, say('confirm.action'))}</p><p>${escapeHtml(say('confirm.ignore'))}</p>`),
  };
}

export function notificationMail(o: {
  comment: MailComment; line: SubscriptionLine; isReplyToYou: boolean; manageUrl: string; unsubscribeUrl: string;
}): MailContent {
  const { comment: c } = o;
  const vars = { name: c.name, title: c.title };
  const why = say('notify.why', { what: describe(o.line), mode: modeName(o.line.mode) });
  const f = footer(o.manageUrl, o.unsubscribeUrl);
  return {
    subject: say(o.isReplyToYou ? 'notify.subject.reply' : 'notify.subject.page', vars),
    text: `${say('notify.intro', vars)}\n\n${c.text}\n\n${say('notify.open')}: ${permalink(c)}\n\n${why}\n${f.text}`,
    html: wrap(`<p>${escapeHtml(say('notify.intro', vars))}</p><blockquote>${c.html}</blockquote>`
      + `<p>${link(permalink(c), say('notify.open'))}</p><p style="font-size:small">${escapeHtml(why)}</p>${f.html}`),
  };
}

export function digestMail(o: { siteName: string; comments: MailComment[]; manageUrl: string; unsubscribeUrl: string }): MailContent {
  const f = footer(o.manageUrl, o.unsubscribeUrl);
  const head = (c: MailComment) => say('digest.item', { name: c.name, title: c.title });
  return {
    subject: say('digest.subject', { count: o.comments.length, site: o.siteName }),
    text: `${say('digest.intro', { site: o.siteName })}\n\n${o.comments.map((c) => `* ${head(c)}\n${c.text}\n${permalink(c)}\n`).join('\n')}${f.text}`,
    html: wrap(`<p>${escapeHtml(say('digest.intro', { site: o.siteName }))}</p>`
      + o.comments.map((c) => `<h3>${link(permalink(c), head(c))}</h3><blockquote>${c.html}</blockquote>`).join('') + f.html),
  };
}

export function magicLinkMail(o: { siteName: string; url: string }): MailContent {
  const site = o.siteName;
  return {
    subject: say('magic.subject', { site }),
    text: `${say('magic.intro', { site })}\n\n${say('magic.action')}: ${o.url}\n\n${say('magic.note')}\n`,
    html: wrap(`<p>${escapeHtml(say('magic.intro', { site }))}</p><p>${link(o.url, say('magic.action'))}</p><p style="font-size:small">${escapeHtml(say('magic.note'))}</p>`),
  };
}
