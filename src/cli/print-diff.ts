// A policy diff for people: in the terminal (text) or as a pull-request comment (Markdown), or as
// JSON for tools. Leads with whether any customer outcome changes, then per brand the sheet rows
// that changed and the claims they change, grouped by the changed rows those claims reach.

import type { GridClaim } from '../diff/claim-grid.js';
import type { ChangeGroup, ChangeSummary, ClaimChange, OutcomeDiff } from '../diff/diff-outcomes.js';
import type { OtherChange, PolicyChanges, RuleChange } from '../diff/policy-changes.js';
import type { Issue } from '../issue.js';
import { formatIssue } from '../issue.js';
import { formatMarkdownTable } from './print-table.js';

export type BrandDiff =
  | { brand: string; kind: 'removed'; before: string | null }
  | { brand: string; kind: 'broken'; side: 'base' | 'now'; issues: Issue[] }
  | { brand: string; kind: 'new'; name: string; after: string }
  | { brand: string; kind: 'identical'; name: string; version: string }
  | { brand: string; kind: 'changed'; name: string; before: string; after: string; changes: PolicyChanges; outcome: OutcomeDiff; truncated: boolean };

export interface DiffReport {
  base: { ref: string; commit: string };
  root: string;
  brands: BrandDiff[];
}

const v = (text: string) => (text === '' ? '—' : text);
const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

export function describeClaim(c: GridClaim): string {
  const seed = `"${c.seed}"${c.seedSource ? ` (${c.seedSource})` : ''}`;
  const changes = Object.entries(c.changes).map(([k, x]) => (x === null ? `${k} not sent` : `${k}=${String(x)}`));
  if (changes.length === 0) return `case ${seed}`;
  return `${seed} with ${changes.join(', ')}${c.note ? ` [${c.note}]` : ''}`;
}

function claimChanges(c: ClaimChange): string[] {
  const byRemedy = new Map<string, string[]>();
  for (const f of c.changes) (byRemedy.get(f.remedy) ?? byRemedy.set(f.remedy, []).get(f.remedy)!).push(`${f.field} ${v(f.before)} → ${v(f.after)}`);
  return [...byRemedy].map(([remedy, list]) => {
    const d = c.decided[remedy];
    const by = !d ? '' : d.before === d.after ? ` — decided by ${d.after}` : ` — decided by ${d.before ?? '—'} → ${d.after ?? '—'}`;
    return `${remedy}: ${list.join(', ')}${by}`;
  });
}

function ruleChangeText(r: RuleChange): string {
  const label = r.label ? ` "${r.label}"` : '';
  if (r.kind === 'added') return `${r.after}${label}: row added`;
  if (r.kind === 'removed') return `${r.before}${label}: row removed`;
  const where = r.before === r.after ? r.after : `${r.after} (was ${r.before})`;
  return `${where}${label}: ${r.cells.map((c) => `${c.column} ${v(c.before)} → ${v(c.after)}`).join('; ')}`;
}

/** The part of two texts that differs, with a few words of context: "…cannot be returned[ for a refund]." */
export function changedExcerpts(before: string, after: string, context = 24): [string, string] {
  if (before.length <= 60 && after.length <= 60) return [before, after];
  let p = 0;
  while (p < before.length && p < after.length && before[p] === after[p]) p++;
  let s = 0;
  while (s < before.length - p && s < after.length - p && before[before.length - 1 - s] === after[after.length - 1 - s]) s++;
  const from = Math.max(0, p - context),
    lead = from > 0 ? '…' : '';
  const cut = (t: string) => {
    const end = Math.min(t.length, t.length - s + context);
    return `${lead}${t.slice(from, end)}${end < t.length ? '…' : ''}`;
  };
  return [cut(before), cut(after)];
}

function otherText(o: OtherChange): string {
  const [b, a] = changedExcerpts(v(o.before), v(o.after));
  return `${o.sheet} ${o.subject}${o.field ? ` ${o.field}` : ''}: ${b} → ${a}`;
}

function summaryText(s: ChangeSummary): string {
  const shown = s.transitions.slice(0, 3).map((t) => `${v(t.before)} → ${v(t.after)}${s.transitions.length > 1 ? ` (${t.claims})` : ''}`);
  const more = s.transitions.length > 3 ? `, ${s.transitions.length - 3} more` : '';
  return `${s.remedy} ${s.field}: ${shown.join(', ')}${more} — ${plural(s.claims, 'claim')}`;
}

