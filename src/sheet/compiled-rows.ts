// A compiled sheet back as rows of cells in the sheet's own syntax — a decision table, remedies.csv or
// windows.csv — for exports people open in a spreadsheet (writeCsv). Annotation (#) columns are not
// compiled, so they are not here either.

import type { CompiledPolicy, CompiledRemedy, CompiledTable, CompiledWindow } from '../contract.js';
import { formatOutput, formatTest } from './format-cell.js';

function tableRows(table: CompiledTable): string[][] {
  const header = [
    `${table.hitPolicy}${table.complete ? ' complete' : ''}`,
    ...table.inputs.map((i) => i.name),
    ...table.outputs.map((o) => `> ${o.name}${o.default === undefined ? '' : ` default ${formatOutput({ value: o.default })}`}`),
  ];
  return [header, ...table.rules.map((r) => [r.label ?? '', ...r.tests.map((t) => formatTest(t)), ...r.outputs.map((o) => formatOutput(o))])];
}

/** windows.csv's columns */
export const WINDOW_COLUMNS = ['window', 'length', 'unit', 'counts_from', 'checked_against', 'label', 'badge'];

/** A window's cells as windows.csv writes them, up to its badge column (exports write yes/no, the viewer yes/blank). */
export const windowCells = (w: CompiledWindow): string[] => [
  w.name,
  typeof w.length === 'number' ? String(w.length) : w.length.ref,
  w.unit,
  w.countsFrom.join('|'),
  w.checkedAgainst,
  w.label,
];

/** remedies.csv's columns */
export const REMEDY_COLUMNS = ['remedy', 'label', 'deadline', 'evidence', 'description'];

/** A remedy's cells as remedies.csv writes them (windows joined with ` | `, as the seed sheets write them). */
export const remedyCells = (r: CompiledRemedy): string[] => [r.name, r.label, r.deadline.join(' | '), r.evidence.join(', '), r.description ?? ''];

/** The sheet's rows, header first; null when the policy has no sheet of that name. */
export function compiledRows(policy: CompiledPolicy, sheet: string): string[][] | null {
  if (sheet === 'remedies') {
    return [REMEDY_COLUMNS, ...policy.remedies.map(remedyCells)];
  }
  if (sheet === 'windows') return [WINDOW_COLUMNS, ...policy.windows.map((w) => [...windowCells(w), w.badge ? 'yes' : 'no'])];
  const table = policy.tables.find((t) => t.name === sheet);
  return table ? tableRows(table) : null;
}
