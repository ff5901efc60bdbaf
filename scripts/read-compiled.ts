// Reads what `npm run build:policies` wrote: dist/policies/index.json and one document per brand.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompiledPolicy } from '../src/contract.js';
import { parsePolicy } from '../src/store/policy-document.js';

export const COMPILED_DIR = 'dist/policies';

export function readCompiledPolicies(dir = COMPILED_DIR): CompiledPolicy[] {
  const indexFile = join(dir, 'index.json');
  if (!existsSync(indexFile)) throw new Error(`${indexFile} is missing: run \`npm run build:policies\` first`);
  const index = JSON.parse(readFileSync(indexFile, 'utf8')) as Record<string, { version: string }>;
  return Object.entries(index).map(([brand, entry]) => {
    const policy = parsePolicy(readFileSync(join(dir, `${brand}.json`), 'utf8'));
    if (policy.brand !== brand || policy.version !== entry.version) throw new Error(`${dir}/${brand}.json does not match index.json: rebuild`);
    return policy;
  });
}
