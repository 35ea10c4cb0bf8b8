import { createHash } from 'node:crypto';
import type { Comment } from '../../core/comment/comment.js';
import type { CommentEvent } from '../../core/events/domain-event.js';
import { recipients } from '../../core/notification/recipients.js';
import { nextDigestAt } from '../../core/notification/subscription.js';
import type { OutboxHandler } from '../outbox/outbox-worker.js';
import { getComment } from '../storage/repos/comment-repo.js';
import { addDigestItem, digestItems, markDigestSent } from '../storage/repos/digest-repo.js';
import { appendOutboxOnce, type NewOutboxJob } from '../storage/repos/outbox-repo.js';
import { candidateSubscriptions, getSubscription, type StoredSubscription } from '../storage/repos/subscription-repo.js';
import { getThread } from '../storage/repos/thread-repo.js';
import type { Deps } from '../use-cases/deps.js';
import { mailLinks, unsubscribeHeaders } from './links.js';
import { digestMail, notificationMail, type MailComment } from './templates.js';

export const MAIL_NOTIFY = 'mail.notify';
export const MAIL_DIGEST = 'mail.digest';

type MailDeps = Pick<Deps, 'db' | 'now' | 'newId' | 'sites' | 'notify'>;

/**
 * comment.created → who is told (core's recipients(): one mail per address, never one's own comment, only
 * published comments): one `mail.notify` job per immediate recipient, and for digest subscribers an item in their
 * next digest plus that digest's one job (shared by every comment it collects). Safe to run twice.
 */
export function fanOutToMail(deps: MailDeps): OutboxHandler {
  return async (job) => {
    const event = job.payload as CommentEvent;
    if (!deps.notify.mailer.enabled || event.type !== 'comment.created') return [];
    const comment = await getComment(deps.db, event.commentId);
    if (!comment || comment.status !== 'published') return [];
    const ancestors = await ancestorsOf(deps, comment);
    const ancestorIds = ancestors.map((a) => a.id);
    const parentAuthorEmail = ancestors[0]?.author.email ?? null;
    const mentioned = await mentionedOf(deps, comment);
    const mentionedAuthorEmails = mentioned.flatMap((m) => (m.authorEmail ? [m.authorEmail] : []));
    const candidates = await candidateSubscriptions(deps.db, { siteId: event.siteId, threadId: comment.threadId, ancestorIds, parentAuthorEmail, mentionedAuthorEmails });
    const now = deps.now();
    const jobs: NewOutboxJob[] = [];
    for (const r of recipients({ ...comment, authorEmail: comment.author.email, ancestorIds, parentAuthorEmail, mentioned }, candidates)) {
      if (r.mode === 'immediate') {
        jobs.push({ id: deps.newId(), topic: MAIL_NOTIFY, payload: { subscriptionId: r.subscriptionId, commentId: comment.id, eventId: event.id }, availableAt: now });
        continue;
      }
      const dueAt = nextDigestAt(r.mode, now);
      await addDigestItem(deps.db, { id: deps.newId(), siteId: event.siteId, email: r.email, subscriptionId: r.subscriptionId, commentId: comment.id, mode: r.mode, dueAt }, now);
      const digestId = `dg${createHash('sha256').update(`${r.email}|${event.siteId}|${dueAt}`).digest('base64url').slice(0, 28)}`;
      await appendOutboxOnce(deps.db, { id: digestId, topic: MAIL_DIGEST, payload: { email: r.email, siteId: event.siteId, dueAt }, availableAt: dueAt }, now);
    }
    return jobs;
  };
}

async function ancestorsOf(deps: MailDeps, comment: Comment): Promise<Comment[]> {
  const out: Comment[] = [];
  for (let id = comment.parentId; id && out.length < 100;) {
    const parent = await getComment(deps.db, id);
    if (!parent) break;
    out.push(parent);
    id = parent.parentId;
  }
  return out;
}

/** The comments it @mentions that are still there, with their authors' addresses. */
async function mentionedOf(deps: MailDeps, comment: Comment): Promise<Array<{ id: string; authorEmail: string | null }>> {
  const found = await Promise.all((comment.mentions ?? []).map((id) => getComment(deps.db, id)));
  return found.flatMap((c) => (c && c.threadId === comment.threadId && c.status === 'published' ? [{ id: c.id, authorEmail: c.author.email }] : []));
}

async function mailComment(deps: MailDeps, c: Comment): Promise<MailComment> {
  const thread = await getThread(deps.db, c.threadId);
  const url = thread?.url ?? '';
  return { id: c.id, name: c.author.name, text: c.bodyMarkdown, html: c.bodyHtml, url, title: thread?.title ?? url };
}

/** One immediate notification; nothing when the subscription is gone or the comment is no longer published. */
export function sendNotification(deps: MailDeps): OutboxHandler {
  return async (job) => {
    const { subscriptionId, commentId, eventId } = job.payload as { subscriptionId: string; commentId: string; eventId: string };
    const [sub, comment] = await Promise.all([getSubscription(deps.db, subscriptionId), getComment(deps.db, commentId)]);
    if (!sub || sub.status !== 'active' || !comment || comment.status !== 'published') return;
    const links = mailLinks(deps.notify);
    const unsubscribe = links.unsubscribe(sub.id);
    const siteName = (await deps.sites.get(sub.siteId))?.name ?? sub.siteId;
    const mail = notificationMail({
      comment: await mailComment(deps, comment), line: { ...sub, siteName }, isReplyToYou: sub.kind !== 'page',
      manageUrl: links.manage(sub.addressId, sub.siteId), unsubscribeUrl: unsubscribe,
    });
    await deps.notify.mailer.send({
      to: sub.email, ...mail, headers: unsubscribeHeaders(unsubscribe), messageId: `<${eventId}.${sub.id}@${new URL(deps.notify.publicUrl).hostname}>`,
    });
  };
}

/** A due digest: every comment collected for the address on the site, in one mail (still-published ones only). */
export function sendDigest(deps: MailDeps): OutboxHandler {
  return async (job) => {
    const { email, siteId, dueAt } = job.payload as { email: string; siteId: string; dueAt: number };
    const items = await digestItems(deps.db, { email, siteId, dueAt });
    const live: Array<{ sub: StoredSubscription; comment: Comment }> = [];
    for (const item of items) {
      const [sub, comment] = await Promise.all([getSubscription(deps.db, item.subscriptionId), getComment(deps.db, item.commentId)]);
      if (sub?.status === 'active' && comment?.status === 'published') live.push({ sub, comment });
    }
    if (live.length > 0) {
      const { addressId } = live[0]!.sub;
      const links = mailLinks(deps.notify);
      const unsubscribe = links.unsubscribeDigests(addressId, siteId);
      const mail = digestMail({
        siteName: (await deps.sites.get(siteId))?.name ?? siteId,
        comments: await Promise.all(live.map((l) => mailComment(deps, l.comment))),
        manageUrl: links.manage(addressId, siteId), unsubscribeUrl: unsubscribe,
      });
      await deps.notify.mailer.send({ to: email, ...mail, headers: unsubscribeHeaders(unsubscribe), messageId: `<${job.id}@${new URL(deps.notify.publicUrl).hostname}>` });
    }
    await markDigestSent(deps.db, items.map((i) => i.id), deps.now());
  };
}
