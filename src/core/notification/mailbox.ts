/**
 * The mailbox an address delivers to, so that limits on mail hold for the person, not for each spelling of their
 * address. Rules (documented in docs/http-api.md, "Mail limits"):
 * - the whole address is lower-cased (Parley stores addresses so already);
 * - sub-addressing: everything from the first `+` of the local part is dropped (`ada+news@x` → `ada@x`): Gmail,
 *   Outlook, iCloud, Fastmail, Proton and most servers deliver `+tag` to the same mailbox;
 * - dots in the local part are dropped only for Gmail (`gmail.com`, `googlemail.com`, which ignores them), and
 *   `googlemail.com` is `gmail.com`. Other providers treat dots as significant, so they are kept.
 * @example mailboxOf('A.da+x@GoogleMail.com') // 'ada@gmail.com'
 */
export function mailboxOf(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return email.toLowerCase();
  let local = email.slice(0, at).toLowerCase();
  let domain = email.slice(at + 1).toLowerCase();
  const plus = local.indexOf('+');
  if (plus > 0) local = local.slice(0, plus);
  if (domain === 'googlemail.com') domain = 'gmail.com';
  if (domain === 'gmail.com') local = local.replace(/\./g, '');
  return `${local}@${domain}`;
}

/** The domain mail to `email` goes to (lower-case). */
export const mailDomainOf = (email: string): string => email.slice(email.lastIndexOf('@') + 1).toLowerCase();
