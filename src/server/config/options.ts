/**
 * Every setting Parley reads, declared once: its environment variable, command-line flag, default and
 * meaning. The README's configuration table is generated from this list (`node scripts/config-table.mjs`).
 */
export interface OptionSpec<T> {
  env: string;
  flag: string;
  default: string;
  description: string;
  parse(raw: string): T;
}

class OptionError extends Error {}

const integer = (min: number, max: number) => (raw: string): number => {
  if (!/^\d+$/.test(raw.trim())) throw new OptionError(`must be a whole number from ${min} to ${max}`);
  const n = Number(raw);
  if (n < min || n > max) throw new OptionError(`must be a whole number from ${min} to ${max}`);
  return n;
};

const onOff = (raw: string): boolean => {
  const v = raw.trim().toLowerCase();
  if (['on', 'true', '1', 'yes'].includes(v)) return true;
  if (['off', 'false', '0', 'no'].includes(v)) return false;
  throw new OptionError('must be on or off');
};

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
/** "90s", "15m", "2h", "1d" or plain seconds; returned in milliseconds. */
const duration = (raw: string): number => {
  const m = /^(\d+)\s*(ms|s|m|h|d)?$/.exec(raw.trim());
  if (!m) throw new OptionError('must be a duration such as 90s, 15m, 2h or 1d');
  return Number(m[1]) * UNITS[m[2] ?? 's']!;
};

const text = (raw: string): string => raw.trim();

const publicUrl = (raw: string): string => {
  if (raw.trim() === '') return '';
  try {
    const u = new URL(raw.trim());
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error();
    return u.origin + u.pathname.replace(/\/+$/, '');
  } catch {
    throw new OptionError('must be an http(s) URL such as https://comments.example.org');
  }
};

const logLevel = (raw: string): string => {
  const v = raw.trim().toLowerCase();
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(v)) {
    throw new OptionError('must be one of fatal, error, warn, info, debug, trace, silent');
  }
  return v;
};

/** off, loopback, or a comma-separated list of proxy addresses or CIDR ranges. */
const trustProxy = (raw: string): string[] => {
  const v = raw.trim();
  if (v === '' || v.toLowerCase() === 'off') return [];
  const parts = v.split(',').map((p) => p.trim()).filter(Boolean);
  for (const p of parts) {
    if (!/^(loopback|linklocal|uniquelocal|[0-9a-fA-F:.]+(\/\d{1,3})?)$/.test(p)) {
      throw new OptionError(`"${p}" is not an IP address, a CIDR range, loopback, linklocal or uniquelocal`);
    }
  }
  return parts;
};

/** Empty (mail off) or smtp(s)://user:pass@host:port. */
const smtpUrl = (raw: string): string => {
  const v = raw.trim();
  if (v === '') return '';
  try {
    const u = new URL(v);
    if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:') throw new Error();
    if (!u.hostname) throw new Error();
    return v;
  } catch {
    throw new OptionError('must be empty or a URL such as smtp://user:pass@mail.example.org:587 (smtps:// for TLS from the start)');
  }
};

