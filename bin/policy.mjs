#!/usr/bin/env node
// `npx policy <command>`: the policy editors' CLI (src/cli/main.ts), run from its TypeScript
// sources through tsx's loader, the same code `npm run policy --` runs.

import { register } from 'tsx/esm/api';

register();
// Output piped into `head` and closed early is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
