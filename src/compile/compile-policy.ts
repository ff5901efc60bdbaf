// A brand folder's sheets (plus the shared vocabulary) → one CompiledPolicy, or every problem
// found. Pure: the caller reads the files; nothing here touches a file system.

import type { Words } from '../contract.js';
import {
  type CompiledFact,
  type CompiledFee,
  type CompiledPolicy,
  type CompiledTable,
  type FactType,
  formatVersionOf,
  type Literal,
  WINDOW_STATES,
} from '../contract.js';
import { daysSinceFact, factsRead, type PolicyReads } from '../evaluate/facts-read.js';
import { type Issue, IssueList } from '../issue.js';
import { parseOutputCell } from '../sheet/cell-syntax.js';
import { parseSheet, type Sheet } from '../sheet/parse-sheet.js';
import { type NameInfo, outputName, parseTable } from '../sheet/parse-table.js';
import { checkOutputs, type OutputVocabulary, outputRole } from './check-outputs.js';
import { checkValueLabels, type ValueSheets } from './check-value-labels.js';
import { badgeWordsUsed, checkWords, wordsUsed } from './check-words.js';
import { sha256Hex } from './content-hash.js';
import { orderPlan } from './order-plan.js';
import { readValueLabels, type ValueLabels, type ValueRow } from './read-value-labels.js';
import {
  type FactPlace,
  type ReasonKind,
  readFacts,
  readFees,
  readMessages,
  readPolicySettings,
  readRemedies,
  readWindows,
  type WindowCells,
} from './read-vocabulary.js';
import { readWords, type WordRow } from './read-words.js';
import { didYouMean } from './suggest.js';
import { verifyTable } from './verify-tables.js';

export interface SheetFile {
  name: string;
  text: string;
}
export interface BrandSheets {
  brand: string;
  shared: SheetFile[];
  files: SheetFile[];
}

export type CompileResult = { ok: true; policy: CompiledPolicy; warnings: Issue[] } | { ok: false; issues: Issue[]; warnings: Issue[] };

