import { parseArgs } from 'node:util';
import { OPTIONS } from '../config/options.js';

/** Flags every command that opens the database accepts: all configuration options, by their flag names. */
export const CONFIG_FLAGS = Object.fromEntries(
  Object.values(OPTIONS).map((o) => [o.flag.slice(2), { type: 'string' as const }]),
);

export function configFlags(values: Record<string, unknown>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [key, spec] of Object.entries(OPTIONS)) {
    const v = values[spec.flag.slice(2)];
    if (typeof v === 'string') out[key] = v;
  }
  return out;
}

export class UsageError extends Error {}

type OptionDefs = Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;
export interface ParsedArgs {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

export function parse(args: string[], options: OptionDefs): ParsedArgs {
  try {
    const parsed = parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    return { values: parsed.values as ParsedArgs['values'], positionals: parsed.positionals };
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export function configHelp(): string {
  return Object.values(OPTIONS)
    .map((o) => `  ${`${o.flag} <value>`.padEnd(28)} ${o.description.replace(/`/g, '')} [env ${o.env}, default ${o.default || '(none)'}]`)
    .join('\n');
}
