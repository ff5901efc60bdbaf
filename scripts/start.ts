// `npm start` (after `npm run build`): seeds the local KV namespace that `wrangler dev` persists in
// .wrangler/state with the compiled policies, then serves the Worker on 127.0.0.1:8787 offline.
// (`npm run dev` does the same and republishes each sheet an editor saves: scripts/dev.ts.)

import { LOCAL_ADDRESS, LOCAL_EFFECTIVE_FROM } from './local-preview.js';
import { publishPolicies } from './publish-policies.js';
import { serveWrangler } from './wrangler.js';

await publishPolicies('local', LOCAL_EFFECTIVE_FROM);
process.exitCode = await serveWrangler(['dev', ...LOCAL_ADDRESS], 'local');
