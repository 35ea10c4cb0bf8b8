import { DomainError } from '../../../core/errors.js';
import { loadConfig } from '../../config/config.js';
import { compose } from '../../compose.js';
import { banUser, setSiteStaff, siteStaff, userHistory } from '../../use-cases/accounts.js';
import { CONFIG_FLAGS, configFlags, parse, UsageError } from '../args.js';

export const USER_HELP = `Usage: parley user history|ban|staff

  parley user history <email> --site <id> [--json]
  parley user ban <email> --site <id>
  parley user staff <email> --site <id> [--remove]
  parley user staff --list --site <id>

"history" lists what an address wrote on the site (as a guest with that email, or signed in with it),
newest first, and whether it is banned. "ban" refuses every later comment from the address on the site
(error AUTHOR_BANNED), as a guest, signed in by magic link, or through the publisher's SSO with that email.
"staff" labels the Parley account of an address (magic-link sign-in) as the site's staff: their comments on
the site carry the "staff" badge from then on (the account is created if the address never signed in);
--remove takes the label away, --list shows the site's staff. Publisher SSO users get their badge from the
publisher's token instead (docs/sso.md).

Options:
  --site <id>            The site (required).
  --json                 (history) Print JSON.
  --remove               (staff) Take the staff label away.
  --list                 (staff) List the site's staff.
  --database-url <url>   Storage [env DATABASE_URL, default ./data/parley.db]
  -h, --help             Show this help.`;

const USER_FLAGS = {
  ...CONFIG_FLAGS, site: { type: 'string' as const }, json: { type: 'boolean' as const }, remove: { type: 'boolean' as const }, list: { type: 'boolean' as const },
};

export async function user(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, USER_FLAGS);
  const [action, email] = positionals;
  if (values.help || !action) return console.log(USER_HELP), values.help ? 0 : 2;
  if (!['history', 'ban', 'staff'].includes(action)) throw new UsageError(`unknown user command "${action}"`);
  const listing = action === 'staff' && values.list;
  if (!email && !listing) throw new UsageError(`user ${action} needs an email address`);
  const site = values.site as string | undefined;
  if (!site) throw new UsageError(`user ${action} needs --site`);
  const parley = await compose(loadConfig(process.env, configFlags(values)));
  try {
    if (action === 'ban') {
      console.log(`Banned ${await banUser(parley.deps, site, email!)} on ${site}: their comments are refused from now on.`);
      return 0;
    }
    if (listing) {
      const staff = await siteStaff(parley.deps, site);
      if (!staff.length) console.log(`${site} has no staff accounts.`);
      for (const a of staff) console.log(`${a.email}\t${a.name}\t${a.id}`);
      return 0;
    }
    if (action === 'staff') {
      const a = await setSiteStaff(parley.deps, site, email!, !values.remove);
      console.log(values.remove ? `${a.email} is no longer staff on ${site}.` : `${a.email} is staff on ${site}: their comments there carry the "staff" badge.`);
      return 0;
    }
    const h = await userHistory(parley.deps, site, email!);
    if (values.json) console.log(JSON.stringify(h, null, 2));
    else {
      console.log(`${h.email} on ${site}: ${h.comments.length} comment(s)${h.banned ? ', BANNED' : ''}`);
      for (const c of h.comments) console.log(`${new Date(c.createdAt).toISOString()}\t${c.status}\t${c.id}\t${c.name}\t${c.url}\n  ${c.body.replace(/\s+/g, ' ').slice(0, 200)}`);
    }
    return 0;
  } catch (e) {
    if (e instanceof DomainError) {
      console.error(`parley user ${action}: ${e.message}`);
      return 1;
    }
    throw e;
  } finally {
    await parley.close();
  }
}