const NOT_TABLES = new Set(['policy.csv', 'remedies.csv', 'windows.csv', 'messages.csv', 'facts.csv', 'fees.csv', 'reasons.csv', 'words.csv', 'values.csv']);
export const isCasesSheet = (file: string) => /^cases([-_].*)?\.csv$/i.test(file);
const baseName = (name: string) => name.replace(/^.*\//, '');

/** Infers what a derived output can hold from the literal cells written for it. */
function inferDerived(sheet: Sheet, column: number, factType: (n: string) => FactType | undefined): NameInfo {
  const values: Literal[] = [];
  let refType: FactType | undefined;
  for (const { cells } of sheet.rows) {
    const parsed = parseOutputCell(cells[column] ?? '', (n) => factType(n) !== undefined);
    if (!parsed.ok || parsed.value === null) continue;
    if ('ref' in parsed.value) refType = factType(parsed.value.ref);
    else if (!Array.isArray(parsed.value.value)) values.push(parsed.value.value);
  }
  if (refType) return { type: refType };
  if (values.every((v) => typeof v === 'boolean')) return { type: 'boolean' };
  if (values.every((v) => typeof v === 'number')) return { type: 'number' };
  if (values.every((v) => typeof v === 'string')) return { type: 'enum', values: [...new Set(values)] };
  return {};
}

function sheetsByName(files: SheetFile[], issues: IssueList): Map<string, Sheet> {
  const sheets = new Map<string, Sheet>();
  for (const file of files) {
    const sheet = parseSheet(file.name, file.text, issues);
    if (sheet) sheets.set(baseName(file.name), sheet);
  }
  return sheets;
}

function hashPolicy(policy: Omit<CompiledPolicy, 'version'>): string {
  return sha256Hex(JSON.stringify(policy)).slice(0, 16);
}

export function compilePolicy(input: BrandSheets): CompileResult {
  const issues = new IssueList();
  const shared = sheetsByName(input.shared, issues);
  const own = sheetsByName(
    input.files.filter((f) => !isCasesSheet(baseName(f.name))),
    issues,
  );
  const required = (map: Map<string, Sheet>, file: string, where: string) => {
    const sheet = map.get(file);
    if (!sheet && !input.files.concat(input.shared).some((f) => baseName(f.name) === file && f.name.startsWith(where)))
      issues.error('missing_sheet', `${where}/${file} is missing: expected a ${file} sheet`, `${where}/${file}`);
    return sheet;
  };

  // Vocabulary: facts, fees, reason messages, then the brand's own settings, remedies and windows.
  const factsSheet = required(shared, 'facts.csv', '_shared');
  const factPlaces = new Map<string, FactPlace>();
  const sharedFacts = factsSheet ? readFacts(factsSheet, issues, [], new Set(), factPlaces) : [];
  const named = new Set<string>();
  const facts = own.get('facts.csv') ? readFacts(own.get('facts.csv')!, issues, sharedFacts, named, factPlaces) : sharedFacts;
  const feesSheet = required(shared, 'fees.csv', '_shared');
  const fees = feesSheet ? readFees(feesSheet, issues, (name) => facts.find((f) => f.name === name)?.type) : [];
  const messages: Record<string, Record<string, string>> = {};
  const reasonsSheet = required(shared, 'reasons.csv', '_shared');
  const sharedRows = new Map<string, number>(),
    ownRows = new Map<string, number>();
  const reasonKinds = new Map<string, ReasonKind>();
  const sharedLocales = reasonsSheet ? readMessages(reasonsSheet, issues, messages, sharedRows, reasonKinds) : [];
  if (own.get('messages.csv')) readMessages(own.get('messages.csv')!, issues, messages, ownRows, reasonKinds);
  const policySheet = required(own, 'policy.csv', input.brand);
  const settings = policySheet
    ? readPolicySettings(policySheet, input.brand, issues)
    : readPolicySettings({ name: `${input.brand}/policy.csv`, header: ['key', 'value'], headerRow: 1, rows: [] }, input.brand, issues);
  const remediesSheet = required(own, 'remedies.csv', input.brand);
  const deadlineCells = new Map<string, { row: number; col: number }>();
  const remedies = remediesSheet ? readRemedies(remediesSheet, issues, deadlineCells, settings.locales) : [];
  const windowCells = new Map<string, WindowCells>();
  const windows = own.get('windows.csv') ? readWindows(own.get('windows.csv')!, issues, windowCells, settings.locales) : [];
  const words = { shared: {} as Words, own: {} as Words };
  const wordRows = { shared: new Map<string, WordRow>(), own: new Map<string, WordRow>() };
  const wordsSheet = required(shared, 'words.csv', '_shared');
  if (wordsSheet) readWords(wordsSheet, issues, words.shared, wordRows.shared);
  if (own.get('words.csv')) readWords(own.get('words.csv')!, issues, words.own, wordRows.own);
  const values = readValueSheets(shared.get('values.csv'), own.get('values.csv'), issues);

  const factType = new Map<string, FactType>(facts.map((f) => [f.name, f.type]));
  const factInfo = new Map<string, NameInfo>(facts.map((f) => [f.name, { type: f.type, values: f.values }]));
  const vocab: OutputVocabulary = {
    remedies: new Set(remedies.map((r) => r.name)),
    fees: new Map(fees.map((f) => [f.name, f])),
    reasons: new Set(Object.keys(messages)),
    windows: new Set(windows.map((w) => w.name)),
    factType: (n) => factType.get(n),
  };

  // Names tables may read: claim facts, windows, days_since_<date>, and other tables' derived outputs.
  const tableSheets = [...own.entries()]
    .filter(([file]) => !NOT_TABLES.has(file))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, s]) => s);
  const derived = new Map<string, NameInfo>();
  for (const sheet of tableSheets) {
    sheet.header.forEach((h, c) => {
      if (!h.startsWith('>')) return;
      const name = outputName(h)!;
      const role = outputRole(name, vocab);
      if (typeof role !== 'string' && role.kind === 'derived')
        derived.set(
          name,
          inferDerived(sheet, c, (n) => factType.get(n)),
        );
    });
  }
  for (const w of windows) derived.set(w.name, { type: 'enum', values: [...WINDOW_STATES] });
  const describe = (name: string): NameInfo | undefined => {
    const from = daysSinceFact(name);
    if (from && factType.get(from) === 'date') return { type: 'number' };
    return factInfo.get(name) ?? derived.get(name);
  };

  const tables: CompiledTable[] = [];
  for (const sheet of tableSheets) {
    const table = parseTable(sheet, { describe, strictNames: true }, issues);
    if (!table) continue;
    checkOutputs(table, sheet.header, vocab, issues);
    tables.push(table);
  }

  checkReferences(input.brand, settings, remedies, deadlineCells, windows, windowCells, describe, vocab, issues);
  checkNames(input.brand, windows, windowCells, tables, tableSheets, { claimDate: settings.claimDate, tables, windows, fees }, vocab, issues);
  const derivedType = (name: string) => describe(name)?.type;
  for (const table of tables) verifyTable(table, derivedType, issues);
  const ordered = orderPlan(tables, windows);
  if ('cycle' in ordered)
    issues.error(
      'cycle',
      `tables and windows depend on each other in a circle: ${ordered.cycle.join(' → ')}: expected each derived fact to be produced before it is read`,
      `${input.brand}/`,
    );

  if (issues.errors.length > 0 || 'cycle' in ordered) return { ok: false, issues: issues.errors, warnings: issues.warnings };
  const locales = settings.locales.length ? settings.locales : sharedLocales.slice(0, 1);
  const usedFees = feesUsed(fees, tables);
  const given = reasonCodesGiven(tables);
  checkMessages(input.brand, messages, given, locales, { shared: sharedRows, own: ownRows }, issues);
  const vocabulary = brandVocabulary(
    facts,
    named,
    { claimDate: settings.claimDate, tables, windows, fees: usedFees },
    locales,
    input.brand,
    factPlaces,
    issues,
  );
  const valueLabels = checkValueLabels(input.brand, vocabulary, { shared: sharedFacts, known: facts }, locales, values, factPlaces, issues);
  const kindOrder = Object.keys({ ...words.shared.reason_kind, ...words.own.reason_kind });
  const uses = [...wordsUsed(remedies, tables, usedFees), ...badgeWordsUsed(windows, reasonKinds, given, kindOrder)];
  const brandWords = checkWords(input.brand, uses, locales, words, wordRows, issues);
  const kindsGiven = [...given].flatMap((code) => (reasonKinds.has(code) ? [[code, reasonKinds.get(code)!.kind] as const] : []));
  if (issues.errors.length > 0) return { ok: false, issues: issues.errors, warnings: issues.warnings };
  const body: Omit<CompiledPolicy, 'version'> = {
    formatVersion: formatVersionOf(tables),
    brand: input.brand,
    name: settings.name,
    currency: settings.currency,
    defaultLocale: locales[0] ?? 'en',
    locales,
    claimDate: settings.claimDate,
    ...(settings.warrantyWindow ? { warrantyWindow: settings.warrantyWindow } : {}),
    facts: vocabulary.map((f) => (valueLabels.has(f.name) ? { ...f, valueLabels: valueLabels.get(f.name)! } : f)),
    fees: usedFees,
    remedies,
    windows,
    tables,
    plan: ordered.plan,
    messages: usedMessages(messages, given, locales),
    ...(kindsGiven.length ? { reasonKinds: Object.fromEntries(kindsGiven) } : {}),
    words: brandWords,
  };
  return { ok: true, policy: { ...body, version: hashPolicy(body) }, warnings: issues.warnings };
}

