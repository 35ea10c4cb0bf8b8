import { ConfigError } from '../config/config.js';
import { UsageError } from './args.js';
import { migrate } from './commands/migrate.js';
import { serve } from './commands/serve.js';
import { page } from './commands/page.js';
import { site } from './commands/site.js';
import { webhook } from './commands/webhook.js';
import { user } from './commands/user.js';

const HELP = `Parley: reader discussions for news and opinion publishers.

Usage: parley <command> [options]

Commands:
  serve            Start the server (API, widget, demo publication).
  migrate          Apply pending database migrations.
  site add|list|update|key|sso-secret   Manage sites, their allowed origins, publisher keys and SSO secrets.
  page update|orphans   Give a page's article text (re-anchors passage comments); list orphans.
  webhook add|list|remove|log   Signed POSTs to your servers when comments change; their delivery log.
  user history|ban|staff   A moderator's view of an address on a site; ban it; label site staff.

Run "parley <command> --help" for a command's options. Configuration is read from flags and the
environment; see the README's configuration table.`;

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = { serve, migrate, site, page, webhook, user };

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    console.log(HELP);
    return command ? 0 : 2;
  }
  const run = COMMANDS[command];
  if (!run) {
    console.error(`parley: unknown command "${command}"\n\n${HELP}`);
    return 2;
  }
  try {
    return await run(rest);
  } catch (e) {
    if (e instanceof ConfigError) console.error(`parley ${command}: ${e.message}`);
    else if (e instanceof UsageError) console.error(`parley ${command}: ${e.message}\nRun "parley ${command} --help" for usage.`);
    else console.error(`parley ${command}: ${(e as Error).message ?? e}`);
    return e instanceof UsageError ? 2 : 1;
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  main(process.argv.slice(2)).then((code) => {
    if (code >= 0) process.exitCode = code;
  });
}
