// `npm run deploy` (after `npm run build`): ships the Worker to Cloudflare, then publishes the
// compiled policies to the remote POLICIES namespace. The Worker goes first so a Worker that reads a
// newer policy format is live before any such policy is; older Workers would fall back to their bundle.
//   npm run deploy [-- --effective-from YYYY-MM-DD] [-- --dry-run]
// Needs `npx wrangler login` (or CLOUDFLARE_API_TOKEN + CLOUDFLARE_ACCOUNT_ID) and the namespace id in
// wrangler.toml; see README.md § Edge API › Deploy.

import { readFileSync } from 'node:fs';
import { parseIsoDate } from '../src/evaluate/dates.js';
import { planPublish } from '../src/store/publish-plan.js';
import { publishPolicies } from './publish-policies.js';
import { readCompiledPolicies } from './read-compiled.js';
import { serveWrangler } from './wrangler.js';

const SETUP = `wrangler.toml has no KV namespace id for POLICIES. Once per Cloudflare account:
  npx wrangler login
  npx wrangler kv namespace create POLICIES
then add the printed id under [[kv_namespaces]] in wrangler.toml:  id = "<namespace id>"`;

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

/** The POLICIES block of wrangler.toml names a namespace id (else deploy and publish could disagree). */
function hasNamespaceId(): boolean {
  const toml = readFileSync('wrangler.toml', 'utf8');
  const block = toml
    .split('[[kv_namespaces]]')
    .slice(1)
    .find((b) => /binding\s*=\s*"POLICIES"/.test(b.split(/^\[/m)[0]!));
  return !!block && /^\s*id\s*=\s*"[0-9a-f]{32}"/m.test(block.split(/^\[/m)[0]!);
}

async function deploy(): Promise<number> {
  const effectiveFrom = option('effective-from') ?? new Date().toISOString().slice(0, 10);
  if (parseIsoDate(effectiveFrom) === null) {
    console.error('usage: npm run deploy [-- --effective-from YYYY-MM-DD] [-- --dry-run]');
    return 2;
  }
  if (process.argv.includes('--dry-run')) {
    // Build the upload exactly as deploy would and show the KV writes, touching nothing remote.
    const code = await serveWrangler(['deploy', '--dry-run', '--outdir', 'dist/worker/upload'], 'local');
    const now = new Date().toISOString();
    const plan = planPublish(readCompiledPolicies(), { pointers: {}, legacy: [] }, effectiveFrom, now, now.slice(0, 10));
    if ('problems' in plan) {
      console.error(`✗ ${plan.problems.join('; ')}`);
      return 1;
    }
    for (const [i, phase] of plan.phases.entries()) console.log(`KV phase ${i + 1}: ${phase.map((e) => e.key).join(', ')}`);
    return code;
  }
  if (!hasNamespaceId()) {
    console.error(`✗ ${SETUP}`);
    return 1;
  }
  const code = await serveWrangler(['deploy'], 'remote');
  if (code !== 0) return code;
  await publishPolicies('remote', effectiveFrom);
  return 0;
}

process.exitCode = await deploy().catch((error: Error) => {
  console.error(`✗ ${error.message}`);
  return 1;
});
