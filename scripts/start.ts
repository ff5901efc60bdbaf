// `npm start` (after `npm run build`): seeds the local KV namespace that `wrangler dev` persists in
// .wrangler/state with the compiled policies, then serves the Worker on 127.0.0.1:8787 offline.

import { publishPolicies } from './publish-policies.js';
import { serveWrangler } from './wrangler.js';

// Locally the sheets just built judge every claim, whatever its order date: an editor who restarts
// after a change sees it at once. (Deploys publish from today on; to try version pinning locally:
// `npm run publish:local -- --effective-from 2026-06-01`.)
const LOCAL_EFFECTIVE_FROM = '2000-01-01';

await publishPolicies('local', LOCAL_EFFECTIVE_FROM);
process.exitCode = await serveWrangler(['dev', '--ip', '127.0.0.1', '--port', '8787'], 'local');
