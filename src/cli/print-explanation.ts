// An explanation for people: the decision as a table (remedy, status, deadline, fees, reasons),
// then the sheet rows behind each remedy, the windows, and with --trace every table consulted.

import type { Explanation, RowSaid } from '../explain/explain-decision.js';
import { formatTable } from './print-table.js';

const STATUS_MARK: Record<string, string> = { eligible: '✓', ineligible: '✗', review: '?' };
const show = (v: unknown) => (v === null || v === undefined ? '—' : Array.isArray(v) ? v.join(', ') || '—' : String(v));

function rowLine(row: RowSaid): string {
  const says = row.verdict === null ? 'describes' : row.verdict;
  const details = [row.reasons.length ? `reason ${row.reasons.join(', ')}` : '', row.fields.length ? `sets ${row.fields.join(', ')}` : '']
    .filter(Boolean)
    .join('; ');
  return `${row.decisive ? '▶' : ' '} ${row.source}${row.label ? ` "${row.label}"` : ''} — ${says}${details ? ` (${details})` : ''}`;
}

export function printExplanation(e: Explanation, claim: Record<string, unknown>, trace: boolean, out: (line: string) => void): void {
  out(`${e.name} (${e.brand}) · policy ${e.version} · as of ${e.asOf} · ${e.locale}`);
  out(
    `claim: ${
      Object.entries(claim)
        .map(([k, v]) => `${k}=${show(v)}`)
        .join(', ') || '(no facts)'
    }`,
  );
  out('');
  const rows = e.remedies.map((r) => [
    r.label,
    `${STATUS_MARK[r.status] ?? ''} ${r.status}`,
    r.deadline ?? '—',
    Object.entries(r.fees)
      .map(([k, v]) => `${k}: ${v}`)
      .join('\n') || '—',
    r.reasons.map((x) => x.code).join('\n') || '—',
  ]);
  formatTable(['remedy', 'status', 'deadline', 'fees and payers', 'reasons'], rows).forEach(out);

  out('');
  out('Why — the sheet rows behind each remedy (▶ decided the status):');
  for (const r of e.remedies) {
    if (r.rows.length === 0) {
      out(`  ${r.label} (${r.remedy}): ${r.status} — no row speaks about it for this claim (${r.reasons.map((x) => x.code).join(', ') || 'no reason'})`);
      continue;
    }
    out(`  ${r.label} (${r.remedy}): ${r.status}${r.deadline && r.deadlineBasis ? ` · deadline ${r.deadline} (${r.deadlineBasis})` : ''}`);
    for (const reason of r.reasons) out(`      ${reason.code}: ${reason.message} [${reason.source}]`);
    if (r.evidence.length) out(`      evidence: ${r.evidence.join(', ')}`);
    for (const row of r.rows) out(`    ${rowLine(row)}`);
  }

  out('');
  out('Windows:');
  const lines = formatTable(
    ['window', 'label', 'starts on', 'last day', 'status'],
    e.windows.map((w) => [w.window, w.label, w.starts_on ?? '—', w.deadline ?? '—', w.status]),
  );
  for (const line of lines) out(`  ${line}`);
  const derived = Object.entries(e.derived);
  if (derived.length) out(`Derived facts: ${derived.map(([k, v]) => `${k}=${show(v)}`).join(', ')}`);
  if (e.notEstablished.length) out(`Not established (read as false): ${e.notEstablished.join(', ')}`);

  if (!trace) return;
  out('');
  out('Trace — every table consulted, in evaluation order:');
  for (const t of e.tables) {
    const produced = Object.entries(t.derived)
      .map(([k, v]) => `${k}=${show(v)}`)
      .join(', ');
    out(`  ${t.table} (hit policy ${t.hitPolicy})${produced ? ` → ${produced}` : ''}`);
    if (t.error) out(`      ⚠ ${t.error}`);
    if (t.matched.length === 0) out('      no row matched');
    for (const m of t.matched) out(`      ${m.source}${m.label ? ` "${m.label}"` : ''}`);
  }
}
