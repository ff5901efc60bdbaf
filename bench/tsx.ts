// Scripts a benchmark starts in a child process (compiling sheets, seeding KV) run under tsx, as the
// project's npm scripts run them: the benchmark itself may be plain Node (bench/as-shipped.ts).

import { createRequire } from 'node:module';

/** `node <TSX_CLI> script.ts …` runs a TypeScript script as `npx tsx script.ts …` does. */
export const TSX_CLI = createRequire(import.meta.url).resolve('tsx/cli');
