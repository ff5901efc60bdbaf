// Minimal argument parsing: positionals and --flag / --flag value / --flag=value options. Options
// listed as repeatable (`--fact a=1 --fact b=2`) collect every value, in order, into `lists`.

import { parseIsoDate } from '../evaluate/dates.js';
import { UsageError } from './errors.js';

export interface Args {
  positional: string[];
  options: Record<string, string | true>;
  lists: Record<string, string[]>;
}

export function parseArgs(argv: string[], valued: string[], flags: string[], repeatable: string[] = []): Args {
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  const lists: Record<string, string[]> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [key, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (valued.includes(key) || repeatable.includes(key)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`--${key} needs a value`);
      if (repeatable.includes(key)) lists[key] = [...(lists[key] ?? []), value];
      else options[key] = value;
    } else if (flags.includes(key)) options[key] = true;
    else throw new UsageError(`unknown option --${key}: expected ${[...valued, ...repeatable, ...flags].map((o) => `--${o}`).join(', ') || 'no options'}`);
  }
  return { positional, options, lists };
}

/** A `--format` value among the allowed ones (the first is the default). */
export function oneOf<T extends string>(option: string, value: string | true | undefined, allowed: readonly T[]): T {
  if (value === undefined) return allowed[0]!;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${option} ${String(value)} is unknown: expected ${allowed.join(', ')}`);
}

/** A calendar date given as an option, checked as YYYY-MM-DD. */
export function dateOption(option: string, value: string | true | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && parseIsoDate(value) !== null) return value;
  throw new UsageError(`--${option} ${String(value)} is not a date: expected YYYY-MM-DD`);
}

export const todayUtc = (): string => new Date().toISOString().slice(0, 10);
