// The words a brand's customers read — statuses, payer and fee phrases, evidence, text fee values,
// summary templates — must exist in each of the brand's locales. Finds the words a brand uses, reports
// each missing one where the editor adds it, and keeps only those in the compiled policy.

import type { CompiledFee, CompiledRemedy, CompiledTable, CompiledWindow, Literal, WordKind, Words } from '../contract.js';
import { SUMMARY_TEMPLATES } from '../evaluate/summary-templates.js';
import type { IssueList } from '../issue.js';
import { entryOf } from './entry-of.js';
import type { ReasonKind } from './read-vocabulary.js';
import { type WordRow, wordKey } from './read-words.js';

/** A word the brand uses, and where it is used (for a word no sheet defines). */
interface WordUse {
  kind: WordKind;
  code: string;
  sheet: string;
  row?: number;
}

const STATUSES = ['eligible', 'ineligible', 'review'];
const at = (source: string) => ({ sheet: source.replace(/:\d+$/, ''), row: Number(source.split(':').pop()) });

/** Each fee or evidence cell of the brand's tables: field, literal values, the rule's source. */
function* metaCells(tables: readonly CompiledTable[]): Generator<{ field: string; values: Literal[]; source: string }> {
  for (const table of tables) {
    for (let o = 0; o < table.outputs.length; o++) {
      const role = table.outputs[o]!.role;
      if (role?.kind !== 'meta') continue;
      for (const rule of table.rules) {
        const cell = rule.outputs[o];
        if (cell && 'value' in cell) yield { field: role.field, values: Array.isArray(cell.value) ? cell.value : [cell.value], source: rule.source };
      }
    }
  }
}

/** Every word a decision or coverage summary of this brand can show. */
export function wordsUsed(remedies: readonly CompiledRemedy[], tables: readonly CompiledTable[], fees: readonly CompiledFee[]): WordUse[] {
  const shared = `_shared/words.csv`;
  const uses: WordUse[] = [
    ...STATUSES.map((code) => ({ kind: 'status' as const, code, sheet: shared })),
    ...Object.keys(SUMMARY_TEMPLATES).map((code) => ({ kind: 'summary' as const, code, sheet: shared })),
  ];
  for (const r of remedies) for (const code of r.evidence) uses.push({ kind: 'evidence', code, ...at(r.source) });
  const feeType = new Map(fees.map((f) => [f.name, f.type]));
  const payers = new Map<string, Set<string>>();
  for (const f of fees) if (f.type !== 'payer') uses.push({ kind: 'fee', code: f.name, sheet: shared });
  for (const { field, values, source } of metaCells(tables)) {
    const type = field === 'evidence' ? 'evidence' : feeType.get(field);
    for (const value of values) {
      if (typeof value !== 'string') continue;
      if (type === 'evidence') uses.push({ kind: 'evidence', code: value, ...at(source) });
      else if (type === 'text') uses.push({ kind: 'fee_value', code: value, ...at(source) });
      else if (type === 'payer') {
        uses.push({ kind: 'paid_by', code: `${field}.${value}`, ...at(source) });
        (payers.get(field) ?? payers.set(field, new Set()).get(field)!).add(value);
        // Both payers: the badge says "depending on the case".
        if (payers.get(field)!.size > 1) uses.push({ kind: 'paid_by', code: `${field}.either`, ...at(source) });
      }
    }
  }
  return uses;
}

/**
 * The badge's own words: the title of each kind of reason the brand gives (in the order `kindOrder`
 * lists them, so groups show in the words sheet's order), and `coverage.no_warranty` when a badge
 * window's length depends on the claim — it may be 0 ("No warranty for this part", not "0 months").
 */
export function badgeWordsUsed(
  windows: readonly CompiledWindow[],
  kinds: ReadonlyMap<string, ReasonKind>,
  given: ReadonlySet<string>,
  kindOrder: readonly string[],
): WordUse[] {
  const rank = (kind: string) => (kindOrder.includes(kind) ? kindOrder.indexOf(kind) : kindOrder.length);
  const uses: WordUse[] = [...given]
    .flatMap((code) => {
      const k = kinds.get(code);
      return k ? [{ kind: 'reason_kind' as const, code: k.kind, sheet: k.sheet, row: k.row }] : [];
    })
    .sort((a, b) => rank(a.code) - rank(b.code));
  const variable = windows.find((w) => w.badge && typeof w.length !== 'number');
  if (variable) uses.push({ kind: 'coverage', code: 'no_warranty', ...at(variable.source) });
  return uses;
}

/**
 * Each word used, in each locale: the brand's words.csv over the shared one. A word with no row is
 * reported where it is used; a row missing a locale, at that cell. Returns the words the brand keeps.
 */
export function checkWords(
  brand: string,
  uses: WordUse[],
  locales: readonly string[],
  words: { shared: Words; own: Words },
  rows: { shared: Map<string, WordRow>; own: Map<string, WordRow> },
  issues: IssueList,
): Words {
  const kept: Words = {};
  const seen = new Set<string>();
  for (const use of uses) {
    const key = wordKey(use.kind, use.code);
    if (seen.has(key)) continue;
    seen.add(key);
    const texts = { ...words.shared[use.kind]?.[use.code], ...words.own[use.kind]?.[use.code] };
    const row = rows.own.get(key) ?? rows.shared.get(key);
    if (!row) {
      issues.error(
        'missing_translation',
        `${use.kind} "${use.code}" has no words: customers read it in ${locales.join(', ')}; expected a row "${use.kind},${use.code},…" in _shared/words.csv or ${brand}/words.csv`,
        use.sheet,
        use.row,
      );
      continue;
    }
    for (const locale of locales) {
      if (texts[locale]) continue;
      const column = row.columns.get(locale);
      issues.error(
        'missing_translation',
        `${use.kind} "${use.code}" has no ${locale} wording, and ${brand} speaks ${locales.join(', ')}: expected ${column === undefined ? `a "${locale}" column` : 'a text in it'}`,
        row.sheet,
        row.row,
        column,
      );
    }
    const own = Object.fromEntries(Object.entries(texts).filter(([l]) => locales.includes(l)));
    entryOf(kept, use.kind, () => ({}))[use.code] = own;
  }
  // Formats are optional (the locale itself is the default), kept when given.
  const formats = { ...words.shared.format, ...words.own.format };
  for (const [code, texts] of Object.entries(formats)) {
    const own = Object.fromEntries(Object.entries(texts).filter(([l]) => locales.includes(l)));
    if (Object.keys(own).length) entryOf(kept, 'format', () => ({}))[code] = own;
  }
  for (const [key, row] of rows.own) {
    const [kind] = key.split(' ');
    if (kind !== 'format' && !seen.has(key))
      issues.warn('unused_word', `${brand} never shows ${key.replace(' ', ' "')}": its wording is never read`, row.sheet, row.row, 1);
  }
  return kept;
}
