// `npm run policy -- <command>`: read → pure core step → print. Errors become exit codes here only.

import { build } from './commands/build.js';
import { check } from './commands/check.js';
import { diff } from './commands/diff.js';
import { explain } from './commands/explain.js';
import { newBrand } from './commands/new-brand.js';
import { publish } from './commands/publish.js';
import { rollback } from './commands/rollback.js';
import { table } from './commands/table.js';
import { test } from './commands/test.js';
import { versions } from './commands/versions.js';
import { exitCodeFor, UsageError } from './errors.js';
import { DEFAULT_SHEETS_DIR } from './read-sheets.js';

export interface CommandContext {
  root: string; // the policy-sheets folder
  out: (line: string) => void;
  err: (line: string) => void;
}

const COMMANDS: Record<string, (argv: string[], ctx: CommandContext) => void | Promise<void>> = {
  build,
  check,
  diff,
  explain,
  'new-brand': newBrand,
  test,
  table,
  publish,
  rollback,
  versions,
};

const USAGE = `usage: policy <command> [options]
  check [brand…] [--format text|json|github]   compile and verify the sheets
  explain <brand> --claim claim.json           one claim's decision and the sheet rows behind it
          (or --fact name=value …, --<fact> value …) [--as-of DATE] [--lang de] [--trace] [--format text|json]
  test [brand…]                                run the editors' cases
  diff [--base <git-ref>] [brand…] [--format text|markdown|json] [--limit N]
                                               which customer outcomes change between the base (default HEAD) and now
  publish [brand…] [--local | --remote] [--effective-from DATE] [--persist-to DIR]
                                               compile, run the cases, store the versions, switch the pointers
  rollback <brand> [--to <version>] [--local | --remote]   point the brand back at an earlier version
  versions <brand> [--local | --remote]        the brand's published versions, the live one marked
  new-brand <id>                               scaffold policy-sheets/<id>/: a brand that compiles, with cases to fill in
  build [--out dir]                            compile every brand to dist/policies
  table <file.csv> --facts '<json>'            evaluate one decision table (or --facts-file x.jsonl)
options: --sheets <dir> (default policy-sheets)`;

export async function main(argv: string[], ctx: Omit<CommandContext, 'root'>): Promise<number> {
  const sheetsAt = argv.indexOf('--sheets');
  const root = sheetsAt >= 0 ? (argv[sheetsAt + 1] ?? DEFAULT_SHEETS_DIR) : DEFAULT_SHEETS_DIR;
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
    else if (code === 3) ctx.err(`✗ policy store: ${(error as Error).message}`);
    else ctx.err(`internal error: ${(error as Error).stack ?? String(error)}`);
    return code;
  }
}

const isEntry = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').replace(/^.*\/src\//, '/src/'));
if (isEntry) {
  // Output piped into `head` and closed early is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  main(process.argv.slice(2), { out: (l) => console.log(l), err: (l) => console.error(l) }).then((code) => {
    process.exitCode = code;
  });
}
