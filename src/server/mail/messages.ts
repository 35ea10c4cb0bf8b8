/**
 * Every string of Parley's mails and subscription pages, in one catalogue (English). `{name}` placeholders are
 * filled by `say()`; the templates escape the values for HTML.
 */
export const MAIL_MESSAGES = {
  'kind.page': 'new comments on {url}',
  'kind.replies': 'replies to your comments on {site}',
  'kind.comment': 'replies to a comment on {url}',
  'kind.passage': 'replies to a passage comment on {url}',
  'mode.immediate': 'at once',
  'mode.hourly': 'hourly digest',
  'mode.daily': 'daily digest',
  'confirm.subject': 'Confirm your notifications from {site}',
  'confirm.intro': 'Someone (we hope you) asked {site} to email this address about:',
  'confirm.action': 'Confirm these notifications',
  'confirm.ignore': 'If it was not you, ignore this mail: nothing more will be sent, and the request expires in 7 days.',
  'notify.subject.reply': '{name} replied to you on {title}',
  'notify.subject.page': 'New comment by {name} on {title}',
  'notify.intro': '{name} wrote on {title}:',
  'notify.open': 'Read and reply',
  'notify.why': 'You get this mail because you asked for {what} ({mode}).',
  'digest.subject': '{count} new comments on {site}',
  'digest.intro': 'New comments on {site} since the last digest:',
  'digest.item': '{name} on {title}',
  'magic.subject': 'Sign in to comment on {site}',
  'magic.intro': 'Someone (we hope you) asked to sign in to the discussions of {site} with this address.',
  'magic.action': 'Sign in',
  'magic.note': 'The link works once, for 15 minutes, and only in the browser where you asked for it. If it was not you, ignore this mail.',
  'page.signedin.title': 'You are signed in',
  'page.signedin.body': 'You are signed in as {name}. Return to the article to comment; you can close this tab.',
  'page.signin.invalid.title': 'This sign-in link does not work',
  'page.signin.invalid.body': 'It was already used, has expired (links last 15 minutes), or was opened in another browser than the one where you asked for it. Ask for a new link from the article.',
  'footer.manage': 'Manage your notifications',
  'footer.unsubscribe': 'Unsubscribe',
  'page.confirmed.title': 'Notifications confirmed',
  'page.confirmed.body': 'You will be emailed about:',
  'page.confirm.none': 'This link was already used or has expired. Nothing changed.',
  'page.invalid.title': 'This link does not work',
  'page.invalid.body': 'The link is incomplete or was not made by this server. Open it again from the mail, in full.',
  'page.manage.title': 'Your notifications from {site}',
  'page.manage.empty': 'You have no notifications from {site}.',
  'page.manage.pending': 'waiting for confirmation',
  'page.manage.change': 'Change',
  'page.manage.unsubscribe': 'Unsubscribe',
  'page.manage.all': 'Unsubscribe from everything',
  'page.unsubscribe.title': 'Unsubscribe?',
  'page.unsubscribe.body': 'Stop these mails: {what}.',
  'page.unsubscribe.action': 'Unsubscribe',
  'page.unsubscribed.title': 'Unsubscribed',
  'page.unsubscribed.body': 'You will get no more of these mails.',
} as const;

export type MailMessageKey = keyof typeof MAIL_MESSAGES;

/** A catalogue string with its placeholders filled (plain text: the caller escapes for HTML). */
export function say(key: MailMessageKey, vars: Record<string, string | number> = {}): string {
  return MAIL_MESSAGES[key].replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}