/** _shared/values.csv and the brand's values.csv (both optional), read apart: the brand's rows override. */
function readValueSheets(shared: Sheet | undefined, own: Sheet | undefined, issues: IssueList): ValueSheets {
  const labels = { shared: {} as ValueLabels, own: {} as ValueLabels };
  const rows = { shared: new Map<string, ValueRow>(), own: new Map<string, ValueRow>() };
  if (shared) readValueLabels(shared, issues, labels.shared, rows.shared);
  if (own) readValueLabels(own, issues, labels.own, rows.own);
  return { labels, rows };
}

/**
 * The brand's own vocabulary: the facts its tables, windows, fees and settings read, and those its
 * own facts.csv names (a fact a claim may carry though no row decides on it yet) — nothing another
 * brand added to _shared/ — with this brand's values, and labels in its locales. So a shared fact that
 * only other brands use never re-versions this brand, and a claim naming it is refused here.
 */
function brandVocabulary(
  facts: CompiledFact[],
  named: ReadonlySet<string>,
  reads: PolicyReads,
  locales: string[],
  brand: string,
  places: Map<string, FactPlace>,
  issues: IssueList,
): CompiledFact[] {
  const read = factsRead(reads);
  const vocabulary = facts.filter((f) => read.has(f.name) || named.has(f.name));
  for (const f of vocabulary) {
    const at = places.get(f.name);
    if (f.type === 'enum' && !f.values?.length)
      issues.error(
        'missing_values',
        `enum fact "${f.name}" has no values for ${brand}: expected a row "${f.name},,value, value…" in ${brand}/facts.csv listing the brand's own`,
        `${brand}/facts.csv`,
      );
    // Support agents, the playground and agents read each fact's name, and the badge says "counted
    // from the delivery date": every fact a claim may carry has a label in each of the brand's locales.
    for (const locale of locales.filter((l) => !f.labels?.[l])) {
      const column = at?.labelColumns.get(locale);
      issues.error(
        'missing_translation',
        `fact "${f.name}" has no label_${locale}: customers and support agents read its name in ${locales.join(', ')}; expected ${column === undefined ? `a "label_${locale}" column` : 'a text in it'}`,
        at?.sheet ?? 'facts.csv',
        at?.row,
        column,
      );
    }
  }
  return vocabulary.map(({ notBefore, labels, ...fact }) => {
    const before = notBefore?.filter((n) => read.has(n)) ?? [];
    const ownLabels = Object.entries(labels ?? {}).filter(([locale]) => locales.includes(locale));
    return { ...fact, ...(before.length ? { notBefore: before } : {}), ...(ownLabels.length ? { labels: Object.fromEntries(ownLabels) } : {}) };
  });
}

