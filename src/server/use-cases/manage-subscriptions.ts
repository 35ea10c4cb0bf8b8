import { DomainError } from '../../core/errors.js';
import type { DeliveryMode } from '../../core/notification/subscription.js';
import {
  activate, deleteSubscriptions, getAddress, getSubscription, listSubscriptions, setMode, subscriptionsInSlot, type StoredSubscription,
} from '../storage/repos/subscription-repo.js';
import type { Deps } from './deps.js';

/** How long a confirmation link works. */
export const CONFIRM_TTL_MS = 7 * 86_400_000;

type SubDeps = Pick<Deps, 'db' | 'transact' | 'now' | 'notify'>;
const invalid = () => new DomainError('NOT_FOUND', 'This link is not valid.');

/**
 * GET /subscriptions/confirm: activates exactly the subscriptions its mail listed. Single use: once they are
 * active (or expired) the link confirms nothing more. Returns what was confirmed (empty when nothing was).
 */
export async function confirmSubscriptions(deps: SubDeps, token: string): Promise<StoredSubscription[]> {
  const f = deps.notify.tokens.verify(token);
  if (!f || f.length !== 3 || f[0] !== 'confirm') throw invalid();
  const [, addressId, slotText] = f as [string, string, string];
  const slot = Number(slotText);
  if (!(deps.now() - slot < CONFIRM_TTL_MS)) return [];
  return deps.transact(async (trx) => {
    const subs = await subscriptionsInSlot(trx, addressId, slot);
    await activate(trx, subs.map((s) => s.id), deps.now());
    return subs;
  });
}

/** What an unsubscribe link removes: one subscription, or every digest subscription of an address on a site. */
export interface UnsubscribeScope {
  addressId: string;
  siteId: string;
  subscriptions: StoredSubscription[];
  mode?: 'digests';
}

export async function unsubscribeScope(deps: SubDeps, token: string): Promise<UnsubscribeScope> {
  const f = deps.notify.tokens.verify(token);
  if (f?.length === 2 && f[0] === 'unsub') {
    const sub = await getSubscription(deps.db, f[1]!);
    return sub ? { addressId: sub.addressId, siteId: sub.siteId, subscriptions: [sub] } : { addressId: '', siteId: '', subscriptions: [] };
  }
  if (f?.length === 3 && f[0] === 'unsub-digest') {
    const subs = (await listSubscriptions(deps.db, f[1]!, f[2]!)).filter((s) => s.mode !== 'immediate');
    return { addressId: f[1]!, siteId: f[2]!, subscriptions: subs, mode: 'digests' };
  }
  throw invalid();
}

/** POST /subscriptions/unsubscribe (RFC 8058 one-click, or the page's button). Idempotent. */
export async function unsubscribe(deps: SubDeps, token: string): Promise<UnsubscribeScope> {
  const scope = await unsubscribeScope(deps, token);
  if (scope.subscriptions.length) {
    await deleteSubscriptions(deps.db, { addressId: scope.addressId, siteId: scope.siteId, ids: scope.subscriptions.map((s) => s.id) });
  }
  return scope;
}

export interface ManageView {
  email: string;
  siteId: string;
  subscriptions: StoredSubscription[];
}

async function manageScope(deps: SubDeps, token: string): Promise<{ addressId: string; siteId: string; email: string }> {
  const f = deps.notify.tokens.verify(token);
  if (!f || f.length !== 3 || f[0] !== 'manage') throw invalid();
  const address = await getAddress(deps.db, f[1]!);
  if (!address) throw invalid();
  return { addressId: address.id, siteId: f[2]!, email: address.email };
}

/** GET /subscriptions/manage: every subscription of the address on the site. */
export async function manageView(deps: SubDeps, token: string): Promise<ManageView> {
  const s = await manageScope(deps, token);
  return { email: s.email, siteId: s.siteId, subscriptions: await listSubscriptions(deps.db, s.addressId, s.siteId) };
}

export type ManageAction = { action: 'unsubscribe'; id: string } | { action: 'mode'; id: string; mode: DeliveryMode } | { action: 'unsubscribe-all' };

/** POST /subscriptions/manage: one change, limited to the address and site the token names. */
export async function manageSubscriptions(deps: SubDeps, token: string, change: ManageAction): Promise<void> {
  const s = await manageScope(deps, token);
  if (change.action === 'unsubscribe') await deleteSubscriptions(deps.db, { ...s, ids: [change.id] });
  else if (change.action === 'unsubscribe-all') await deleteSubscriptions(deps.db, s);
  else await setMode(deps.db, { ...s, id: change.id, mode: change.mode });
}
