// `policy table <file.csv> --facts '<json>' | --facts-file cases.jsonl`: evaluate one decision
// table on its own (DMN semantics, no brand vocabulary), one JSON result per line.

import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { evaluateTable, parseStandaloneTable } from '../../evaluate/standalone-table.js';
import { parseArgs } from '../args.js';
import { decodeSheet } from '../decode-sheet.js';
import { PolicyProblems, UsageError } from '../errors.js';
import type { CommandContext } from '../main.js';
import { printIssues } from '../print-issues.js';

function readJson(text: string, where: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value;
  } catch {
    /* reported below */
  }
  throw new UsageError(`${where} is not a JSON object of facts`);
}

/** The table's text, decoded as strictly as a brand's sheets. */
function readTableFile(file: string, ctx: CommandContext): string {
  let bytes: Buffer;
  try {
    if (!statSync(file).isFile()) throw new Error('not a file');
    bytes = readFileSync(file);
  } catch {
    throw new UsageError(`cannot read ${file}: expected a CSV file`);
  }
  const decoded = decodeSheet(bytes);
  if (decoded.ok) return decoded.text;
  printIssues([{ code: 'not_utf8', sheet: basename(file), row: decoded.row, message: decoded.message, severity: 'error' }], 'text', '.', ctx.out);
  throw new PolicyProblems('table has problems');
}

export function table(argv: string[], ctx: CommandContext): void {
  const args = parseArgs(argv, ['facts', 'facts-file'], []);
  const [file] = args.positional;
  if (!file || args.positional.length > 1) throw new UsageError('usage: policy table <file.csv> --facts \'{"a":1}\' | --facts-file facts.jsonl');
  const text = readTableFile(file, ctx);
  const parsed = parseStandaloneTable(basename(file), text);
  if (!parsed.ok) {
    printIssues(parsed.issues, 'text', '.', ctx.out);
    throw new PolicyProblems('table has problems');
  }
  const factSets: Record<string, unknown>[] = [];
  if (typeof args.options.facts === 'string') factSets.push(readJson(args.options.facts, '--facts'));
  if (typeof args.options['facts-file'] === 'string') {
    let lines: string;
    try {
      lines = readFileSync(args.options['facts-file'], 'utf8');
    } catch {
      throw new UsageError(`cannot read ${args.options['facts-file']}`);
    }
    lines.split(/\r?\n/).forEach((line, i) => {
      if (line.trim()) factSets.push(readJson(line, `line ${i + 1} of ${args.options['facts-file']}`));
    });
  }
  if (factSets.length === 0) throw new UsageError("give the facts with --facts '<json>' or --facts-file <file.jsonl>");
  for (const facts of factSets) ctx.out(JSON.stringify(evaluateTable(parsed.table, facts)));
}
