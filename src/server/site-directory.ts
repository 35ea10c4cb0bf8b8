import type { Kysely } from 'kysely';
import type { Database } from './storage/database.js';
import { ssoSiteIds } from './storage/repos/account-repo.js';
import { listSites, type Site } from './storage/repos/site-repo.js';

/**
 * Sites are read on every request (origin checks), so they are kept in memory and reloaded at most every
 * `ttlMs`, which also picks up changes made by `parley site …` in another process.
 */
export class SiteDirectory {
  private sites = new Map<string, Site>();
  private origins = new Set<string>();
  private sso = new Set<string>();
  private loadedAt = -Infinity;
  private loading: Promise<void> | null = null;

  constructor(private readonly db: Kysely<Database>, private readonly ttlMs: number, private readonly now: () => number) {}

  async get(id: string): Promise<Site | undefined> {
    await this.fresh(() => this.sites.has(id));
    return this.sites.get(id);
  }

  /** The site as loaded, without waiting: undefined when unknown or when the loaded list is older than `ttlMs`. */
  peek(id: string): Site | undefined {
    return this.now() - this.loadedAt < this.ttlMs ? this.sites.get(id) : undefined;
  }

  /** Whether the site has an SSO secret (publisher sign-in); false for an unknown site. */
  async hasSso(id: string): Promise<boolean> {
    await this.fresh(() => this.sites.has(id));
    return this.sso.has(id);
  }

  /** Whether any site allows this origin: used to answer CORS preflights, which name no site. */
  async anyAllows(origin: string): Promise<boolean> {
    const o = origin.toLowerCase();
    await this.fresh(() => this.origins.has(o));
    return this.origins.has(o);
  }

  /** Forget what was loaded, e.g. right after this process changed a site. */
  reload(): void {
    this.loadedAt = -Infinity;
  }

  /**
   * Stale-while-revalidate: a known answer is served at once and refreshed in the background; only the
   * first load, or an unknown answer from stale data, waits for the database.
   */
  private async fresh(known: () => boolean): Promise<void> {
    if (this.now() - this.loadedAt < this.ttlMs) return;
    if (this.loadedAt > -Infinity && known()) {
      void this.load().catch(() => undefined);
      return;
    }
    await this.load();
  }

  private load(): Promise<void> {
    this.loading ??= Promise.all([listSites(this.db), ssoSiteIds(this.db)])
      .then(([list, sso]) => {
        this.sites = new Map(list.map((s) => [s.id, s]));
        this.sso = new Set(sso);
        this.origins = new Set(list.flatMap((s) => s.origins));
        this.loadedAt = this.now();
      })
      .finally(() => {
        this.loading = null;
      });
    return this.loading;
  }
}
