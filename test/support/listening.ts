import { createServer, type AddressInfo } from 'node:net';
import { demoPages } from '../../src/demo/demo-pages.js';
import { ensureSite } from '../../src/server/use-cases/manage-sites.js';
import { createTestApp, type TestApp, type TestAppOptions } from './app.js';

/** A TCP port free on loopback right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface DemoServer extends TestApp {
  /** http://127.0.0.1:<port>: Parley's PUBLIC_URL, where it serves the demo publication (site "demo"). */
  base: string;
}

/**
 * A real, listening Parley that serves the demo publication itself, as `parley serve` does: PUBLIC_URL is its own
 * address and site "demo" allows it. Site "news" (https://news.example.org) exists too.
 */
export async function startDemoServer(options: TestAppOptions = {}): Promise<DemoServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const t = await createTestApp({
    ...options,
    config: { publicUrl: base, port: String(port), ...options.config },
    extraRoutes: (app) => demoPages(app, { baseUrl: base, siteId: 'demo' }),
  });
  await ensureSite(t.parley.deps, { id: 'demo', name: 'The Larkmoor Courier (demo)', origins: [base] });
  await t.app.listen({ port, host: '127.0.0.1' });
  return { ...t, base };
}
