import type { Config } from './config/config.js';
import { createMarkdownRenderer } from './render/markdown.js';
import { newId, newSecret } from './security/tokens.js';
import { SiteDirectory } from './site-directory.js';
import { migrateToLatest, openStorage, type Storage } from './storage/connect.js';
import { parseDatabaseUrl } from './storage/database-url.js';
import { createTransactor } from './storage/transactor.js';
import { PageCache } from './http/page-cache.js';
import type { Deps, ThreadChange } from './use-cases/deps.js';

/** Everything a running Parley needs, wired by hand from the config: the composition root. */
export interface Parley {
  config: Config;
  storage: Storage;
  deps: Deps;
  sites: SiteDirectory;
  pageCache: PageCache;
  /** Listeners for thread changes besides the page cache (live streams, later). */
  threadListeners: Set<(change: ThreadChange) => void>;
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
  const sites = new SiteDirectory(storage.db, 5_000, now);
  // Several processes may share PostgreSQL: until changes are broadcast between them, cached pages live 1 s there.
  const pageCache = new PageCache({ maxThreads: 2_000, maxPagesPerThread: 32, ttlMs: storage.engine === 'postgres' ? 1_000 : 0, now });
  const threadListeners = new Set<(change: ThreadChange) => void>();
  const deps: Deps = {
    db: storage.db,
    transact: createTransactor(storage.db, storage.engine),
    now,
    newId,
    newSecret,
    renderMarkdown: createMarkdownRenderer(),
    limits: { maxBodyLength: config.maxCommentLength, maxNameLength: 80 },
    editWindowMs: config.editWindow,
    sites,
    onThreadChange: (change) => {
      pageCache.invalidate(PageCache.threadKey(change.siteId, change.url));
      for (const listener of threadListeners) listener(change);
    },
  };
  return { config, storage, deps, sites, pageCache, threadListeners, close: () => storage.close() };
}