function groupTitle(g: ChangeGroup): string {
  if (g.rules.length) return `Reaching ${g.rules.map((r) => (r.kind === 'removed' ? `${r.before} (removed)` : r.after)).join(', ')}`;
  return g.other.length ? `Reaching no changed row; from ${g.other.map((o) => `${o.sheet} ${o.subject}`).join(', ')}` : 'Reaching no changed row';
}

const isCase = (c: ClaimChange) => Object.keys(c.claim.changes).length === 0;

/**
 * Editors' cases first, then generated claims picked for variety — each new kind of outcome change,
 * then each new set of varied facts — then the rest, up to `limit` (0 = all).
 */
function shownClaims(g: ChangeGroup, limit: number): ClaimChange[] {
  const generated = g.claims.filter((c) => !isCase(c));
  const picked = new Set<ClaimChange>(g.claims.filter(isCase));
  const pickBy = (key: (c: ClaimChange) => string) => {
    const seen = new Set([...picked].map(key));
    for (const c of generated)
      if (!picked.has(c) && !seen.has(key(c))) {
        seen.add(key(c));
        picked.add(c);
      }
  };
  pickBy((c) => c.changes.map((f) => `${f.remedy}.${f.field}:${f.before}>${f.after}`).join('|'));
  pickBy((c) => Object.keys(c.claim.changes).sort().join('|'));
  const ordered = [...picked, ...generated.filter((c) => !picked.has(c))];
  return limit === 0 ? ordered : ordered.slice(0, limit);
}

function counts(o: OutcomeDiff): string {
  const cases = o.changed.filter(isCase).length;
  return `${plural(cases, "editors' case")}, ${plural(o.changed.length - cases, 'generated claim')}`;
}

function textBrand(b: BrandDiff, limit: number, out: (l: string) => void): void {
  switch (b.kind) {
    case 'removed':
      out(`${b.brand}: removed (was ${b.before ?? 'not compiling'})`);
      return;
    case 'broken':
      out(`${b.brand}: does not compile ${b.side === 'base' ? 'at the base ref' : 'now'}, so it cannot be compared:`);
      for (const i of b.issues.slice(0, 10)) out(`  ${formatIssue(i)}`);
      return;
    case 'new':
      out(`${b.brand} — ${b.name}: new brand (${b.after}), no earlier version to compare`);
      return;
    case 'identical':
      out(`${b.brand} — ${b.name}: no changes to the compiled policy (${b.version}); no customer outcome changes`);
      return;
  }
  out(`${b.brand} — ${b.name}: ${b.before} → ${b.after}`);
  const wording = b.changes.other.filter((o) => o.wording),
    other = b.changes.other.filter((o) => !o.wording);
  if (b.changes.rules.length) {
    out('  Rule changes:');
    for (const r of b.changes.rules) out(`    ${ruleChangeText(r)}`);
  }
  if (other.length) {
    out('  Other changes:');
    for (const o of other) out(`    ${otherText(o)}`);
  }
  if (wording.length) {
    out('  Wording changes (what customers read, not what they get):');
    for (const o of wording) out(`    ${otherText(o)}`);
  }
  const o = b.outcome;
  if (o.changed.length === 0) {
    out(`  No customer outcome changes: all ${plural(o.claimsChecked, 'claim')} checked get the same status, reasons, deadline, fees and payers.`);
    return;
  }
  out(
    `  ${plural(o.changed.length, 'claim')} of ${o.claimsChecked.toLocaleString('en-US')} checked change outcome (${counts(o)})${b.truncated ? ' — the claim grid was capped' : ''}:`,
  );
  for (const g of o.groups) {
    out('');
    out(`  ▸ ${groupTitle(g)} — ${plural(g.claims.length, 'claim')}`);
    for (const s of g.summary) out(`      ${summaryText(s)}`);
    for (const c of shownClaims(g, limit)) {
      out(`    • ${describeClaim(c.claim)}`);
      for (const line of claimChanges(c)) out(`        ${line}`);
    }
    const hidden = g.claims.length - shownClaims(g, limit).length;
    if (hidden > 0) out(`    … and ${plural(hidden, 'more claim')} (--limit 0 lists them all; --format json gives their facts)`);
  }
}

