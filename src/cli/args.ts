// Minimal argument parsing: positionals and --flag / --flag value / --flag=value options.

import { UsageError } from './errors.js';

export interface Args { positional: string[]; options: Record<string, string | true> }

export function parseArgs(argv: string[], valued: string[], flags: string[]): Args {
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) { positional.push(arg); continue; }
    const [key, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (valued.includes(key)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`--${key} needs a value`);
      options[key] = value;
    } else if (flags.includes(key)) options[key] = true;
    else throw new UsageError(`unknown option --${key}: expected ${[...valued, ...flags].map((o) => `--${o}`).join(', ') || 'no options'}`);
  }
  return { positional, options };
}
