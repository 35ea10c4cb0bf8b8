import { PageCache } from '../http/page-cache.js';

/**
 * The page cache of a process that shares PostgreSQL with others. Other processes' writes are seen through
 * LISTEN/NOTIFY (each invalidates the thread); while that connection is down they are not, so pages are not
 * served from cache, and when it is back every page stored before is dropped at once (a new epoch: old pages
 * become unreachable and are evicted in time; pages computed in the old epoch are not stored).
 */
export class LivePageCache extends PageCache {
  private epoch = 0;
  private listening = false;

  /** Called by the LISTEN connection: `true` when (re)connected, `false` when lost. */
  setListening(up: boolean): void {
    if (up && !this.listening) this.epoch++;
    this.listening = up;
  }

  override generation(threadKey: string): number {
    return super.generation(threadKey) + this.epoch * 2 ** 32;
  }

  override get(threadKey: string, pageKey: string) {
    return this.listening ? super.get(threadKey, `${this.epoch}|${pageKey}`) : undefined;
  }

  override set(threadKey: string, pageKey: string, generation: number, json: string) {
    return super.set(threadKey, `${this.epoch}|${pageKey}`, generation, json);
  }
}
