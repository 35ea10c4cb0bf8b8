import { join } from 'node:path';
import { loadConfig } from '../../config/config.js';
import { compose } from '../../compose.js';
import { buildApp } from '../../http/app.js';
import { shutdown } from '../../http/shutdown.js';
import { packageRoot } from '../../package-root.js';
import { ensureSite } from '../../use-cases/manage-sites.js';
import { columnText } from '../../../demo/column-text.js';
import { demoColumns, demoColumnUrl, demoPages } from '../../../demo/demo-pages.js';
import { updatePageText } from '../../use-cases/page-text.js';
import { CONFIG_FLAGS, configFlags, configHelp, parse } from '../args.js';

export const SERVE_HELP = `Usage: parley serve [options]

Starts the HTTP server: the API, the widget files and (unless --demo off) the demo publication.
Pending database migrations are applied first.

Options (each also read from its environment variable):
${configHelp()}
  -h, --help                   Show this help.`;

export async function serve(args: string[]): Promise<number> {
  const { values } = parse(args, CONFIG_FLAGS);
  if (values.help) return console.log(SERVE_HELP), 0;
  const config = loadConfig(process.env, configFlags(values));
  const parley = await compose(config);
  const publicOrigin = new URL(config.publicUrl).origin;
  if (config.demo) {
    const local = [`http://127.0.0.1:${config.port}`, `http://localhost:${config.port}`];
    await ensureSite(parley.deps, { id: 'demo', name: 'The Larkmoor Courier (demo)', origins: [publicOrigin, ...local] });
    // The demo is its own publisher: it gives Parley each column's text, so passage comments are checked against it.
    for (const column of demoColumns) {
      await updatePageText(parley.deps, { site: 'demo', url: demoColumnUrl(config.publicUrl, column.slug), text: columnText(column) });
    }
  }
  const app = await buildApp(parley, {
    widgetDir: join(packageRoot(), 'dist', 'widget'),
    ...(config.demo ? { extraRoutes: (a) => demoPages(a, { baseUrl: config.publicUrl, siteId: 'demo' }) } : {}),
  });
  const stop = (signal: string) => void shutdown(app, parley, signal).then(
    () => process.exit(0),
    (e: Error) => (app.log.error({ err: e }, 'shutdown failed'), process.exit(1)),
  );
  // A second signal while draining gets the default action: the process ends at once.
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  parley.outbox.start();
  if (!parley.deps.notify.mailer.enabled) app.log.warn('SMTP_URL is empty, so mail is off: no subscription confirmations or notifications are sent.');
  app.log.info(`Parley is running at ${config.publicUrl} (storage: ${parley.storage.engine})${config.demo ? '; demo publication at /' : ''}`);
  return -1; // keep running
}
