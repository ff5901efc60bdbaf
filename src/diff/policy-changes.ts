// What changed between two compiled versions of a brand's policy, sheet by sheet: rules changed,
// added or removed (matched by content, so inserting a row does not "change" every row below it),
// and changes to windows, remedies, settings, vocabulary and wording. Pure.

import type { CompiledPolicy, CompiledRule, CompiledTable, SourceRef } from '../contract.js';
import { formatOutput, formatTest } from '../sheet/format-cell.js';

export interface CellChange {
  column: string;
  before: string;
  after: string;
}

export interface RuleChange {
  id: string; // the rule's source after the change (before, if removed)
  table: string; // brand/file.csv
  kind: 'changed' | 'added' | 'removed';
  before?: SourceRef;
  after?: SourceRef;
  label?: string;
  cells: CellChange[];
}

export interface OtherChange {
  sheet: string; // brand/windows.csv, brand/messages.csv …
  subject: string; // the window, remedy, setting or reason code
  field: string;
  before: string;
  after: string;
  wording: boolean; // only what customers read changes, not what they get
}

export interface PolicyChanges {
  identical: boolean;
  rules: RuleChange[];
  other: OtherChange[];
}

type Cells = Map<string, string>;

function ruleCells(table: CompiledTable, rule: CompiledRule): Cells {
  const cells: Cells = new Map();
  for (const [i, input] of table.inputs.entries()) cells.set(input.name, formatTest(rule.tests[i]!));
  for (const [o, output] of table.outputs.entries()) cells.set(`> ${output.name}`, formatOutput(rule.outputs[o]));
  return cells;
}

const signature = (label: string | undefined, cells: Cells) => JSON.stringify([label ?? '', [...cells].sort(([a], [b]) => a.localeCompare(b))]);

function cellChanges(before: { label?: string; cells: Cells }, after: { label?: string; cells: Cells }): CellChange[] {
  const changes: CellChange[] = [];
  if ((before.label ?? '') !== (after.label ?? '')) changes.push({ column: 'rule label', before: before.label ?? '', after: after.label ?? '' });
  const columns = [...new Set([...before.cells.keys(), ...after.cells.keys()])];
  for (const column of columns) {
    const b = before.cells.get(column) ?? '(no column)';
    const a = after.cells.get(column) ?? '(no column)';
    if (b !== a) changes.push({ column, before: b, after: a });
  }
  return changes;
}

