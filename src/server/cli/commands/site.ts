import { DomainError } from '../../../core/errors.js';
import { loadConfig } from '../../config/config.js';
import { compose } from '../../compose.js';
import type { Site } from '../../storage/repos/site-repo.js';
import { addSite, allSites, changeSite, newSiteKey } from '../../use-cases/manage-sites.js';
import { newSsoSecret } from '../../use-cases/accounts.js';
import { CONFIG_FLAGS, configFlags, parse, UsageError } from '../args.js';

export const SITE_HELP = `Usage: parley site add|update|list|key|sso-secret

  parley site add <id> [--name "Name"] [--origin https://news.example.org ...] [--reactions like,love,...]
  parley site update <id> [--name "Name"] [--origin https://news.example.org ...] [--reactions like,love,...|none]
  parley site list [--json]
  parley site key <id>
  parley site sso-secret <id>

A site is one publication: its id goes in the embed tag (data-site), and only its allowed origins may
use its discussions from a browser. --origin may be repeated; on update it replaces the whole list.
"key" makes a new publisher key (printed once; the old one stops working): publishers send it as
"Authorization: Bearer <key>" to PUT /api/v1/pages/text and GET /api/v1/pages/orphans.
"sso-secret" makes a new HS256 secret for publisher SSO (printed once; the old one stops working): the
publisher signs its users' JWTs with it (see docs/sso.md).

Options:
  --name <name>          Display name (default: the id).
  --origin <origin>      Allowed origin, scheme://host[:port]. Repeatable.
  --reactions <list>     Reactions readers may give beside votes, in order, from like, love, laugh, wow,
                         sad, angry (e.g. like,love,laugh); none turns them off (the default).
  --json                 (list) Print JSON instead of a table.
  --database-url <url>   Storage [env DATABASE_URL, default ./data/parley.db]
  -h, --help             Show this help.`;

const SITE_FLAGS = {
  ...CONFIG_FLAGS,
  name: { type: 'string' as const },
  origin: { type: 'string' as const, multiple: true },
  reactions: { type: 'string' as const },
  json: { type: 'boolean' as const },
};

const show = (s: Site) => `${s.id}\t${s.name}\t${s.origins.join(' ') || '(no origins: server-side use only)'}\t${s.reactions.join(',') || 'none'}`;

export async function site(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, SITE_FLAGS);
  const [action, id] = positionals;
  if (values.help || !action) return console.log(SITE_HELP), values.help ? 0 : 2;
  if (!['add', 'update', 'list', 'key', 'sso-secret'].includes(action)) throw new UsageError(`unknown site command "${action}"`);
  if (action !== 'list' && !id) throw new UsageError(`site ${action} needs a site id`);
  const parley = await compose(loadConfig(process.env, configFlags(values)));
  try {
    const input = { id: id!, name: values.name as string | undefined, origins: values.origin as string[] | undefined, reactions: values.reactions as string | undefined };
    if (action === 'add') console.log(`Added site ${show(await addSite(parley.deps, input))}`);
    else if (action === 'key') console.log(`New publisher key for ${id}: ${await newSiteKey(parley.deps, id!)}\nKeep it secret; it is not shown again.`);
    else if (action === 'sso-secret') console.log(`New SSO secret for ${id}: ${await newSsoSecret(parley.deps, id!)}\nKeep it on your server only; it is not shown again. See docs/sso.md.`);
    else if (action === 'update') console.log(`Updated site ${show(await changeSite(parley.deps, input))}`);
    else {
      const sites = await allSites(parley.deps);
      if (values.json) console.log(JSON.stringify(sites, null, 2));
      else console.log(sites.length ? ['id\tname\torigins\treactions', ...sites.map(show)].join('\n') : 'No sites yet. Add one with: parley site add <id> --origin https://…');
    }
    return 0;
  } catch (e) {
    if (e instanceof DomainError) {
      console.error(`parley site ${action}: ${e.message}`);
      return 1;
    }
    throw e;
  } finally {
    await parley.close();
  }
}
