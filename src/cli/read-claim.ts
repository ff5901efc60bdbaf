// A claim for `explain`: a JSON file (the facts, or an API request body {brand, claim}) and/or facts
// given on the command line (`--fact water_damage=true` or `--water_damage true`), checked against
// the brand's vocabulary the way the API checks it.

import { readFileSync } from 'node:fs';
import type { CompiledFact, CompiledPolicy } from '../contract.js';
import { checkClaim } from '../evaluate/check-claim.js';
import { decodeSheet } from './decode-sheet.js';
import { UsageError } from './errors.js';

export interface RawFact {
  name: string;
  text: string | undefined;
  from: string;
}

/**
 * Splits `--<name> value` options that are not among `known` out of argv, as candidate facts
 * (the brand, and so its facts, is only known after the positionals are read).
 */
export function splitFactOptions(argv: string[], valued: string[], flags: string[]): { rest: string[]; facts: RawFact[] } {
  const rest: string[] = [];
  const facts: RawFact[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [key, inline] = arg.startsWith('--') ? (arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined]) : ['', undefined];
    if (!key || valued.includes(key) || flags.includes(key)) {
      rest.push(arg);
      if (key && valued.includes(key) && inline === undefined && i + 1 < argv.length) rest.push(argv[++i]!);
      continue;
    }
    const next = argv[i + 1];
    // `--name value` takes the next argument as its value (skipping it); `--name` alone has none.
    const nextIsValue = inline === undefined && next !== undefined && !next.startsWith('--');
    if (nextIsValue) i++;
    facts.push({ name: key, text: nextIsValue ? next : inline, from: `--${key}` });
  }
  return { rest, facts };
}

/** `name=value` (or a bare `name`, read as true) from `--fact`. */
export function parseFactAssignment(text: string): RawFact {
  const at = text.indexOf('=');
  return at < 0 ? { name: text, text: undefined, from: `--fact ${text}` } : { name: text.slice(0, at), text: text.slice(at + 1), from: `--fact ${text}` };
}

const TRUE = new Set(['true', 'yes', 'y', '1', '√', '✓', '✔']);
const FALSE = new Set(['false', 'no', 'n', '0', '×', '✗', '✘']);

function typedValue(fact: CompiledFact, raw: RawFact): unknown {
  const text = raw.text?.trim();
  if (fact.type === 'boolean') {
    if (text === undefined) return true;
    if (TRUE.has(text.toLowerCase())) return true;
    if (FALSE.has(text.toLowerCase())) return false;
    throw new UsageError(`${raw.from}: "${text}" is not true or false`);
  }
  if (text === undefined || text === '') throw new UsageError(`${raw.from} needs a value: expected ${fact.name}=<${fact.type}>`);
  if (fact.type === 'number') return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
  return text;
}

export function readClaimFile(path: string): Record<string, unknown> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new UsageError(`cannot read ${path}`);
  }
  const decoded = decodeSheet(bytes);
  if (!decoded.ok) throw new UsageError(`${path} is not UTF-8 text (line ${decoded.row}): expected a JSON file saved as UTF-8`);
  const text = decoded.text;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError(`${path} is not JSON: expected an object of claim facts`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new UsageError(`${path} is not a JSON object: expected an object of claim facts`);
  const body = value as Record<string, unknown>;
  // The API's request body {brand, claim} works too, so a request can be explained as sent.
  if (typeof body.claim === 'object' && body.claim !== null && !Array.isArray(body.claim)) return { ...(body.claim as Record<string, unknown>) };
  return { ...body };
}

/** The claim file's facts overlaid with the command-line facts, checked against the brand's facts. */
export function buildClaim(policy: CompiledPolicy, fromFile: Record<string, unknown>, raw: RawFact[]): Record<string, unknown> {
  const byName = new Map(policy.facts.map((f) => [f.name, f]));
  const claim = { ...fromFile };
  for (const r of raw) {
    const fact = byName.get(r.name);
    if (!fact) throw new UsageError(`${r.from}: "${r.name}" is not a fact of ${policy.brand}: expected one of ${[...byName.keys()].join(', ')}`);
    claim[r.name] = typedValue(fact, r);
  }
  const checked = checkClaim(policy.facts, claim);
  if (!checked.ok) throw new UsageError(`the claim is not valid:\n${checked.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
  return claim;
}
