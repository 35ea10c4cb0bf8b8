import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

export interface CachedPage {
  body: Buffer;
  gzip: Buffer | null;
  etag: string;
  storedAt: number;
}

interface ThreadEntry {
  generation: number;
  pages: Map<string, CachedPage>;
}

/**
 * Serialised, compressed thread pages, ready to send. Keyed by thread (site + canonical URL) and page
 * (sort, limit, cursor); every write to a thread drops its pages. A page computed while a write happened
 * is not stored (generation check), so a reader never gets a page older than an acknowledged write.
 */
export class PageCache {
  private readonly threads = new Map<string, ThreadEntry>();
  private readonly generations = new Map<string, number>();
  private counter = 0;
  /** Generation of every thread not in `generations`; raised when that map is pruned. */
  private floor = 0;

  constructor(private readonly options: { maxThreads: number; maxPagesPerThread: number; ttlMs: number; now: () => number }) {}

  static threadKey(siteId: string, url: string): string {
    return `${siteId}\n${url}`;
  }

  generation(threadKey: string): number {
    return this.generations.get(threadKey) ?? this.floor;
  }

  get(threadKey: string, pageKey: string): CachedPage | undefined {
    const entry = this.threads.get(threadKey);
    const page = entry?.pages.get(pageKey);
    if (!entry || !page) return undefined;
    if (this.options.ttlMs > 0 && this.options.now() - page.storedAt > this.options.ttlMs) {
      entry.pages.delete(pageKey);
      return undefined;
    }
    // keep recently read threads at the end (least recently used first)
    this.threads.delete(threadKey);
    this.threads.set(threadKey, entry);
    return page;
  }

  /** Stores a page computed when the thread was at `generation`; ignored if the thread changed since. */
  set(threadKey: string, pageKey: string, generation: number, json: string): CachedPage {
    const body = Buffer.from(json);
    const page: CachedPage = {
      body,
      gzip: body.length >= 1024 ? gzipSync(body, { level: 6 }) : null,
      etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
      storedAt: this.options.now(),
    };
    if (generation !== this.generation(threadKey)) return page;
    let entry = this.threads.get(threadKey);
    if (!entry) {
      entry = { generation, pages: new Map() };
      this.threads.set(threadKey, entry);
      if (this.threads.size > this.options.maxThreads) this.threads.delete(this.threads.keys().next().value!);
    }
    if (entry.pages.size >= this.options.maxPagesPerThread) entry.pages.delete(entry.pages.keys().next().value!);
    entry.pages.set(pageKey, page);
    return page;
  }

  invalidate(threadKey: string): void {
    if (this.generations.size >= this.options.maxThreads * 20) {
      this.generations.clear();
      this.threads.clear();
      this.floor = ++this.counter;
    }
    this.generations.set(threadKey, ++this.counter);
    this.threads.delete(threadKey);
  }
}
