// `npm start` (after `npm run build`): seeds the local KV namespace that `wrangler dev` persists in
// .wrangler/state with the compiled policies, then serves the Worker on 127.0.0.1:8787 offline.

import { publishPolicies } from './publish-policies.js';
import { serveWrangler } from './wrangler.js';

// Local policies apply to any order date: the local timeline then grows one entry per change.
publishPolicies('local', new Date().toISOString().slice(0, 10));
process.exitCode = await serveWrangler(['dev', '--ip', '127.0.0.1', '--port', '8787'], 'local');