/** The fee fields some output column of the brand's tables gives, and the amounts computed from them. */
function feesUsed(fees: CompiledFee[], tables: CompiledTable[]): CompiledFee[] {
  const given = new Set(tables.flatMap((t) => t.outputs.flatMap((o) => (o.role?.kind === 'meta' ? [o.role.field] : []))));
  return fees.filter((f) => given.has(f.name) || (f.percentOf && given.has(f.percentOf.percent)));
}

/** The reason codes the brand's tables can give, and not_applicable, which the evaluator gives. */
function reasonCodesGiven(tables: CompiledTable[]): Set<string> {
  const codes = new Set(['not_applicable']);
  for (const table of tables) {
    table.outputs.forEach((output, o) => {
      if (output.role?.kind !== 'meta' || output.role.field !== 'reason') return;
      for (const rule of table.rules) {
        const cell = rule.outputs[o];
        if (!cell || !('value' in cell)) continue;
        for (const c of Array.isArray(cell.value) ? cell.value : [cell.value]) codes.add(String(c));
      }
    });
  }
  return codes;
}

/**
 * Wording customers read must exist in every language the brand speaks, and a brand message nothing
 * gives is a mistake: a code that is not the one the tables give (usually misspelt), or an override
 * of shared wording the brand never shows.
 */
function checkMessages(
  brand: string,
  messages: Record<string, Record<string, string>>,
  given: Set<string>,
  locales: string[],
  rows: { shared: Map<string, number>; own: Map<string, number> },
  issues: IssueList,
): void {
  const ownSheet = `${brand}/messages.csv`;
  for (const [code, row] of rows.own) {
    if (given.has(code)) continue;
    const message = `no table of ${brand} gives the reason "${code}"`;
    if (rows.shared.has(code)) issues.warn('unused_message', `${message}: its wording is never shown`, ownSheet, row, 0);
    else issues.error('unused_message', `${message}${didYouMean(code, given)}: expected a code a table's > reason column gives`, ownSheet, row, 0);
  }
  for (const code of given) {
    const missing = locales.filter((l) => !messages[code]?.[l]);
    if (!missing.length || !messages[code]) continue;
    const [sheet, row] = rows.own.has(code) ? [ownSheet, rows.own.get(code)] : ['_shared/reasons.csv', rows.shared.get(code)];
    issues.error(
      'missing_translation',
      `reason "${code}" has no ${missing.join(', ')} wording, and ${brand} speaks ${locales.join(', ')}: expected a message in each`,
      sheet,
      row,
    );
  }
}

/** Only the reasons this brand's tables can give, in its own locales: the compiled document is read on cold starts. */
function usedMessages(all: Record<string, Record<string, string>>, codes: Set<string>, locales: string[]): CompiledPolicy['messages'] {
  const keep = new Set([...locales, 'en']);
  return Object.fromEntries([...codes].filter((c) => all[c]).map((c) => [c, Object.fromEntries(Object.entries(all[c]!).filter(([l]) => keep.has(l)))]));
}

/**
 * Names that would silently mean something else: a window named like a fact or a table output takes
 * its place in every table that reads the name (a window water_damage made water damage "open"), and
 * an output column nothing reads — usually a mistyped fee such as > restocking_fee_pt — is dropped.
 */
