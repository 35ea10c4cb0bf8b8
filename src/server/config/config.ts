import { OPTIONS, OptionError, type OptionKey } from './options.js';

type Parsed<K extends OptionKey> = ReturnType<(typeof OPTIONS)[K]['parse']>;
export type Config = Readonly<{ [K in OptionKey]: Parsed<K> }>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads every option from flags (highest), then the environment, then the default; checks all of them and
 * reports every bad value at once. The result is frozen.
 */
export function loadConfig(env: NodeJS.ProcessEnv, flags: Record<string, string | undefined> = {}): Config {
  const out: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, spec] of Object.entries(OPTIONS)) {
    const fromFlag = flags[key];
    const raw = fromFlag ?? env[spec.env] ?? spec.default;
    const source = fromFlag !== undefined ? spec.flag : env[spec.env] !== undefined ? spec.env : `default of ${spec.env}`;
    try {
      out[key] = spec.parse(raw);
    } catch (e) {
      if (!(e instanceof OptionError)) throw e;
      problems.push(`${source}=${JSON.stringify(raw)} ${e.message}`);
    }
  }
  if (problems.length) throw new ConfigError(problems);
  if (!out.publicUrl) {
    const h = out.host === '0.0.0.0' || out.host === '::' ? '127.0.0.1' : (out.host as string);
    out.publicUrl = `http://${h.includes(':') && !h.startsWith('[') ? `[${h}]` : h}:${out.port as number}`;
  }
  return Object.freeze(out) as Config;
}

/** A config for tests and tools: defaults with some values replaced. */
export function configWith(overrides: Partial<Record<OptionKey, string>>): Config {
  const flags: Record<string, string> = {};
  for (const [k, v] of Object.entries(overrides)) if (v !== undefined) flags[k] = v;
  return loadConfig({}, flags);
}