function markdownBrand(b: BrandDiff, limit: number, out: (l: string) => void): void {
  const title = (name: string) => `### ${name} (\`${b.brand}\`)`;
  switch (b.kind) {
    case 'removed':
      out(`### \`${b.brand}\`\nBrand removed (was \`${b.before ?? '—'}\`).`);
      return;
    case 'broken':
      out(`### \`${b.brand}\`\n:x: Does not compile ${b.side === 'base' ? 'at the base' : 'on this branch'}; see \`policy check\`.`);
      return;
    case 'new':
      out(`${title(b.name)}\nNew brand, version \`${b.after}\`: no earlier version to compare.`);
      return;
    case 'identical':
      out(`${title(b.name)}\nNo changes to the compiled policy: **no customer outcome changes**.`);
      return;
  }
  out(`${title(b.name)}\n\`${b.before}\` → \`${b.after}\``);
  const rows = [
    ...b.changes.rules.map((r) => [
      `\`${r.kind === 'removed' ? r.before : r.after}\``,
      r.label ?? '',
      r.kind === 'changed' ? r.cells.map((c) => `\`${c.column}\`: ${v(c.before)} → **${v(c.after)}**`).join('<br>') : `row ${r.kind}`,
    ]),
    ...b.changes.other.map((o) => {
      const [was, now] = changedExcerpts(v(o.before), v(o.after));
      return [`\`${o.sheet}\``, `${o.subject}${o.field ? ` ${o.field}` : ''}${o.wording ? ' (wording)' : ''}`, `${was} → **${now}**`];
    }),
  ];
  if (rows.length) {
    out('');
    formatMarkdownTable(['where', 'what', 'change'], rows).forEach(out);
  }
  const o = b.outcome;
  out('');
  if (o.changed.length === 0) {
    out(`**No customer outcome changes** across ${plural(o.claimsChecked, 'claim')} checked (status, reasons, deadline, fees and payers).`);
    return;
  }
  out(`**${plural(o.changed.length, 'claim')} change outcome** of ${o.claimsChecked.toLocaleString('en-US')} checked (${counts(o)}).`);
  for (const g of o.groups) {
    out('');
    out(`#### ${groupTitle(g)} — ${plural(g.claims.length, 'claim')}`);
    for (const s of g.summary) out(`- ${summaryText(s)}`);
    const table = (list: ClaimChange[]) =>
      formatMarkdownTable(
        ['claim', 'changes'],
        list.map((c) => [describeClaim(c.claim), claimChanges(c).join('\n')]),
      );
    const shown = shownClaims(g, limit);
    out('');
    table(shown).forEach(out);
    const rest = shownClaims(g, 0).slice(shown.length, shown.length + 100);
    if (rest.length) {
      out('');
      out(`<details><summary>${plural(g.claims.length - shown.length, 'more claim')}</summary>\n`);
      table(rest).forEach(out);
      if (g.claims.length - shown.length > rest.length)
        out(`\n… and ${g.claims.length - shown.length - rest.length} more: run \`npm run policy -- diff --limit 0\``);
      out('\n</details>');
    }
  }
}

function headline(report: DiffReport): string {
  const changed = report.brands.filter((b) => b.kind === 'changed' && b.outcome.changed.length > 0) as Extract<BrandDiff, { kind: 'changed' }>[];
  if (changed.length === 0) return 'No customer outcome changes.';
  return `Customer outcomes change for ${changed.map((b) => `${b.brand} (${plural(b.outcome.changed.length, 'claim')})`).join(', ')}.`;
}

export function printDiff(report: DiffReport, format: 'text' | 'markdown' | 'json', limit: number, out: (l: string) => void): void {
  if (format === 'json') {
    out(JSON.stringify({ headline: headline(report), ...report }, null, 2));
    return;
  }
  const base = `${report.base.ref} (${report.base.commit.slice(0, 7)})`;
  if (format === 'markdown') {
    out('## Policy diff: customer outcomes');
    out(`Sheets in \`${report.root}\` at \`${base}\` → this change. **${headline(report)}**`);
    for (const b of report.brands) {
      out('');
      markdownBrand(b, limit, out);
    }
    out('');
    out(
      "<sub>Claims checked: the editors' cases, each varied one fact at a time across every table boundary (enum values, flags, numbers either side of each limit, window last day / day after), plus each table's inputs crossed pairwise. `npm run policy -- diff` reproduces this locally.</sub>",
    );
    return;
  }
  out(`Comparing ${report.root} at ${base} with the working tree`);
  for (const b of report.brands) {
    out('');
    textBrand(b, limit, out);
  }
  out('');
  out(headline(report));
}
