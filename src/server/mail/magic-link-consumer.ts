import type { OutboxHandler } from '../outbox/outbox-worker.js';
import { getMagicLink } from '../storage/repos/account-repo.js';
import type { Deps } from '../use-cases/deps.js';
import { magicLinkMail } from './templates.js';

type MailDeps = Pick<Deps, 'db' | 'now' | 'sites' | 'notify'>;

/**
 * The sign-in link of a magic-link request: a signed link id (the link row holds only the nonce's hash). With a
 * return page it opens that page with `#parley-signin=<token>` (a fragment never reaches the publisher's server),
 * where the widget signs in inside the embed; else Parley's own /auth/verify page.
 */
export function magicLinkUrl(notify: MailDeps['notify'], linkId: string, returnUrl?: string | null): string {
  const token = notify.tokens.sign(['magic', linkId]);
  return returnUrl ? `${returnUrl}#parley-signin=${encodeURIComponent(token)}` : `${notify.publicUrl}/auth/verify?token=${token}`;
}

/** Sends a queued sign-in mail, unless the link was used or expired meanwhile (then there is nothing to send). */
export function sendMagicLink(deps: MailDeps): OutboxHandler {
  return async (job) => {
    const { linkId } = job.payload as { linkId: string };
    const link = await getMagicLink(deps.db, linkId);
    if (!link || link.used_at !== null || Number(link.expires_at) <= deps.now()) return;
    const siteName = (await deps.sites.get(link.site_id))?.name ?? link.site_id;
    const mail = magicLinkMail({ siteName, url: magicLinkUrl(deps.notify, linkId, link.return_url) });
    await deps.notify.mailer.send({ to: link.email, ...mail, messageId: `<magic.${linkId}@${new URL(deps.notify.publicUrl).hostname}>` });
  };
}