/** Empty, or an address, optionally with a display name: Parley <comments@example.org>. */
const mailFrom = (raw: string): string => {
  const v = raw.trim();
  if (v === '') return '';
  if (!/^([^<>\r\n]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/.test(v)) throw new OptionError('must be an address such as comments@example.org or "Parley <comments@example.org>"');
  return v;
};

const host = (raw: string): string => {
  const v = raw.trim();
  if (!/^[A-Za-z0-9.:[\]-]+$/.test(v)) throw new OptionError('must be a host name or IP address');
  return v;
};

export const OPTIONS = {
  port: { env: 'PORT', flag: '--port', default: '8080', description: 'TCP port to listen on.', parse: integer(0, 65535) },
  host: { env: 'HOST', flag: '--host', default: '127.0.0.1', description: 'Address to listen on (0.0.0.0 for all interfaces; then set PUBLIC_URL to the address readers use, which the demo site allows).', parse: host },
  databaseUrl: {
    env: 'DATABASE_URL', flag: '--database-url', default: './data/parley.db',
    description: 'Storage: a SQLite file path or `sqlite:` URL, or a `postgres://user:pass@host:port/db` URL.', parse: text,
  },
  publicUrl: {
    env: 'PUBLIC_URL', flag: '--public-url', default: '',
    description: 'The URL readers reach Parley at (e.g. https://comments.example.org). Default: http://HOST:PORT.', parse: publicUrl,
  },
  editWindow: {
    env: 'EDIT_WINDOW', flag: '--edit-window', default: '15m',
    description: 'How long authors may edit or delete their comment (90s, 15m, 2h, 1d).', parse: duration,
  },
  maxCommentLength: {
    env: 'MAX_COMMENT_LENGTH', flag: '--max-comment-length', default: '10000',
    description: 'Longest comment accepted, in characters.', parse: integer(1, 100_000),
  },
  bodyLimit: {
    env: 'BODY_LIMIT', flag: '--body-limit', default: '65536',
    description: 'Largest request body accepted, in bytes.', parse: integer(1024, 10 * 1024 * 1024),
  },
  rateLimit: {
    env: 'RATE_LIMIT', flag: '--rate-limit', default: 'on',
    description: 'Per-client limits on writes (`off` for benchmarks and trusted networks).', parse: onOff,
  },
  rateLimitWrites: {
    env: 'RATE_LIMIT_WRITES', flag: '--rate-limit-writes', default: '20',
    description: 'Comments, edits and deletions one client may send per minute.', parse: integer(1, 1_000_000),
  },
  rateLimitVotes: {
    env: 'RATE_LIMIT_VOTES', flag: '--rate-limit-votes', default: '120',
    description: 'Votes one client may cast per minute.', parse: integer(1, 1_000_000),
  },
  streamLimit: {
    env: 'STREAM_LIMIT', flag: '--stream-limit', default: '10000',
    description: 'Live update streams (`GET /api/v1/stream`) open at once in this process; more are refused with 503.', parse: integer(1, 1_000_000),
  },
  streamLimitPerIp: {
    env: 'STREAM_LIMIT_PER_IP', flag: '--stream-limit-per-ip', default: '20',
    description: 'Live update streams one client IP may hold open; more are refused with 429.', parse: integer(1, 1_000_000),
  },
  trustProxy: {
    env: 'TRUST_PROXY', flag: '--trust-proxy', default: 'off',
    description: 'Proxies whose X-Forwarded-For is believed: `off`, `loopback`, or comma-separated IPs/CIDRs. Otherwise the client IP is the socket address.',
    parse: trustProxy,
  },
  requestTimeout: {
    env: 'REQUEST_TIMEOUT', flag: '--request-timeout', default: '30s',
    description: 'Time a client has to send a whole request, headers and body; slower ones get 408 and are disconnected (live streams are not affected: their request is complete at once).', parse: duration,
  },
  keepAliveTimeout: {
    env: 'KEEP_ALIVE_TIMEOUT', flag: '--keep-alive-timeout', default: '72s',
    description: 'How long an idle keep-alive connection stays open. Behind a proxy, make it longer than the proxy\'s own idle timeout.', parse: duration,
  },
  connectionsPerIp: {
    env: 'CONNECTIONS_PER_IP', flag: '--connections-per-ip', default: '128',
    description: 'Open connections one socket address may hold; more are closed at once. Behind a proxy every connection comes from the proxy: raise it there, and limit clients at the proxy.', parse: integer(1, 1_000_000),
  },
  smtpUrl: {
    env: 'SMTP_URL', flag: '--smtp-url', default: '',
    description: 'Where mail is sent: `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465`. Empty: no mail (notifications off; logged once at start).', parse: smtpUrl,
  },
  mailFrom: {
    env: 'MAIL_FROM', flag: '--mail-from', default: '',
    description: 'Sender of notification mails, e.g. `Parley <comments@example.org>`. Default: parley@ the host of PUBLIC_URL.', parse: mailFrom,
  },
  mailLimitPerDomain: {
    env: 'MAIL_LIMIT_PER_DOMAIN', flag: '--mail-limit-per-domain', default: '300',
    description: 'Mails sent on request (subscription confirmations, sign-in links) to one recipient domain per hour; each mailbox (an address without its +tag, and without dots at Gmail) gets at most 3 an hour.', parse: integer(1, 1_000_000),
  },
  rateLimitSubscriptions: {
    env: 'RATE_LIMIT_SUBSCRIPTIONS', flag: '--rate-limit-subscriptions', default: '10',
    description: 'Subscription requests one client IP may send per hour (always on; each address also gets at most one confirmation mail per hour).', parse: integer(1, 1_000_000),
  },
  demo: {
    env: 'DEMO', flag: '--demo', default: 'on',
    description: 'Serve the demo publication at / and create its site (`demo`) on start.', parse: onOff,
  },
  secretKeyFile: {
    env: 'SECRET_KEY_FILE', flag: '--secret-key-file', default: './data/secret.key',
    description: 'File holding the server key (created on first start, mode 0600). Tokens (CSRF, mail links) are signed with a key derived from it and a secret in the database, so a database dump alone cannot forge them. Processes sharing a PostgreSQL database must share this file. Replacing it invalidates outstanding tokens and mail links.', parse: text,
  },
  logLevel: { env: 'LOG_LEVEL', flag: '--log-level', default: 'info', description: 'Log detail: fatal, error, warn, info, debug, trace or silent.', parse: logLevel },
} satisfies Record<string, OptionSpec<unknown>>;

export type OptionKey = keyof typeof OPTIONS;
export { OptionError };
