import { DomainError } from '../../../core/errors.js';
import { COMMENT_EVENT_TYPES } from '../../../core/events/domain-event.js';
import { loadConfig } from '../../config/config.js';
import { compose } from '../../compose.js';
import type { Webhook } from '../../storage/repos/webhook-repo.js';
import { addWebhook, deliveryLog, removeWebhook, siteWebhooks } from '../../webhooks/manage-webhooks.js';
import { CONFIG_FLAGS, configFlags, parse, UsageError } from '../args.js';

export const WEBHOOK_HELP = `Usage: parley webhook add|list|remove|log

  parley webhook add <site> <https-url> [--events ${COMMENT_EVENT_TYPES.join(',')}]
  parley webhook list <site> [--json]
  parley webhook remove <site> <id>
  parley webhook log <site> [--limit N] [--json]

A webhook receives a signed POST for each comment event of the site (all three types unless --events
names some). "add" prints the signing secret once; receivers check the Parley-Signature header with it
(see docs/webhooks.md). Failed deliveries are retried with backoff for about a day; "log" shows the
latest attempts, newest first (also GET /api/v1/webhooks/deliveries with the site key).

Options:
  --events <list>        (add) Comma-separated event types.
  --limit <n>            (log) How many attempts to show (default 50, at most 500).
  --json                 (list, log) Print JSON.
  --database-url <url>   Storage [env DATABASE_URL, default ./data/parley.db]
  -h, --help             Show this help.`;

const WEBHOOK_FLAGS = {
  ...CONFIG_FLAGS,
  events: { type: 'string' as const },
  limit: { type: 'string' as const },
  json: { type: 'boolean' as const },
};

const show = (w: Webhook) => `${w.id}\t${w.url}\t${w.events.join(',')}`;
const NEEDS: Record<string, string[]> = { add: ['site', 'url'], list: ['site'], remove: ['site', 'id'], log: ['site'] };

export async function webhook(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, WEBHOOK_FLAGS);
  const [action, site, arg] = positionals;
  if (values.help || !action) return console.log(WEBHOOK_HELP), values.help ? 0 : 2;
  const needs = NEEDS[action];
  if (!needs) throw new UsageError(`unknown webhook command "${action}"`);
  if (positionals.length - 1 < needs.length) throw new UsageError(`webhook ${action} needs ${needs.map((n) => `<${n}>`).join(' ')}`);
  const limit = values.limit === undefined ? 50 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit must be a whole number from 1');
  const parley = await compose(loadConfig(process.env, configFlags(values)));
  try {
    if (action === 'add') {
      const events = typeof values.events === 'string' ? values.events.split(',').map((e) => e.trim()).filter(Boolean) : undefined;
      const added = await addWebhook(parley.deps, { site: site!, url: arg!, events });
      console.log(`Added webhook ${show(added)}\nSigning secret: ${added.secret}\nKeep it secret; it is not shown again.`);
      if (new URL(added.url).protocol === 'http:') console.warn('Warning: this URL is not https; use http only for receivers on a trusted network.');
    } else if (action === 'remove') {
      await removeWebhook(parley.deps, site!, arg!);
      console.log(`Removed webhook ${arg} of ${site}.`);
    } else if (action === 'list') {
      const hooks = await siteWebhooks(parley.deps, site!);
      if (values.json) console.log(JSON.stringify(hooks.map(({ secret: _secret, ...w }) => w), null, 2));
      else console.log(hooks.length ? ['id\turl\tevents', ...hooks.map(show)].join('\n') : `No webhooks for ${site}. Add one with: parley webhook add ${site} https://…`);
    } else {
      const log = await deliveryLog(parley.deps, site!, limit);
      if (values.json) console.log(JSON.stringify(log, null, 2));
      else if (!log.length) console.log(`No deliveries yet for ${site}.`);
      else {
        console.log(['time\twebhook\tevent\ttype\tattempt\tstatus\tms\terror', ...log.map((d) =>
          [new Date(d.createdAt).toISOString(), d.webhookId, d.eventId, d.eventType, d.attempt, d.statusCode ?? '-', d.durationMs, d.error ?? ''].join('\t'))].join('\n'));
      }
    }
    return 0;
  } catch (e) {
    if (e instanceof DomainError) {
      console.error(`parley webhook ${action}: ${e.message}`);
      return 1;
    }
    throw e;
  } finally {
    await parley.close();
  }
}