/** Longest common subsequence of two signature lists, as index pairs. */
function commonRules(a: string[], b: string[]): [number, number][] {
  const n = a.length,
    m = b.length;
  const len: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) len[i]![j] = a[i] === b[j] ? len[i + 1]![j + 1]! + 1 : Math.max(len[i + 1]![j]!, len[i]![j + 1]!);
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (a[i] === b[j]) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (len[i + 1]![j]! >= len[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}

function tableRuleChanges(before: CompiledTable | undefined, after: CompiledTable | undefined): RuleChange[] {
  const rows = (t: CompiledTable | undefined) => (t ? t.rules.map((r) => ({ source: r.source, label: r.label, cells: ruleCells(t, r) })) : []);
  const b = rows(before),
    a = rows(after);
  const table = (after ?? before)!.source;
  const anchors = [
    ...commonRules(
      b.map((r) => signature(r.label, r.cells)),
      a.map((r) => signature(r.label, r.cells)),
    ),
    [b.length, a.length] as [number, number],
  ];
  const changes: RuleChange[] = [];
  let i = 0,
    j = 0;
  for (const [ai, aj] of anchors) {
    // Rows between two unchanged anchors: paired in order as edits, the surplus added or removed.
    const gone = b.slice(i, ai),
      came = a.slice(j, aj);
    for (let k = 0; k < Math.max(gone.length, came.length); k++) {
      const was = gone[k],
        now = came[k];
      if (was && now)
        changes.push({
          id: now.source,
          table,
          kind: 'changed',
          before: was.source,
          after: now.source,
          ...(now.label ? { label: now.label } : {}),
          cells: cellChanges(was, now),
        });
      else if (now) changes.push({ id: now.source, table, kind: 'added', after: now.source, ...(now.label ? { label: now.label } : {}), cells: [] });
      else if (was) changes.push({ id: was.source, table, kind: 'removed', before: was.source, ...(was.label ? { label: was.label } : {}), cells: [] });
    }
    i = ai + 1;
    j = aj + 1;
  }
  return changes;
}

interface Field<T> {
  name: string;
  read: (x: T) => unknown;
  wording?: boolean;
}

const text = (v: unknown): string =>
  v === undefined || v === null ? '' : Array.isArray(v) ? v.join(', ') : typeof v === 'object' ? JSON.stringify(v) : String(v);

function namedChanges<T>(sheet: string, before: T[], after: T[], key: (x: T) => string, fields: Field<T>[], into: OtherChange[]): void {
  const b = new Map(before.map((x) => [key(x), x])),
    a = new Map(after.map((x) => [key(x), x]));
  for (const name of new Set([...b.keys(), ...a.keys()])) {
    const was = b.get(name),
      now = a.get(name);
    if (!was || !now) {
      into.push({ sheet, subject: name, field: '', before: was ? 'defined' : '(absent)', after: now ? 'defined' : '(absent)', wording: false });
      continue;
    }
    for (const f of fields) {
      const x = text(f.read(was)),
        y = text(f.read(now));
      if (x !== y) into.push({ sheet, subject: name, field: f.name, before: x, after: y, wording: f.wording === true });
    }
  }
}

export function diffPolicies(before: CompiledPolicy, after: CompiledPolicy): PolicyChanges {
  if (before.version === after.version) return { identical: true, rules: [], other: [] };
  const brand = after.brand;
  const rules: RuleChange[] = [];
  const other: OtherChange[] = [];
  const byName = (p: CompiledPolicy) => new Map(p.tables.map((t) => [t.source, t]));
  const bt = byName(before),
    at = byName(after);
  for (const source of new Set([...bt.keys(), ...at.keys()])) {
    const was = bt.get(source),
      now = at.get(source);
    if (was && now && (was.hitPolicy !== now.hitPolicy || was.complete !== now.complete))
      other.push({
        sheet: source,
        subject: 'hit policy',
        field: '',
        before: `${was.hitPolicy}${was.complete ? ' complete' : ''}`,
        after: `${now.hitPolicy}${now.complete ? ' complete' : ''}`,
        wording: false,
      });
    rules.push(...tableRuleChanges(was, now));
  }
  namedChanges(
    `${brand}/policy.csv`,
    [before],
    [after],
    () => 'settings',
    [
      { name: 'name', read: (p) => p.name, wording: true },
      { name: 'currency', read: (p) => p.currency },
      { name: 'locales', read: (p) => p.locales, wording: true },
      { name: 'claim_date', read: (p) => p.claimDate },
      { name: 'warranty_window', read: (p) => p.warrantyWindow },
    ],
    other,
  );
  namedChanges(
    `${brand}/windows.csv`,
    before.windows,
    after.windows,
    (w) => w.name,
    [
      { name: 'length', read: (w) => (typeof w.length === 'number' ? w.length : w.length.ref) },
      { name: 'unit', read: (w) => w.unit },
      { name: 'counts_from', read: (w) => w.countsFrom.join(' | ') },
      { name: 'checked_against', read: (w) => w.checkedAgainst },
      { name: 'label', read: (w) => w.labels ?? w.label, wording: true },
      { name: 'badge', read: (w) => w.badge, wording: true },
    ],
    other,
  );
  namedChanges(
    `${brand}/remedies.csv`,
    before.remedies,
    after.remedies,
    (r) => r.name,
    [
      { name: 'deadline', read: (r) => r.deadline.join(' | ') },
      { name: 'evidence', read: (r) => r.evidence },
      { name: 'label', read: (r) => r.labels ?? r.label, wording: true },
      { name: 'description', read: (r) => r.descriptions ?? r.description, wording: true },
    ],
    other,
  );
  namedChanges(
    'facts.csv',
    before.facts,
    after.facts,
    (f) => f.name,
    [
      { name: 'type', read: (f) => f.type },
      { name: 'values', read: (f) => f.values },
      { name: 'not_before', read: (f) => f.notBefore },
      { name: 'description', read: (f) => f.description, wording: true },
      { name: 'label', read: (f) => f.labels, wording: true },
    ],
    other,
  );
  namedChanges(
    '_shared/fees.csv',
    before.fees,
    after.fees,
    (f) => f.name,
    [
      { name: 'type', read: (f) => f.type },
      { name: 'computed_from', read: (f) => f.percentOf },
    ],
    other,
  );
  const messages = (p: CompiledPolicy) =>
    Object.entries(p.messages).flatMap(([code, texts]) => Object.entries(texts).map(([locale, message]) => ({ key: `${code} (${locale})`, message })));
  namedChanges('messages', messages(before), messages(after), (m) => m.key, [{ name: '', read: (m) => m.message, wording: true }], other);
  // words.csv (statuses, payer and fee phrases, evidence, summary templates): what customers read only.
  const words = (p: CompiledPolicy) =>
    Object.entries(p.words ?? {}).flatMap(([kind, codes]) =>
      Object.entries(codes).flatMap(([code, texts]) => Object.entries(texts).map(([locale, word]) => ({ key: `${kind} ${code} (${locale})`, word }))),
    );
  namedChanges('words', words(before), words(after), (w) => w.key, [{ name: '', read: (w) => w.word, wording: true }], other);
  // values.csv: an enum value as people say it (adding or removing the value itself is a facts.csv change).
  const valueLabels = (p: CompiledPolicy) =>
    p.facts.flatMap((f) =>
      Object.entries(f.valueLabels ?? {}).flatMap(([value, texts]) =>
        Object.entries(texts).map(([locale, label]) => ({ key: `${f.name} ${value} (${locale})`, label })),
      ),
    );
  namedChanges('values', valueLabels(before), valueLabels(after), (v) => v.key, [{ name: '', read: (v) => v.label, wording: true }], other);
  for (const o of other) if (o.sheet === 'messages' || o.sheet === 'words' || o.sheet === 'values') o.wording = true;
  return { identical: false, rules, other };
}
