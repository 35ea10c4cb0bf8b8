import { createHmac } from 'node:crypto';
import { loadOrCreateKeyFile } from './security/key-file.js';
import type { Config } from './config/config.js';
import { createMarkdownRenderer } from './render/markdown.js';
import { newId, newSecret } from './security/tokens.js';
import { SiteDirectory } from './site-directory.js';
import { migrateToLatest, openStorage, type Storage } from './storage/connect.js';
import { parseDatabaseUrl } from './storage/database-url.js';
import { createTransactor } from './storage/transactor.js';
import { PageCache } from './http/page-cache.js';
import { outboxHandlers } from './outbox/consumers.js';
import { createOutboxWorker, type OutboxWorker } from './outbox/outbox-worker.js';
import { pruneOutbox } from './storage/repos/outbox-repo.js';
import { pruneDeliveries } from './storage/repos/webhook-repo.js';
import type { Deps, ThreadChange } from './use-cases/deps.js';
import { Live } from './live/live.js';
import { LivePageCache } from './live/live-page-cache.js';
import { createMailer, defaultFrom } from './mail/mailer.js';
import { createTokenSigner } from './security/signed-token.js';
import { AUTHOR_KEY_SECRET, createAuthorKeyer } from './security/author-key.js';
import { WindowLimiter } from './security/window-limiter.js';
import { pruneDigestItems } from './storage/repos/digest-repo.js';
import { loadOrCreateSecret } from './storage/repos/secret-repo.js';
import { prunePending } from './storage/repos/subscription-repo.js';
import { pruneMagicLinks } from './storage/repos/account-repo.js';

/** Everything a running Parley needs, wired by hand from the config: the composition root. */
export interface Parley {
  config: Config;
  storage: Storage;
  deps: Deps;
  sites: SiteDirectory;
  pageCache: PageCache;
  /** Listeners for thread changes besides the page cache (live streams, later). */
  threadListeners: Set<(change: ThreadChange) => void>;
  /** Live updates (SSE streams; on PostgreSQL, changes shared between processes through LISTEN/NOTIFY). */
  live: Live;
  /** Delivers outbox events (webhooks); `serve` starts it, `close()` stops it. */
  outbox: OutboxWorker;
  /** Subscription requests per client IP per hour (RATE_LIMIT_SUBSCRIPTIONS), always on. */
  subscribeLimiter: WindowLimiter;
  /** Magic-link requests per client IP per hour (same budget as RATE_LIMIT_SUBSCRIPTIONS), always on. */
  signInLimiter: WindowLimiter;
  close(): Promise<void>;
}

export interface ComposeOptions {
  /** Apply pending migrations on open (serve does; the CLI's migrate command does it explicitly). */
  migrate?: boolean;
  now?: () => number;
}

export async function compose(config: Config, options: ComposeOptions = {}): Promise<Parley> {
  const now = options.now ?? Date.now;
  const storage = await openStorage(parseDatabaseUrl(config.databaseUrl), {
    onIdleError: (e) => console.warn(`parley: an idle database connection failed and will be replaced: ${e.message}`),
  });
  try {
    if (options.migrate ?? true) await migrateToLatest(storage.db);
  } catch (e) {
    await storage.close();
    throw e;
  }
  // Signing key: the database's secret and the key file together (a dump of either alone forges nothing).
  const secret = createHmac('sha256', loadOrCreateKeyFile(config.secretKeyFile)).update(`parley tokens\n${await loadOrCreateSecret(storage.db, 'tokens', newSecret, now())}`).digest('base64url');
  const authorKeySecret = await loadOrCreateSecret(storage.db, AUTHOR_KEY_SECRET, newSecret, now());
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: defaultFrom(config.mailFrom, config.publicUrl) });
  const sites = new SiteDirectory(storage.db, 5_000, now);
  // Several processes may share PostgreSQL: each drops its cached pages of a thread another changed (live/live.ts).
  const cacheOptions = { maxThreads: 2_000, maxPagesPerThread: 32, ttlMs: 0, now };
  const pageCache = storage.engine === 'postgres' ? new LivePageCache(cacheOptions) : new PageCache(cacheOptions);
  const live = new Live({ db: storage.db, engine: storage.engine, databaseUrl: config.databaseUrl, pageCache, now });
  const threadListeners = new Set<(change: ThreadChange) => void>([(change) => live.onChange(change)]);
  const deps: Deps = {
    db: storage.db,
    transact: createTransactor(storage.db, storage.engine),
    now,
    newId,
    newSecret,
    renderMarkdown: createMarkdownRenderer(),
    authorKey: createAuthorKeyer(authorKeySecret),
    networkHash: (ip) => createHmac('sha256', authorKeySecret).update(`network\n${ip}`).digest('base64url').slice(0, 22),
    limits: { maxBodyLength: config.maxCommentLength, maxNameLength: 80 },
    editWindowMs: config.editWindow,
    sites,
    onThreadChange: (change) => {
      pageCache.invalidate(PageCache.threadKey(change.siteId, change.url));
      for (const listener of threadListeners) listener(change);
    },
    notify: { mailer, tokens: createTokenSigner(secret), publicUrl: config.publicUrl, mailsPerDomainHour: config.mailLimitPerDomain },
  };
  const outbox = createOutboxWorker({
    db: storage.db, engine: storage.engine, transact: deps.transact, now, workerId: `w_${newId()}`, handlers: outboxHandlers(deps),
    housekeeping: async (t) => {
      await pruneOutbox(storage.db, t - 7 * 86_400_000);
      await pruneDeliveries(storage.db, t - 30 * 86_400_000);
      await pruneDigestItems(storage.db, t - 7 * 86_400_000);
      await prunePending(storage.db, t - 7 * 86_400_000);
      await pruneMagicLinks(storage.db, t - 86_400_000);
    },
  });
  return {
    config, storage, deps, sites, pageCache, threadListeners, live, outbox,
    subscribeLimiter: new WindowLimiter(config.rateLimitSubscriptions, 3_600_000),
    signInLimiter: new WindowLimiter(config.rateLimitSubscriptions, 3_600_000),
    close: async () => {
      await outbox.stop();
      mailer.close();
      await live.close();
      await storage.close();
    },
  };
}