function checkNames(
  brand: string,
  windows: CompiledPolicy['windows'],
  cells: Map<string, WindowCells>,
  tables: CompiledTable[],
  sheets: Sheet[],
  reads: PolicyReads,
  vocab: OutputVocabulary,
  issues: IssueList,
): void {
  const derivedBy = new Map<string, string>();
  for (const t of tables) for (const o of t.outputs) if (o.role?.kind === 'derived') derivedBy.set(o.name, t.source);
  for (const w of windows) {
    const clash =
      vocab.factType(w.name) !== undefined
        ? 'a fact'
        : vocab.fees.has(w.name)
          ? 'a fee field'
          : vocab.remedies.has(w.name)
            ? 'a remedy'
            : derivedBy.has(w.name)
              ? `an output of ${derivedBy.get(w.name)}`
              : null;
    if (clash)
      issues.error(
        'name_clash',
        `window "${w.name}" has the name of ${clash}, which tables would then read as the window: expected a name of its own, e.g. ${w.name}_window`,
        `${brand}/windows.csv`,
        cells.get(w.name)!.row,
        0,
      );
  }
  const read = factsRead(reads);
  const known = [...vocab.fees.keys(), ...vocab.remedies, 'reason', 'deadline', 'evidence', 'remedies', 'status', ...read];
  for (const t of tables) {
    const header = sheets.find((s) => s.name === t.source)?.header ?? [];
    for (const o of t.outputs) {
      if (o.role?.kind !== 'derived' || read.has(o.name)) continue;
      const column = header.findIndex((h) => outputName(h) === o.name);
      issues.error(
        'unused_output',
        `no table or window reads "> ${o.name}"${didYouMean(o.name, known)}: expected a remedy, reason, deadline, evidence, a field of fees.csv, or a fact a later table or window reads`,
        t.source,
        t.headerRow,
        column < 0 ? undefined : column,
      );
    }
  }
}

/** Names that sheets point at must exist: window events and lengths, deadlines, settings. */
function checkReferences(
  brand: string,
  settings: ReturnType<typeof readPolicySettings>,
  remedies: CompiledPolicy['remedies'],
  deadlineCells: Map<string, { row: number; col: number }>,
  windows: CompiledPolicy['windows'],
  cells: Map<string, WindowCells>,
  describe: (n: string) => NameInfo | undefined,
  vocab: OutputVocabulary,
  issues: IssueList,
): void {
  const windowSheet = `${brand}/windows.csv`;
  for (const w of windows) {
    const at = cells.get(w.name)!;
    for (const event of w.countsFrom) {
      if (describe(event)?.type !== 'date')
        issues.error(
          'unknown_event',
          `window ${w.name} counts from "${event}", which is not a date fact: expected e.g. delivered_on`,
          windowSheet,
          at.row,
          at.countsFrom,
        );
    }
    if (describe(w.checkedAgainst)?.type !== 'date')
      issues.error(
        'unknown_event',
        `window ${w.name} is checked against "${w.checkedAgainst}", which is not a date fact: expected e.g. claim_on`,
        windowSheet,
        at.row,
        at.checkedAgainst,
      );
    if (typeof w.length === 'object' && describe(w.length.ref)?.type !== 'number')
      issues.error(
        'unknown_fact',
        `window ${w.name} takes its length from "${w.length.ref}", which is not a number fact or table output: expected a number or such a name`,
        windowSheet,
        at.row,
        at.length,
      );
  }
  for (const r of remedies) {
    const at = deadlineCells.get(r.name)!;
    for (const w of r.deadline)
      if (!vocab.windows.has(w))
        issues.error(
          'unknown_window',
          `remedy ${r.name} names deadline "${w}", which is not in windows.csv: expected a window name`,
          `${brand}/remedies.csv`,
          at.row,
          at.col,
        );
  }
  const at = settings.rows;
  if (settings.warrantyWindow && !vocab.windows.has(settings.warrantyWindow))
    issues.error(
      'unknown_window',
      `warranty_window "${settings.warrantyWindow}" is not in windows.csv: expected a window name`,
      `${brand}/policy.csv`,
      at.warranty_window?.row,
      at.warranty_window?.col,
    );
  if (describe(settings.claimDate)?.type !== 'date')
    issues.error(
      'unknown_fact',
      `claim_date "${settings.claimDate}" is not a date fact: expected claim_on`,
      `${brand}/policy.csv`,
      at.claim_date?.row,
      at.claim_date?.col,
    );
}
