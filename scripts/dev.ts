// `npm run dev` (after `npm run build`): the policy editor's preview. Seeds the local KV like
// `npm start`, serves the Worker with `wrangler dev` (offline), and watches policy-sheets/: each save
// re-checks the brand it touched (every brand for _shared/), publishes it to the same local KV when
// its cases pass, and prints its problems (sheet:row:column) when they do not — the last good version
// stays served. The playground shows the same problems in a banner.
//
// The Worker runs with two dev-only vars, never set in production (wrangler.toml):
// - POLICY_RECHECK_SECONDS=0: it reads each brand's pointer on every request (a local read, well
//   under a millisecond), so a version published a moment ago answers the next request. The bundled
//   fallback cannot mask it: the bundle answers only when KV has no pointer for the brand.
// - DEV_PREVIEW=1: GET /v1/dev/problems and `Cache-Control: no-store` (functions/dev-preview.ts).

import { parseArgs } from '../src/cli/args.js';
import { startDevLoop } from '../src/cli/dev/dev-loop.js';
import { recheckBrands } from '../src/cli/dev/recheck-brands.js';
import { openStore, STORE_FLAGS, STORE_OPTIONS } from '../src/cli/open-store.js';
import { DEFAULT_SHEETS_DIR, listBrands } from '../src/cli/read-sheets.js';
import { LOCAL_ADDRESS, LOCAL_EFFECTIVE_FROM } from './local-preview.js';
import { publishCompiled } from './publish-policies.js';
import { serveWrangler } from './wrangler.js';

const DEV_VARS = ['--var', 'POLICY_RECHECK_SECONDS:0', '--var', 'DEV_PREVIEW:1'];
const out = (line: string) => console.log(line);

const store = await openStore(parseArgs(['--local'], STORE_OPTIONS, STORE_FLAGS));
await publishCompiled(store, LOCAL_EFFECTIVE_FROM);
// Replaces the problem records a previous session left in .wrangler/state (all clean: the build passed).
await recheckBrands(listBrands(DEFAULT_SHEETS_DIR), { root: DEFAULT_SHEETS_DIR, store, effectiveFrom: LOCAL_EFFECTIVE_FROM, out: () => {} });
const loop = startDevLoop({ root: DEFAULT_SHEETS_DIR, store, effectiveFrom: LOCAL_EFFECTIVE_FROM, out });
out(`Watching ${DEFAULT_SHEETS_DIR}/: a saved sheet is re-checked and, when its cases pass, served at once.`);

// Anything after `npm run dev --` goes to wrangler dev (e.g. `-- --port 8788`, which replaces 8787).
const extra = process.argv.slice(2);
const address = extra.some((a) => a.startsWith('--port')) ? LOCAL_ADDRESS.slice(0, 2) : LOCAL_ADDRESS;
process.exitCode = await serveWrangler(['dev', ...address, ...DEV_VARS, ...extra], 'local');
loop.close();
await store.close();
