import type { Kysely } from 'kysely';
import type { Database } from './storage/database.js';
import { listSites, type Site } from './storage/repos/site-repo.js';

/**
 * Sites are read on every request (origin checks), so they are kept in memory and reloaded at most every
 * `ttlMs`, which also picks up changes made by `parley site …` in another process.
 */
export class SiteDirectory {
  private sites = new Map<string, Site>();
  private origins = new Set<string>();
  private loadedAt = -Infinity;
  private loading: Promise<void> | null = null;

  constructor(private readonly db: Kysely<Database>, private readonly ttlMs: number, private readonly now: () => number) {}

  async get(id: string): Promise<Site | undefined> {
    await this.fresh();
    return this.sites.get(id);
  }

  /** Whether any site allows this origin: used to answer CORS preflights, which name no site. */
  async anyAllows(origin: string): Promise<boolean> {
    await this.fresh();
    return this.origins.has(origin.toLowerCase());
  }

  /** Forget what was loaded, e.g. right after this process changed a site. */
  reload(): void {
    this.loadedAt = -Infinity;
  }

  private async fresh(): Promise<void> {
    if (this.now() - this.loadedAt < this.ttlMs) return;
    this.loading ??= listSites(this.db)
      .then((list) => {
        this.sites = new Map(list.map((s) => [s.id, s]));
        this.origins = new Set(list.flatMap((s) => s.origins));
        this.loadedAt = this.now();
      })
      .finally(() => {
        this.loading = null;
      });
    await this.loading;
  }
}
