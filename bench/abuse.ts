/**
 * Abuse figures at default limits: `npm run bench:abuse` (= tsx bench/abuse.ts). Not a test: it sends bursts of
 * hostile requests through a real Parley app (SQLite, default configuration, rate limits on, a real SMTP server on
 * loopback) and prints what got through, for the README's security notes. Writes bench/abuse-results.json.
 */
import { writeFileSync } from 'node:fs';
import { describeRange, textHash } from '../src/core/anchoring/index.js';
import { mailboxOf } from '../src/core/notification/mailbox.js';
import { createTestApp, ORIGIN, PAGE, SITE } from '../test/support/app.js';
import { startSmtp } from '../test/support/smtp.js';

const smtp = await startSmtp();
const t = await createTestApp({ config: { rateLimit: 'on', smtpUrl: smtp.url, publicUrl: 'https://comments.example.org' } });
const inject = t.app.inject.bind(t.app);
const csrf = async (ip: string) => (await inject({ url: `/api/v1/csrf?site=${SITE}`, headers: { origin: ORIGIN }, remoteAddress: ip })).json().token as string;
const postFrom = (ip: string, i: number, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) => inject({
  method: 'POST', url: '/api/v1/comments', remoteAddress: ip, headers: { origin: ORIGIN, ...headers },
  payload: { site: SITE, url: PAGE, body: `flood ${ip} ${i}`, author: { name: 'F' }, ...extra },
});
const count201 = (rs: { statusCode: number }[]) => rs.filter((r) => r.statusCode === 201).length;

// Comments: a burst of 100 from one IP, and 100 from each of 100 IPs (limits are per minute).
const oneIp: { statusCode: number }[] = [];
for (let i = 0; i < 100; i++) oneIp.push(await postFrom('198.51.100.1', i));
let manyIps = 0;
for (let ip = 0; ip < 100; ip++) for (let i = 0; i < 30; i++) manyIps += count201([await postFrom(`203.0.113.${ip}`, i)]);

// Mail: 100 requests (subscriptions and sign-in links) for spellings of one mailbox, from 100 IPs.
for (let i = 0; i < 50; i++) {
  const ip = `192.0.2.${i}`;
  await inject({ method: 'POST', url: '/api/v1/subscriptions', remoteAddress: ip, headers: { origin: ORIGIN, 'x-parley-csrf': await csrf(ip) }, payload: { site: SITE, url: PAGE, email: `victim+${i}@example.org`, kind: 'page' } });
  const ip2 = `192.0.2.${100 + i}`;
  await inject({ method: 'POST', url: '/api/v1/auth/magic-link', remoteAddress: ip2, headers: { origin: ORIGIN, 'x-parley-csrf': await csrf(ip2) }, payload: { site: SITE, email: `Victim+s${i}@Example.org` } });
}
await t.parley.outbox.runOnce();
const mailsToVictim = smtp.mails.filter((m) => mailboxOf(m.to) === 'victim@example.org').length;

// Votes: one IP with made-up voter keys, on one comment and per minute over many comments.
const target = (await inject({ method: 'POST', url: '/api/v1/comments', remoteAddress: '198.18.0.1', headers: { origin: ORIGIN }, payload: { site: SITE, url: `${ORIGIN}/votes`, body: 'vote target', author: { name: 'V' } } })).json().comment.id as string;
let votesOnOne = 0;
for (let i = 0; i < 50; i++) {
  const r = await inject({ method: 'POST', url: `/api/v1/comments/${target}/vote`, remoteAddress: '198.18.0.9', headers: { origin: ORIGIN, 'x-parley-voter': `made-up-key-${String(i).padStart(6, '0')}` }, payload: { value: 1 } });
  if (r.statusCode === 200) votesOnOne++;
}

// Hints: one IP sends 20 article texts of 200,000 characters, each named by a passage comment.
let hintBytes = 0;
for (let i = 0; i < 20; i++) {
  const text = `Version ${i}. The council met on Tuesday. `.padEnd(200_000, ' More words.');
  const start = text.indexOf('The council');
  await inject({ method: 'POST', url: '/api/v1/comments', remoteAddress: `198.18.1.${i}`, headers: { origin: ORIGIN }, payload: { site: SITE, url: `${ORIGIN}/hinted`, body: 'p', author: { name: 'H' }, passage: { selector: describeRange(text, start, start + 11), textHash: textHash(text) } } });
  const r = await inject({ method: 'POST', url: '/api/v1/pages/hint', remoteAddress: '198.18.2.1', headers: { origin: ORIGIN }, payload: { site: SITE, url: `${ORIGIN}/hinted`, text } });
  if (r.statusCode === 204) hintBytes += text.length;
}
const stored = await t.parley.storage.db.selectFrom('page_texts').select('text').execute();

const results = {
  date: new Date().toISOString(),
  limits: 'defaults: RATE_LIMIT_WRITES 20/min, RATE_LIMIT_VOTES 120/min, RATE_LIMIT_SUBSCRIPTIONS 10/h, MAIL_LIMIT_PER_DOMAIN 300/h, 3 mails/mailbox/h, 5 voters/network/comment, hints 10/h per client, 200,000 chars, 3 per page, STREAM_LIMIT_PER_IP 20',
  commentsAcceptedFromOneIpPerMinute: count201(oneIp),
  commentsAcceptedFrom100IpsPerMinute: manyIps,
  mailsReachingOneMailboxFrom100Requests: mailsToVictim,
  votesCountedFromOneIpOnOneComment: votesOnOne,
  hintCharsAcceptedFromOneIpPerHour: hintBytes,
  hintCharsStoredForThePage: stored.reduce((n, r) => n + r.text.length, 0),
  sseStreamsPerIp: t.parley.config.streamLimitPerIp,
};
console.log(JSON.stringify(results, null, 2));
writeFileSync(new URL('./abuse-results.json', import.meta.url), JSON.stringify(results, null, 2) + '\n');
await t.close();
await smtp.stop();
