import { readFileSync } from 'node:fs';
import { DomainError } from '../../../core/errors.js';
import { loadConfig } from '../../config/config.js';
import { compose } from '../../compose.js';
import { listPassages } from '../../use-cases/list-passages.js';
import { updatePageText } from '../../use-cases/page-text.js';
import { CONFIG_FLAGS, configFlags, parse, UsageError } from '../args.js';

export const PAGE_HELP = `Usage: parley page update|orphans --site <id> --url <page URL> [options]

  parley page update --site my-paper --url https://my-paper.example/a-column --file column.txt
      Sets the page's article text (from --file, or standard input) as the publisher's current revision and
      re-anchors the page's passage comments through the diff. Prints how many stayed, moved, changed or were
      orphaned. The text is the article container's text as the widget sees it (see src/widget/README.md).
  parley page orphans --site my-paper --url https://my-paper.example/a-column [--json]
      Lists the passage comments whose passage is no longer in the article.

Options:
  --site <id>            The site.
  --url <url>            The page's URL (canonicalised as threads are).
  --file <path>          (update) Read the text from this file instead of standard input.
  --json                 Print JSON.
  --database-url <url>   Storage [env DATABASE_URL, default ./data/parley.db]
  -h, --help             Show this help.`;

const PAGE_FLAGS = {
  ...CONFIG_FLAGS,
  site: { type: 'string' as const },
  url: { type: 'string' as const },
  file: { type: 'string' as const },
  json: { type: 'boolean' as const },
};

export async function page(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, PAGE_FLAGS);
  const [action] = positionals;
  if (values.help || !action) return console.log(PAGE_HELP), values.help ? 0 : 2;
  if (action !== 'update' && action !== 'orphans') throw new UsageError(`unknown page command "${action}"`);
  const site = values.site as string | undefined;
  const url = values.url as string | undefined;
  if (!site || !url) throw new UsageError(`page ${action} needs --site and --url`);
  const text = action === 'update' ? readFileSync(typeof values.file === 'string' ? values.file : 0, 'utf8') : '';
  const parley = await compose(loadConfig(process.env, configFlags(values)));
  try {
    if (action === 'update') {
      const r = await updatePageText(parley.deps, { site, url, text });
      if (values.json) console.log(JSON.stringify(r, null, 2));
      else {
        const p = r.passages;
        console.log(`${r.changed ? 'New article text' : 'Article text unchanged'} (${text.length} characters, hash ${r.textHash}).`);
        console.log(`Passage comments: ${p.exact} in place, ${p.moved} moved, ${p.fuzzy} on an edited passage, ${p.orphaned} orphaned.`);
      }
    } else {
      const { comments } = await listPassages(parley.deps, { site, url, origin: undefined, onlyOrphans: true });
      const roots = comments.filter((c) => c.parentId === null);
      if (values.json) console.log(JSON.stringify(roots.map((c) => ({ id: c.id, author: c.author.name, quote: c.passage?.quote.exact, reason: c.passage?.reason })), null, 2));
      else if (!roots.length) console.log('No orphaned passage comments.');
      else for (const c of roots) console.log(`${c.id}\t${c.author.name}\t${c.passage?.reason}\t“${c.passage?.quote.exact.slice(0, 80)}”`);
    }
    return 0;
  } catch (e) {
    if (e instanceof DomainError) {
      console.error(`parley page ${action}: ${e.message}`);
      return 1;
    }
    throw e;
  } finally {
    await parley.close();
  }
}
