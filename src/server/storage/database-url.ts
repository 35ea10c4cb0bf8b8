export type DatabaseTarget = { engine: 'sqlite'; path: string } | { engine: 'postgres'; url: string };

/**
 * Reads DATABASE_URL: a postgres:// (or postgresql://) URL selects PostgreSQL; a sqlite: URL or a plain
 * file path selects SQLite (":memory:" for a throwaway database).
 */
export function parseDatabaseUrl(value: string): DatabaseTarget {
  const v = value.trim();
  if (/^postgres(ql)?:\/\//i.test(v)) return { engine: 'postgres', url: v };
  if (/^sqlite:/i.test(v)) {
    const rest = v.slice('sqlite:'.length).replace(/^\/\/(?=\/|\.|:)/, '');
    if (!rest) throw new Error('DATABASE_URL sqlite: needs a file path, e.g. sqlite:./data/parley.db');
    return { engine: 'sqlite', path: rest };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) {
    throw new Error(`DATABASE_URL must be a file path, a sqlite: URL or a postgres:// URL, not ${v.split(':')[0]}:`);
  }
  if (!v) throw new Error('DATABASE_URL is empty');
  return { engine: 'sqlite', path: v };
}
