import type { TokenSigner } from '../security/signed-token.js';

/** The links of Parley's mails, signed so that following one needs nothing but the mail it came in. */
export function mailLinks(notify: { tokens: TokenSigner; publicUrl: string }) {
  const at = (path: string, fields: string[]) => `${notify.publicUrl}/subscriptions/${path}?token=${notify.tokens.sign(fields)}`;
  return {
    confirm: (addressId: string, slot: number) => at('confirm', ['confirm', addressId, String(slot)]),
    manage: (addressId: string, siteId: string) => at('manage', ['manage', addressId, siteId]),
    unsubscribe: (subscriptionId: string) => at('unsubscribe', ['unsub', subscriptionId]),
    /** Every hourly and daily subscription of the address on the site: what a digest's one-click link removes. */
    unsubscribeDigests: (addressId: string, siteId: string) => at('unsubscribe', ['unsub-digest', addressId, siteId]),
  };
}

/** RFC 8058 one-click unsubscribe headers. */
export const unsubscribeHeaders = (url: string): Record<string, string> => ({
  'List-Unsubscribe': `<${url}>`,
  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
});
