// Finds the POLICIES namespace in the project's wrangler config (wrangler.toml / .json / .jsonc), so
// `policy publish --local` writes the namespace `wrangler dev` reads: its preview_id, else its id,
// else the binding name (what wrangler dev itself uses for a namespace without ids).

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';

export interface KvNamespaceConfig {
  binding: string;
  id?: string;
  previewId?: string;
}
export interface WranglerConfig {
  path: string;
  namespace: KvNamespaceConfig | null;
}

const FILES = ['wrangler.json', 'wrangler.jsonc', 'wrangler.toml'];

/** The config file in `from` or the nearest folder above it, as wrangler looks it up. */
export function findWranglerConfig(from: string): string | null {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    for (const f of FILES) if (existsSync(join(dir, f))) return join(dir, f);
    if (dirname(dir) === dir) return null;
  }
}

function fromToml(text: string, binding: string): KvNamespaceConfig | null {
  // Only [[kv_namespaces]] tables at the top level; a block ends at the next table header.
  for (const block of text.split(/^\s*\[\[kv_namespaces\]\]\s*$/m).slice(1)) {
    const body = block.split(/^\s*\[/m)[0]!;
    const value = (key: string) => new RegExp(`^\\s*${key}\\s*=\\s*["']([^"']*)["']`, 'm').exec(body)?.[1];
    if (value('binding') !== binding) continue;
    const id = value('id'),
      previewId = value('preview_id');
    return { binding, ...(id ? { id } : {}), ...(previewId ? { previewId } : {}) };
  }
  return null;
}

function fromJson(text: string, binding: string): KvNamespaceConfig | null {
  const stripped = text
    .replace(/("(?:[^"\\]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (_match, str: string | undefined) => str ?? '')
    .replace(/,(\s*[}\]])/g, '$1');
  const config = JSON.parse(stripped) as { kv_namespaces?: { binding?: string; id?: string; preview_id?: string }[] };
  const ns = config.kv_namespaces?.find((n) => n.binding === binding);
  return ns ? { binding, ...(ns.id ? { id: ns.id } : {}), ...(ns.preview_id ? { previewId: ns.preview_id } : {}) } : null;
}

export function readWranglerConfig(path: string, binding: string): WranglerConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (path.endsWith('.toml')) return { path, namespace: fromToml(text, binding) };
  try {
    return { path, namespace: fromJson(text, binding) };
  } catch {
    throw new UsageError(`${path} is not valid JSON: expected the wrangler config wrangler itself reads`);
  }
}

/** The namespace id wrangler dev gives the binding locally. */
export const localNamespaceId = (ns: KvNamespaceConfig | null, binding: string): string => ns?.previewId ?? ns?.id ?? binding;
