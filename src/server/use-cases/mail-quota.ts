import { mailboxOf, mailDomainOf } from '../../core/notification/mailbox.js';
import { takeMailQuota } from '../storage/repos/mail-quota-repo.js';
import type { Deps } from './deps.js';

/** Mails sent on request to one mailbox per hour, whatever spelling of the address asked (see core/notification/mailbox.ts). */
export const MAILS_PER_MAILBOX_HOUR = 3;
const HOUR = 3_600_000;

/**
 * Whether one more requested mail (a subscription confirmation, a sign-in link) may go to `email` now: at most
 * MAILS_PER_MAILBOX_HOUR per mailbox and MAIL_LIMIT_PER_DOMAIN per recipient domain in an hour. Takes the units when
 * it may. Callers answer the same either way, so the answer reveals nothing.
 */
export async function mayMail(deps: Pick<Deps, 'notify' | 'now'>, db: Parameters<typeof takeMailQuota>[0], email: string): Promise<boolean> {
  const now = deps.now();
  const perDomain = deps.notify.mailsPerDomainHour ?? 300;
  return (await takeMailQuota(db, { key: `dom:${mailDomainOf(email)}`, max: perDomain, windowMs: HOUR, now }))
    && takeMailQuota(db, { key: `mbx:${mailboxOf(email)}`, max: MAILS_PER_MAILBOX_HOUR, windowMs: HOUR, now });
}
