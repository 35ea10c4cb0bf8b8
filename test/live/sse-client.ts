/** A minimal Server-Sent Events reader over fetch, for tests and the benchmark: reads the body as it arrives. */
export interface SseEvent {
  id: string | undefined;
  event: string;
  data: string;
}

export class SseStream {
  /** The last `id:` seen, as EventSource's lastEventId. */
  lastId: string | undefined;
  readonly comments: string[] = [];
  private buffer = '';
  private readonly queue: SseEvent[] = [];
  private waiter: (() => void) | null = null;
  private done = false;
  private readonly decoder = new TextDecoder();

  private constructor(
    readonly response: Response,
    private readonly controller: AbortController,
  ) {
    void this.pump();
  }

  static async open(url: string, headers: Record<string, string> = {}): Promise<SseStream> {
    const controller = new AbortController();
    const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal });
    return new SseStream(response, controller);
  }

  get status(): number {
    return this.response.status;
  }

  get ended(): boolean {
    return this.done;
  }

  /** The next event (frames with only an id or only comments are not events), or throws after `timeoutMs`. */
  async next(timeoutMs = 10_000): Promise<SseEvent> {
    const deadline = Date.now() + timeoutMs;
    while (!this.queue.length) {
      if (this.done) throw new Error('stream ended');
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no event within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiter = () => {
          clearTimeout(t);
          resolve();
        };
      });
    }
    return this.queue.shift()!;
  }

  /** Resolves when the server ends the stream (or after `timeoutMs`, false). */
  async waitEnd(timeoutMs = 3000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!this.done && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    return this.done;
  }

  close(): void {
    this.controller.abort();
  }

  private async pump(): Promise<void> {
    try {
      const reader = this.response.body!.getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        this.buffer += this.decoder.decode(value, { stream: true });
        let end: number;
        while ((end = this.buffer.indexOf('\n\n')) !== -1) {
          this.frame(this.buffer.slice(0, end));
          this.buffer = this.buffer.slice(end + 2);
        }
      }
    } catch {
      /* aborted or reset */
    }
    this.done = true;
    this.waiter?.();
  }

  private frame(text: string): void {
    let event = 'message';
    const data: string[] = [];
    let id: string | undefined;
    for (const line of text.split('\n')) {
      if (line.startsWith(':')) this.comments.push(line.slice(1).trim());
      else if (line.startsWith('id: ')) id = line.slice(4);
      else if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('data: ')) data.push(line.slice(6));
    }
    if (id !== undefined) this.lastId = id;
    if (!data.length) return;
    this.queue.push({ id, event, data: data.join('\n') });
    this.waiter?.();
  }
}
