// `npm run policy -- <command>`: read → pure core step → print. Errors become exit codes here only.

import { build } from './commands/build.js';
import { check } from './commands/check.js';
import { table } from './commands/table.js';
import { test } from './commands/test.js';
import { exitCodeFor, UsageError } from './errors.js';
import { DEFAULT_SHEETS_DIR } from './read-sheets.js';

export interface CommandContext {
  root: string;                  // the policy-sheets folder
  out: (line: string) => void;
  err: (line: string) => void;
}

const COMMANDS: Record<string, (argv: string[], ctx: CommandContext) => void | Promise<void>> = { build, check, test, table };

const USAGE = `usage: policy <command> [options]
  check [brand…] [--format text|json|github]   compile and verify the sheets
  test [brand…]                                run the editors' cases
  build [--out dir]                            compile every brand to dist/policies
  table <file.csv> --facts '<json>'            evaluate one decision table (or --facts-file x.jsonl)
options: --sheets <dir> (default policy-sheets)`;

export async function main(argv: string[], ctx: Omit<CommandContext, 'root'>): Promise<number> {
  const sheetsAt = argv.indexOf('--sheets');
  const root = sheetsAt >= 0 ? argv[sheetsAt + 1] ?? DEFAULT_SHEETS_DIR : DEFAULT_SHEETS_DIR;
  const rest = sheetsAt >= 0 ? argv.filter((_, i) => i !== sheetsAt && i !== sheetsAt + 1) : argv;
  const [name, ...args] = rest;
  try {
    const command = name ? COMMANDS[name] : undefined;
    if (!command) throw new UsageError(name ? `unknown command "${name}"\n${USAGE}` : USAGE);
    await command(args, { ...ctx, root });
    return 0;
  } catch (error) {
    const code = exitCodeFor(error);
    if (code === 2) ctx.err((error as Error).message);
    else if (code === 1) ctx.err(`✗ ${(error as Error).message}`);
    else ctx.err(`internal error: ${(error as Error).message}`);
    return code;
  }
}

const isEntry = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').replace(/^.*\/src\//, '/src/'));
if (isEntry) {
  main(process.argv.slice(2), { out: (l) => console.log(l), err: (l) => console.error(l) }).then((code) => { process.exitCode = code; });
}
