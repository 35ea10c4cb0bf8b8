import type { OutboxHandler } from '../outbox/outbox-worker.js';
import { claimConfirmationSlot, clearConfirmationDue, countUnlisted, getAddress, subscriptionsInSlot } from '../storage/repos/subscription-repo.js';
import type { Deps } from '../use-cases/deps.js';
import { CONFIRMATION_GAP_MS, SUBSCRIPTION_CONFIRM } from '../use-cases/request-subscription.js';
import { mailLinks } from './links.js';
import { confirmationMail } from './templates.js';

export const MAIL_CONFIRMATION = 'mail.confirmation';

type MailDeps = Pick<Deps, 'db' | 'transact' | 'now' | 'newId' | 'sites' | 'notify'>;

/**
 * A queued confirmation: takes the address's hourly slot (atomically, whichever process runs it) and lists the
 * address's unlisted pending subscriptions in it; the mail itself is a follow-up job that retries on its own.
 * If a mail went out less than an hour ago, it waits for the hour to end.
 */
export function claimConfirmation(deps: MailDeps): OutboxHandler {
  return async (job) => {
    const { addressId } = job.payload as { addressId: string };
    const now = deps.now();
    return deps.transact(async (trx) => {
      if ((await countUnlisted(trx, addressId)) === 0) {
        await clearConfirmationDue(trx, addressId);
        return [];
      }
      const slot = await claimConfirmationSlot(trx, addressId, now, CONFIRMATION_GAP_MS);
      if (slot !== null) return [{ id: deps.newId(), topic: MAIL_CONFIRMATION, payload: { addressId, slot: now }, availableAt: now }];
      const address = await getAddress(trx, addressId);
      const dueAt = (address?.lastConfirmationAt ?? now) + CONFIRMATION_GAP_MS;
      return [{ id: deps.newId(), topic: SUBSCRIPTION_CONFIRM, payload: { addressId }, availableAt: dueAt }];
    });
  };
}

/** Sends the confirmation mail of one slot: its link confirms exactly the subscriptions it lists. */
export function sendConfirmation(deps: MailDeps): OutboxHandler {
  return async (job) => {
    const { addressId, slot } = job.payload as { addressId: string; slot: number };
    const [address, subs] = await Promise.all([getAddress(deps.db, addressId), subscriptionsInSlot(deps.db, addressId, slot)]);
    if (!address || subs.length === 0) return; // confirmed already, or expired
    const lines = await Promise.all(subs.map(async (s) => ({ ...s, siteName: (await deps.sites.get(s.siteId))?.name ?? s.siteId })));
    const mail = confirmationMail({ lines, confirmUrl: mailLinks(deps.notify).confirm(addressId, slot) });
    await deps.notify.mailer.send({ to: address.email, ...mail, messageId: `<confirm.${addressId}.${slot}@${new URL(deps.notify.publicUrl).hostname}>` });
  };
}
