// compilePolicy on brand folders built in memory: a well-formed folder becomes one CompiledPolicy,
// and every malformation an editor can make comes back as data — an issue code and the
// sheet:row:column to fix — never as an exception.

import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { compileOrThrow, type Sheets, TINY_BRAND, TINY_SHARED, tinyBrand } from '../../test/support/tiny-brand.js';
import { FORMAT_VERSION } from '../contract.js';
import { evaluateClaim } from '../evaluate/evaluate-claim.js';
import { formatIssue, type Issue } from '../issue.js';
import { type BrandSheets, compilePolicy } from './compile-policy.js';

/** "code sheet:row:column", the way an editor reads an issue (formatIssue before the dash). */
const located = (issue: Issue) => `${issue.code} ${formatIssue(issue).split(' — ')[0]}`;

/** Errors, then warnings ("warning code sheet:row:column"). */
function issuesOf(sheets: BrandSheets): string[] {
  const result = compilePolicy(sheets);
  return [...(result.ok ? [] : result.issues.map(located)), ...result.warnings.map((w) => `warning ${located(w)}`)];
}

/** Rewrites every sheet of a brand, e.g. to another delimiter or line end. */
function rewrite(sheets: BrandSheets, how: (text: string) => string): BrandSheets {
  return { ...sheets, shared: sheets.shared.map((f) => ({ ...f, text: how(f.text) })), files: sheets.files.map((f) => ({ ...f, text: how(f.text) })) };
}

/** A brand change that adds one decision table, check.csv. */
const table = (text: string): { files: Sheets } => ({ files: { 'check.csv': text } });
/** The brand's own values.csv with these rows (en and de labels). */
const values = (rows: string): { files: Sheets } => ({ files: { 'values.csv': `fact,value,label_en,label_de\n${rows}` } });

const toSemicolons = (text: string) => `${Papa.unparse(Papa.parse<string[]>(text.trimEnd()).data, { delimiter: ';', newline: '\n' })}\n`;

/** What other spreadsheet programs do to a CSV file, which must still compile to the same policy. */
const SPREADSHEET_VARIANTS: [how: string, rewrite: (text: string) => string][] = [
  ['a UTF-8 BOM on every sheet', (t: string) => `\uFEFF${t}`],
  ['CRLF line ends on every sheet', (t: string) => t.replace(/\n/g, '\r\n')],
  ['CRLF line ends with a last line ending in LF (a hand edit)', (t: string) => `${t.trimEnd().replace(/\n/g, '\r\n')}\n`],
  ['semicolons on every sheet (European Excel)', toSemicolons],
  ['BOM, semicolons and CRLF together', (t: string) => `\uFEFF${toSemicolons(t).replace(/\n/g, '\r\n')}`],
  ['no final line end', (t: string) => t.trimEnd()],
  ['blank lines at the end', (t: string) => `${t}\n\n,,\n`],
];

type Malformation = [what: string, issue: string, change: { files?: Sheets; shared?: Sheets; brand?: string }];

/** Every malformation an editor can make, with the issue code and sheet:row:column it must come back as. */
const MALFORMATIONS: Malformation[] = [
  // --- decision tables: header ---
  ['a repeated input column', 'duplicate_header tiny/check.csv:1:C', table('C,issue,issue,> refund\nR,quality_defect,-,√\n')],
  ['a repeated output column', 'duplicate_header tiny/check.csv:1:D', table('C,issue,> refund,> refund\nR,quality_defect,√,√\n')],
  ['an input that is no fact', 'unknown_fact tiny/check.csv:1:B', table('C,colour,> refund\nR,red,√\n')],
  ['an empty top-left cell (no hit policy)', 'bad_hit_policy tiny/check.csv:1:A', table(',issue,> refund\nR,quality_defect,√\n')],
  ['an unknown hit policy', 'bad_hit_policy tiny/check.csv:1:A', table('Z,issue,> refund\nR,quality_defect,√\n')],
  ['a header cell left empty', 'empty_header tiny/check.csv:1:C', table('C,issue,,> refund\nR,quality_defect,x,√\n')],
  ['a table without outputs', 'no_outputs tiny/check.csv:1', table('C,issue,condition\nR,quality_defect,used\n')],
  ['a table without rules', 'no_rules tiny/check.csv:1', table('C,issue,> refund\n')],
  ['a priority table without output priorities', 'priority_values tiny/check.csv:1', table('P,issue,> refund\nR,quality_defect,√\n')],
  [
    'an output for a remedy the brand does not have (> exchange.deadline)',
    'unknown_output tiny/check.csv:1:C',
    table('C,issue,> exchange.deadline\nR,quality_defect,"""warranty"""\n'),
  ],
  ['an output for a field that is not a fee (> repair.colour)', 'unknown_output tiny/check.csv:1:C', table('C,issue,> repair.colour\nR,quality_defect,red\n')],
  ['an output that overwrites a claim fact', 'unknown_output tiny/check.csv:1:C', table('C,issue,> condition\nR,quality_defect,used\n')],
  // --- decision tables: input cells ---
  ['a cell that is not S-FEEL', 'bad_cell tiny/check.csv:2:B', table('C,issue,> refund\nR,{quality_defect},√\n')],
  ['an empty range [5..1]', 'bad_cell tiny/check.csv:2:B', table('C,order_amount,> refund\nR,[5..1],√\n')],
  ['a formula-looking cell =SUM(A1)', 'bad_cell tiny/check.csv:2:B', table('C,order_amount,> refund\nR,=SUM(A1),√\n')],
  ['an unterminated string', 'bad_cell tiny/check.csv:2:B', table('C,issue,> refund\nR,"""quality_defect",√\n')],
  ['an enum value the fact does not allow', 'bad_cell tiny/check.csv:2:B', table('C,condition,> refund\nR,broken,√\n')],
  ['an enum value outside the column’s own list', 'bad_cell tiny/check.csv:2:B', table('C,issue: quality_defect,> refund\nR,non_quality,√\n')],
  ['a comparison on an enum', 'bad_cell tiny/check.csv:2:B', table('C,issue,> refund\nR,< 5,√\n')],
  ['a pattern on an enum', 'bad_cell tiny/check.csv:2:B', table('C,issue,> refund\nR,quality_*,√\n')],
  ['a word in a flag column', 'bad_cell tiny/check.csv:2:B', table('C,water_damage,> refund,> reason\nR,maybe,×,"""water_damage"""\n')],
  ['a date that does not exist', 'bad_cell tiny/check.csv:2:B', table('C,delivered_on,> refund\nR,< 2025-02-30,√\n')],
  ['a number compared with a date fact', 'bad_cell tiny/check.csv:2:B', table('C,delivered_on,> refund\nR,< 14,√\n')],
  // --- decision tables: output cells ---
  ['a verdict that is none of √ × review', 'bad_cell tiny/check.csv:2:C', table('C,issue,> refund\nR,quality_defect,maybe\n')],
  ['a × verdict without a reason', 'missing_reason tiny/check.csv:2:C', table('C,issue,> refund,> reason\nR,non_quality,×,\n')],
  ['a review verdict without a reason column', 'missing_reason tiny/check.csv:2:C', table('C,issue,> refund\nR,non_quality,review\n')],
  ['a status without remedies', 'status_without_remedies tiny/check.csv:2:D', table('C,issue,> remedies,> status,> reason\nR,non_quality,,×,used_product\n')],
  ['an unknown remedy in > remedies', 'bad_cell tiny/check.csv:2:C', table('C,issue,> remedies,> status\nR,quality_defect,exchange,√\n')],
  ['an unknown reason code', 'bad_cell tiny/check.csv:2:D', table('C,issue,> refund,> reason\nR,non_quality,×,changed_mind\n')],
  ['an unknown window in > deadline', 'bad_cell tiny/check.csv:2:D', table('C,issue,> refund,> deadline\nR,quality_defect,√,return_windw\n')],
  ['two windows in > deadline', 'bad_cell tiny/check.csv:2:D', table('C,issue,> refund,> deadline\nR,quality_defect,√,"""return_window"", ""warranty"""\n')],
  ['a percentage over 100', 'bad_cell tiny/check.csv:2:D', table('C,condition,> refund,> restocking_fee_pct\nR,opened_unused,√,150%\n')],
  ['a negative percentage', 'bad_cell tiny/check.csv:2:D', table('C,condition,> refund,> restocking_fee_pct\nR,opened_unused,√,-5%\n')],
  [
    'a payer that is neither brand nor customer',
    'bad_cell tiny/check.csv:2:D',
    table('C,issue,> refund,> return_shipping_paid_by\nR,quality_defect,√,seller\n'),
  ],
  ['a negative amount', 'bad_cell tiny/check.csv:2:D', table('C,issue,> refund,> refund_amount\nR,quality_defect,√,-5\n')],
  ['a formula-looking output =1+1', 'bad_cell tiny/check.csv:2:D', table('C,issue,> refund,> return_shipping_paid_by\nR,quality_defect,√,=1+1\n')],
  // --- decision tables: verification ---
  [
    'overlapping rows in a U table',
    'overlapping_rules tiny/check.csv:3',
    table('U,issue,> refund,> reason\nA,quality_defect,√,\nB,"quality_defect, non_quality",×,used_product\n'),
  ],
  [
    'rows of an A table that overlap with different outputs',
    'overlapping_rules tiny/check.csv:3',
    table('A,condition,> refund,> reason\nA,"unopened, opened_unused",√,\nB,opened_unused,×,used_product\n'),
  ],
  ['a gap in a U complete table', 'table_gap tiny/check.csv:1', table('U complete,issue,> refund\nDefect,quality_defect,√\nChange of mind,non_quality,√\n')],
  ['a gap in an F complete table over numbers', 'table_gap tiny/check.csv:1', table('F complete,order_amount,> refund\nSmall,< 100,√\nLarge,> 100,√\n')],
  [
    'a row of an F table that earlier rows mask',
    'masked_rule tiny/check.csv:3',
    table('F,issue,> refund,> reason\nAll,-,√,\nDefect,quality_defect,×,used_product\n'),
  ],
  ['tables that read each other’s outputs (a cycle)', 'cycle tiny/', { files: { 'a.csv': 'C,y,> x\nR,1,1\n', 'b.csv': 'C,x,> y\nR,1,1\n' } }],
  // --- sheet files ---
  ['an empty table file', 'empty_sheet tiny/check.csv:1', table('')],
  ['a value beyond the last header column', 'ragged_row tiny/check.csv:2:E', table('C,issue,> refund\nR,quality_defect,√,,oops\n')],
  ['an unterminated quote in the CSV', 'csv_syntax tiny/check.csv:2', table('C,issue,> refund\nR,"quality_defect,√\n')],
  ['a missing policy.csv', 'missing_sheet tiny/policy.csv', { files: { 'policy.csv': null } }],
  ['a missing remedies.csv', 'missing_sheet tiny/remedies.csv', { files: { 'remedies.csv': null } }],
  ['a missing _shared/facts.csv', 'missing_sheet _shared/facts.csv', { shared: { 'facts.csv': null } }],
  ['an empty remedies.csv', 'empty_sheet tiny/remedies.csv:1', { files: { 'remedies.csv': '' } }],
  // --- policy.csv ---
  [
    'a brand id that differs from the folder',
    'brand_mismatch tiny/policy.csv:2:B',
    { files: { 'policy.csv': TINY_BRAND['policy.csv']!.replace('brand,tiny', 'brand,tinny') } },
  ],
  ['an unknown setting', 'unknown_setting tiny/policy.csv:8:A', { files: { 'policy.csv': `${TINY_BRAND['policy.csv']}colour,red\n` } }],
  ['a currency that is no ISO code', 'bad_currency tiny/policy.csv:4:B', { files: { 'policy.csv': TINY_BRAND['policy.csv']!.replace('EUR', 'euro') } }],
  [
    'a warranty window that is not in windows.csv',
    'unknown_window tiny/policy.csv:6:B',
    { files: { 'policy.csv': TINY_BRAND['policy.csv']!.replace('warranty_window,warranty', 'warranty_window,guarantee') } },
  ],
  [
    'a claim date that is not a date fact',
    'unknown_fact tiny/policy.csv:7:B',
    { files: { 'policy.csv': TINY_BRAND['policy.csv']!.replace('claim_date,claim_on', 'claim_date,order_amount') } },
  ],
  // --- remedies.csv ---
  [
    'an unknown column in remedies.csv',
    'unknown_column tiny/remedies.csv:1:D',
    { files: { 'remedies.csv': 'remedy,label,deadline,colour\nrefund,Refund,return_window,red\nreplace,Replace,warranty,\nrepair,Repair,warranty,\n' } },
  ],
  [
    'a remedy defined twice',
    'duplicate_name tiny/remedies.csv:5:A',
    { files: { 'remedies.csv': `${TINY_BRAND['remedies.csv']}refund,Refund again,return_window,,\n` } },
  ],
  [
    'a remedy name with capitals',
    'bad_name tiny/remedies.csv:4:A',
    { files: { 'remedies.csv': TINY_BRAND['remedies.csv']!.replace('\nrepair,', '\nRepair,') } },
  ],
  // --- windows.csv ---
  [
    'a negative window length',
    'bad_length tiny/windows.csv:2:B',
    { files: { 'windows.csv': TINY_BRAND['windows.csv']!.replace('return_window,14', 'return_window,-14') } },
  ],
  [
    'a window length that is a number fact nobody defines',
    'unknown_fact tiny/windows.csv:3:B',
    { files: { 'windows.csv': TINY_BRAND['windows.csv']!.replace('warranty,1,', 'warranty,warranty_years,') } },
  ],
  [
    'a window unit that is not days, months or years',
    'bad_unit tiny/windows.csv:2:C',
    { files: { 'windows.csv': TINY_BRAND['windows.csv']!.replace('14,days', '2,weeks') } },
  ],
  [
    'a window counting from an undefined event',
    'unknown_event tiny/windows.csv:2:D',
    { files: { 'windows.csv': TINY_BRAND['windows.csv']!.replace('14,days,delivered_on|purchased_on', '14,days,arrived_on') } },
  ],
  [
    'a window counting from a fact that is not a date',
    'unknown_event tiny/windows.csv:2:D',
    { files: { 'windows.csv': TINY_BRAND['windows.csv']!.replace('14,days,delivered_on|purchased_on', '14,days,order_amount') } },
  ],
  [
    'a window checked against an undefined date',
    'unknown_event tiny/windows.csv:2:E',
    { files: { 'windows.csv': TINY_BRAND['windows.csv']!.replace('purchased_on,claim_on,{length} Tage', 'purchased_on,posted_on,{length} Tage') } },
  ],
  [
    'a repeated column in windows.csv',
    'duplicate_header tiny/windows.csv:1:E',
    { files: { 'windows.csv': 'window,length,unit,counts_from,length\nreturn_window,14,days,delivered_on,14\nwarranty,1,years,delivered_on,1\n' } },
  ],
  // --- vocabulary sheets ---
  ['a fact of an unknown type', 'bad_type tiny/facts.csv:2:B', { files: { 'facts.csv': 'fact,type,values\nseal_broken,flag,\n' } }],
  ['an enum fact without values', 'missing_values tiny/facts.csv:2:C', { files: { 'facts.csv': 'fact,type,values\nregion,enum,\n' } }],
  [
    'a brand folder whose name is not a brand id',
    'bad_brand_id Kospet X/policy.csv:2:B',
    { brand: 'Kospet X', files: { 'policy.csv': 'key,value\nbrand,Kospet X\n' } },
  ],
  [
    'a brand id longer than 63 characters',
    'bad_brand_id a-very-long-brand-id-that-goes-on-and-on-past-the-sixty-three-char-limit/policy.csv:1',
    { brand: 'a-very-long-brand-id-that-goes-on-and-on-past-the-sixty-three-char-limit', files: { 'policy.csv': 'key,value\nname,Long\n' } },
  ],
  ['a setting given twice in policy.csv', 'duplicate_setting tiny/policy.csv:3:A', { files: { 'policy.csv': 'key,value\ncurrency,EUR\ncurrency,USD\n' } }],
  [
    'a window named like a fact (it would shadow the fact)',
    'name_clash tiny/windows.csv:4:A',
    { files: { 'windows.csv': `${TINY_BRAND['windows.csv']}water_damage,14,days,delivered_on,claim_on,x\n` } },
  ],
  [
    'a mistyped fee column (> restocking_fee_pt)',
    'unused_output tiny/check.csv:1:D',
    table('C,condition,> refund,> restocking_fee_pt\nR,opened_unused,√,15%\n'),
  ],
  [
    'an output column for a fee that does not exist (> cleaning_fee_paid_by)',
    'unused_output tiny/check.csv:1:D',
    table('C,issue,> refund,> cleaning_fee_paid_by\nR,quality_defect,√,customer\n'),
  ],
  [
    'a date a window counts from with no label in a brand locale',
    'missing_translation tiny/facts.csv:2',
    {
      files: {
        'facts.csv': 'fact,type,values,label_en\nreceived_on,date,,receipt date\n',
        'windows.csv': TINY_BRAND['windows.csv']!.replace('delivered_on|purchased_on,claim_on,{length}-year', 'received_on,claim_on,{length}-year'),
      },
    },
  ],
  [
    'a table row with fewer cells than the header (its verdict would be dropped)',
    'short_row tiny/check.csv:3:C',
    table('C,issue,> refund,> reason\nR,quality_defect,√,\nS,non_quality\n'),
  ],
  [
    'a percent column whose percentages are 0–1 fractions (0.1 for 10 %)',
    'warning suspicious_percent tiny/check.csv:2:D',
    table('C,condition,> refund,> restocking_fee_pct\nR,opened_unused,√,0.1\n'),
  ],
  [
    'a fee formula naming a percent field that does not exist',
    'unknown_field _shared/fees.csv:7:C',
    { shared: { 'fees.csv': `${TINY_SHARED['fees.csv']}cleaning_fee_amount,money,"percent_of(cleaning_fee_pct, order_amount)",\n` } },
  ],
  [
    'a fee formula naming an amount that is no money fact',
    'unknown_field _shared/fees.csv:7:C',
    { shared: { 'fees.csv': `${TINY_SHARED['fees.csv']}cleaning_fee_amount,money,"percent_of(restocking_fee_pct, order_total)",\n` } },
  ],
  [
    'a brand message for a reason code no table gives (misspelt)',
    'unused_message tiny/messages.csv:2:A',
    { files: { 'messages.csv': 'code,en,de\nwater_damaged,Not covered.,Nicht abgedeckt.\n' } },
  ],
  [
    'a brand override of shared wording it never shows',
    'warning unused_message tiny/messages.csv:2:A',
    { files: { 'messages.csv': 'code,en,de\nmissing_proof_of_purchase,Receipt please.,Beleg bitte.\n' } },
  ],
  [
    'a reason without wording in one of the brand’s languages',
    'missing_translation tiny/messages.csv:2',
    {
      files: { 'messages.csv': 'code,en,de\nwater_damage,Not covered.,\n' },
      shared: {
        'reasons.csv': TINY_SHARED['reasons.csv']!.replace(
          'water_damage,Water damage is not covered.,Wasserschäden sind nicht abgedeckt.\n',
          'water_damage,Water damage is not covered.,\n',
        ),
      },
    },
  ],
  [
    'a language listed twice in locales',
    'duplicate_locale tiny/policy.csv:5:B',
    { files: { 'policy.csv': TINY_BRAND['policy.csv']!.replace('"en, de"', '"en, de, en"') } },
  ],
  [
    'an empty messages column for a brand language',
    'missing_translation _shared/reasons.csv:3',
    { shared: { 'reasons.csv': TINY_SHARED['reasons.csv']!.replace('Wasserschäden sind nicht abgedeckt.', '') } },
  ],
  [
    'a default on a verdict column (it would decide remedies no row speaks about)',
    'bad_default tiny/check.csv:1:C',
    table('C,issue,> refund default true\nR,quality_defect,√\n'),
  ],
  ['a default that is no single value', 'bad_default tiny/check.csv:1:C', table('C,issue,"> months default 1, 2"\nR,quality_defect,3\n')],
  [
    'a brand fact that changes a shared fact’s type',
    'fact_redefined tiny/facts.csv:2:B',
    { files: { 'facts.csv': 'fact,type,values\nwater_damage,enum,"yes, no"\n' } },
  ],
  ['a brand fact named twice', 'duplicate_name tiny/facts.csv:3:A', { files: { 'facts.csv': 'fact,type,values\nregion,enum,"eu, uk"\nregion,enum,us\n' } }],
  ['a new brand fact without a type', 'bad_type tiny/facts.csv:2:B', { files: { 'facts.csv': 'fact,type,values\nregion,,"eu, uk"\n' } }],
  ['values added to a shared fact that is no enum', 'bad_values tiny/facts.csv:2:C', { files: { 'facts.csv': 'fact,type,values\nwater_damage,,"yes, no"\n' } }],
  [
    'a shared enum the brand reads but gives no values',
    'missing_values tiny/facts.csv',
    { shared: { 'facts.csv': `${TINY_SHARED['facts.csv']}part,enum,,,the item claimed\n` }, ...table('C,part,> refund\nR,-,√\n') },
  ],
  [
    'a fee computed by an unknown formula',
    'bad_formula _shared/fees.csv:7:C',
    { shared: { 'fees.csv': `${TINY_SHARED['fees.csv']}deduction,money,sum(order_amount),\n` } },
  ],
  [
    'a messages column that is not a language code',
    'bad_locale tiny/messages.csv:1',
    { files: { 'messages.csv': 'code,english\nwindow_expired,Too late.\n' } },
  ],
  // --- added with issue 16: every word customers read, in each of the brand's languages ---
  [
    'a remedy label missing in a brand language',
    'missing_translation tiny/remedies.csv:2:F',
    { files: { 'remedies.csv': TINY_BRAND['remedies.csv']!.replace('14 Tage Rückgabe,Geld zurück', ',Geld zurück') } },
  ],
  [
    'a remedy description given in English only',
    'missing_translation tiny/remedies.csv:3:G',
    { files: { 'remedies.csv': TINY_BRAND['remedies.csv']!.replace('Ersatz,ein neues Gerät', 'Ersatz,') } },
  ],
  [
    'remedies without a label column for a brand language',
    'missing_translation tiny/remedies.csv:2',
    {
      files: {
        'remedies.csv':
          'remedy,label,deadline,evidence\nrefund,Refund,return_window,receipt\nreplace,Replacement,return_window | warranty,receipt\nrepair,Repair,warranty,\n',
      },
    },
  ],
  [
    'both a bare label and a label_en column',
    'duplicate_header tiny/remedies.csv:1:B',
    {
      files: {
        'remedies.csv':
          'remedy,label,label_en,label_de,deadline\nrefund,Refund,Refund,Rückgabe,return_window\nreplace,Replacement,Replacement,Ersatz,return_window\nrepair,Repair,Repair,Reparatur,warranty\n',
      },
    },
  ],
  [
    'a window label missing in a brand language',
    'missing_translation tiny/windows.csv:2:F',
    { files: { 'windows.csv': TINY_BRAND['windows.csv']!.replace('{length} Tage Rückgabe,', ',') } },
  ],
  [
    'a shared fact the brand reads with no label in a brand language',
    'missing_translation _shared/facts.csv:9:G',
    { shared: { 'facts.csv': TINY_SHARED['facts.csv']!.replace('water damage,Wasserschaden', 'water damage,') } },
  ],
  ['a brand fact without label columns', 'missing_translation tiny/facts.csv:2', { files: { 'facts.csv': 'fact,type,values\nseal_broken,boolean,\n' } }],
  [
    'a status word missing in a brand language',
    'missing_translation _shared/words.csv:4:D',
    { shared: { 'words.csv': TINY_SHARED['words.csv']!.replace('not available,nicht möglich', 'not available,') } },
  ],
  [
    'a payer phrase missing in a brand language',
    'missing_translation _shared/words.csv:20:D',
    {
      shared: {
        'words.csv': TINY_SHARED['words.csv']!.replace(
          'You pay the return shipping.,Sie tragen die Kosten für den Rückversand.',
          'You pay the return shipping.,',
        ),
      },
    },
  ],
  [
    'a fee phrase missing in a brand language',
    'missing_translation _shared/words.csv:16:D',
    { shared: { 'words.csv': TINY_SHARED['words.csv']!.replace('Wiedereinlagerungsgebühr: {value}.', '') } },
  ],
  [
    'a summary template missing in a brand language',
    'missing_translation _shared/words.csv:14:D',
    { shared: { 'words.csv': TINY_SHARED['words.csv']!.replace('Für diese Anfrage ist keine Leistung möglich.', '') } },
  ],
  [
    'evidence of a remedy that no words sheet names',
    'missing_translation tiny/remedies.csv:2',
    { files: { 'remedies.csv': TINY_BRAND['remedies.csv']!.replace('return_window,receipt,', 'return_window,invoice,') } },
  ],
  [
    'evidence a table asks for that no words sheet names',
    'missing_translation tiny/check.csv:2',
    table('C,issue,> refund,> evidence\nR,quality_defect,√,"""scan"""\n'),
  ],
  [
    'a text fee value that no words sheet names',
    'missing_translation tiny/check.csv:2',
    {
      shared: { 'fees.csv': `${TINY_SHARED['fees.csv']}deductions,text,,what may be deducted\n` },
      ...table('C,issue,> refund,> deductions\nR,quality_defect,√,"""shipping"""\n'),
    },
  ],
  [
    'an unknown placeholder in a template',
    'bad_placeholder _shared/words.csv:6:C',
    { shared: { 'words.csv': TINY_SHARED['words.csv']!.replace('{remedy} — {status}.,', '{remedy} — {statut}.,') } },
  ],
  [
    'a summary template that does not exist',
    'unknown_template _shared/words.csv:28:B',
    { shared: { 'words.csv': `${TINY_SHARED['words.csv']}summary,remedy_elegible,x,y\n` } },
  ],
  // --- added with issue 16 (the badge groups exclusions by kind, says "no warranty" for a length of 0) ---
  [
    'a reason kind no reason_kind word titles (misspelt)',
    'missing_translation _shared/reasons.csv:3',
    {
      shared: {
        'reasons.csv': TINY_SHARED['reasons.csv']!.replace('code,en,de', 'code,kind,en,de')
          .replace(/\n(\w+),/g, '\n$1,,')
          .replace('water_damage,,', 'water_damage,damgae,'),
      },
    },
  ],
  [
    'a reason kind that is not a name',
    'bad_name _shared/reasons.csv:3:B',
    {
      shared: {
        'reasons.csv': TINY_SHARED['reasons.csv']!.replace('code,en,de', 'code,kind,en,de')
          .replace(/\n(\w+),/g, '\n$1,,')
          .replace('water_damage,,', 'water_damage,Water!,'),
      },
    },
  ],
  [
    'a badge window whose length may be 0, without the words for no warranty',
    'missing_translation tiny/windows.csv:3',
    {
      files: {
        'windows.csv':
          'window,length,unit,counts_from,checked_against,label,label_de,badge\nreturn_window,14,days,delivered_on,claim_on,{length}-day returns,{length} Tage Rückgabe,yes\nwarranty,warranty_years,years,delivered_on,claim_on,{length}-year warranty,{length}-jährige Garantie,yes\n',
        'lengths.csv': 'F,product_line,> warranty_years\nAny,-,1\n',
      },
    },
  ],
  ['a kind of word that does not exist', 'bad_kind _shared/words.csv:28:A', { shared: { 'words.csv': `${TINY_SHARED['words.csv']}colour,red,red,rot\n` } }],
  ['no shared words sheet', 'missing_sheet _shared/words.csv', { shared: { 'words.csv': null } }],
  // --- added with issue 7 (reliability) ---
  [
    'a negative window length in months',
    'bad_length tiny/windows.csv:3:B',
    { files: { 'windows.csv': TINY_BRAND['windows.csv']!.replace('warranty,1,years', 'warranty,-6,months') } },
  ],
  ['a formula-looking cell @SUM(A1)', 'bad_cell tiny/check.csv:2:B', table('C,order_amount,> refund\nR,@SUM(A1),√\n')],
  ['a formula-looking cell -1+1', 'bad_cell tiny/check.csv:2:B', table('C,order_amount,> refund\nR,-1+1,√\n')],
  ['a word in a percentage column', 'bad_cell tiny/check.csv:2:D', table('C,condition,> refund,> restocking_fee_pct\nR,opened_unused,√,fifteen\n')],
  [
    'overlapping ranges in a U table',
    'overlapping_rules tiny/check.csv:3',
    table('U,order_amount,> refund,> reason\nA,[0..100],√,\nB,[50..200],×,used_product\n'),
  ],
  ['a fact name in the wrong case (Issue)', 'unknown_fact tiny/check.csv:1:B', table('C,Issue,> refund\nR,quality_defect,√\n')],
  ['a NUL character in a cell', 'bad_cell tiny/check.csv:2:B', table('C,issue,> refund\nR,quality_defect\u0000,√\n')],
  ['a tab-separated file (one cell per line)', 'bad_hit_policy tiny/check.csv:1:A', table('C\tissue\t> refund\nR\tquality_defect\t√\n')],
  // --- values.csv: every enum value in each of the brand's languages ---
  ['a value label for a fact that does not exist', 'unknown_fact tiny/values.csv:2:A', values('colour,red,red,rot\n')],
  [
    'a value label for a shared fact the brand never reads',
    'unknown_fact tiny/values.csv:2:A',
    { shared: { 'facts.csv': `${TINY_SHARED['facts.csv']}region,enum,"eu, uk",,where it was bought,region,Region\n` }, ...values('region,eu,EU,EU\n') },
  ],
  ['a value label for a fact that is no enum', 'not_enum tiny/values.csv:2:A', values('water_damage,true,yes,ja\n')],
  ['a value label for a value the fact does not allow', 'unknown_value tiny/values.csv:2:B', values('condition,brand_new,brand new,neu\n')],
  [
    'a shared value label for a value the shared fact does not list',
    'unknown_value _shared/values.csv:8:B',
    { shared: { 'values.csv': `${TINY_SHARED['values.csv']}condition,mint,mint,neuwertig\n` } },
  ],
  ['a value labelled twice', 'duplicate_name tiny/values.csv:3:B', values('condition,used,used,benutzt\ncondition,used,worn,getragen\n')],
  ['a value label whose fact is no name', 'bad_name tiny/values.csv:2:A', values('Condition,used,used,benutzt\n')],
  ['a value label row without its value', 'missing_value tiny/values.csv:2:B', values('condition,,used,benutzt\n')],
  [
    'a shared value without a label in a brand language',
    'missing_translation _shared/values.csv:6:D',
    { shared: { 'values.csv': TINY_SHARED['values.csv']!.replace('opened but unused,"geöffnet, aber unbenutzt"', 'opened but unused,') } },
  ],
  [
    'a value no values sheet labels (reported where it is listed)',
    'missing_translation _shared/facts.csv:3:C',
    { shared: { 'values.csv': TINY_SHARED['values.csv']!.replace('condition,used,used,benutzt\n', '') } },
  ],
  [
    'a brand value whose label row has no column for a brand language',
    'missing_translation tiny/values.csv:2',
    {
      files: {
        'facts.csv': 'fact,type,values,label_en,label_de\nregion,enum,"eu, uk",region,Region\n',
        'values.csv': 'fact,value,label_en\nregion,eu,EU\nregion,uk,UK\n',
      },
    },
  ],
];

describe('compilePolicy', () => {
  describe('with a well-formed brand folder', () => {
    const result = compilePolicy(tinyBrand());

    it('compiles without issues or warnings', () => {
      expect(result).toMatchObject({ ok: true, warnings: [] });
    });

    it('is written in format 4 only when an output has a default, so older Workers refuse it rather than misread it', () => {
      const plain = compileOrThrow(tinyBrand());
      const withDefault = compileOrThrow(
        tinyBrand({
          files: {
            'lengths.csv': 'U,issue,> warranty_years default 1\nDefect,quality_defect,2\n',
            'windows.csv': TINY_BRAND['windows.csv']!.replace('warranty,1,years', 'warranty,warranty_years,years'),
          },
        }),
      );
      expect([plain.formatVersion, withDefault.formatVersion]).toEqual([3, FORMAT_VERSION]);
      expect(withDefault.tables.find((t) => t.name === 'lengths')?.outputs[0]?.default).toBe(1);
      // No row matches a non-quality claim: the derived length falls back to its default.
      const length = (issue: string) =>
        evaluateClaim(withDefault, { issue, delivered_on: '2025-01-01' }, '2025-02-01').windows.find((w) => w.window === 'warranty')?.length;
      expect([length('quality_defect'), length('non_quality')]).toEqual([2, 1]);
    });

    it('carries the settings of policy.csv', () => {
      const policy = compileOrThrow(tinyBrand());
      expect(policy).toMatchObject({
        // The oldest format that holds it: a policy using no default output is format 3.
        formatVersion: 3,
        brand: 'tiny',
        name: 'Tiny Audio',
        currency: 'EUR',
        locales: ['en', 'de'],
        defaultLocale: 'en',
        claimDate: 'claim_on',
        warrantyWindow: 'warranty',
      });
      expect(policy.version).toMatch(/^[0-9a-f]{16}$/);
    });

    it('compiles the remedies, windows and tables of the folder, citing their rows', () => {
      const policy = compileOrThrow(tinyBrand());
      expect(policy.remedies.map((r) => [r.name, r.deadline, r.evidence, r.source])).toEqual([
        ['refund', ['return_window'], ['receipt'], 'tiny/remedies.csv:2'],
        ['replace', ['return_window', 'warranty'], ['receipt', 'photo'], 'tiny/remedies.csv:3'],
        ['repair', ['warranty'], [], 'tiny/remedies.csv:4'],
      ]);
      expect(policy.windows.map((w) => [w.name, w.length, w.unit, w.countsFrom, w.checkedAgainst])).toEqual([
        ['return_window', 14, 'days', ['delivered_on', 'purchased_on'], 'claim_on'],
        ['warranty', 1, 'years', ['delivered_on', 'purchased_on'], 'claim_on'],
      ]);
      expect(policy.tables.map((t) => [t.source, t.hitPolicy, t.complete, t.rules.length])).toEqual([
        ['tiny/exclusions.csv', 'C', false, 2],
        ['tiny/returns.csv', 'C', false, 3],
        ['tiny/timing.csv', 'C', false, 2],
        ['tiny/warranty.csv', 'U', true, 2],
      ]);
    });

    it('gives every output column its role', () => {
      const policy = compileOrThrow(tinyBrand());
      const returns = policy.tables.find((t) => t.name === 'returns')!;
      expect(returns.outputs.map((o) => o.role)).toEqual([
        { kind: 'verdict', remedy: 'refund' },
        { kind: 'meta', field: 'reason' },
        { kind: 'meta', field: 'restocking_fee_pct' },
        { kind: 'meta', field: 'return_shipping_paid_by' },
      ]);
      expect(returns.rules[1]).toEqual({
        source: 'tiny/returns.csv:3',
        label: 'Opened but unused',
        tests: [{ any: true }, { eq: ['opened_unused'] }],
        outputs: [{ value: 'eligible' }, null, { value: 15 }, { value: 'customer' }],
      });
    });

    it('orders windows before the tables that read them', () => {
      const policy = compileOrThrow(tinyBrand());
      const position = (step: object) => policy.plan.findIndex((s) => JSON.stringify(s) === JSON.stringify(step));
      const timing = policy.tables.findIndex((t) => t.name === 'timing');
      expect(position({ table: timing })).toBeGreaterThan(position({ window: 0 }));
      expect(position({ table: timing })).toBeGreaterThan(position({ window: 1 }));
    });

    it('merges the brand’s messages over the shared reason texts', () => {
      const policy = compileOrThrow(tinyBrand({ files: { 'messages.csv': 'code,en\nwindow_expired,Tiny’s 14 days have passed.\n' } }));
      expect(policy.messages.window_expired).toEqual({ en: 'Tiny’s 14 days have passed.', de: 'Die Frist ist abgelaufen.' });
      // Only reasons the brand's tables can give travel in the compiled document.
      expect(policy.messages.brand_discretion).toBeUndefined();
    });

    it('adds the brand’s own facts to the shared ones', () => {
      const policy = compileOrThrow(
        tinyBrand({
          files: {
            'facts.csv': 'fact,type,values,label_en,label_de\nseal_broken,boolean,,seal broken,Siegel gebrochen\n',
            'messages.csv': 'code,en,de\nseal_broken,The seal is broken.,Das Siegel ist gebrochen.\n',
            'seal.csv': 'C,seal_broken,> refund,> reason\nSeal broken,true,×,seal_broken\n',
          },
        }),
      );
      expect(policy.facts.map((f) => f.name)).toContain('seal_broken');
    });

    it('gives the same version to the same sheets, and another to changed sheets', () => {
      expect(compileOrThrow(tinyBrand()).version).toBe(compileOrThrow(tinyBrand()).version);
      const changed = compileOrThrow(tinyBrand({ files: { 'windows.csv': TINY_BRAND['windows.csv']!.replace('return_window,14', 'return_window,30') } }));
      expect(changed.version).not.toBe(compileOrThrow(tinyBrand()).version);
    });

    it('ignores cases sheets and annotation columns', () => {
      const withCases = tinyBrand({ files: { 'cases.csv': 'case,issue,> refund\nA,quality_defect,eligible\n', 'cases-extra.csv': 'case\nB\n' } });
      expect(compileOrThrow(withCases).version).toBe(compileOrThrow(tinyBrand()).version);
    });
  });

  describe('with sheets exported by other spreadsheet programs', () => {
    const baseline = compileOrThrow(tinyBrand());

    it.each(SPREADSHEET_VARIANTS)('compiles %s to the same policy', (_how, how) => {
      const result = compilePolicy(rewrite(tinyBrand(), how));
      expect(result.ok ? [] : result.issues.map(formatIssue)).toEqual([]);
      expect(result.ok && result.policy).toEqual(baseline);
    });
  });

  describe('reports every malformation at its sheet:row:column', () => {
    it.each(MALFORMATIONS)('%s → %s', (_what, issue, change) => {
      const issues = issuesOf(tinyBrand(change));
      expect(issues).toContain(issue);
    });

    it(`catalogues at least 25 malformations (${MALFORMATIONS.length})`, () => {
      // The figure README's reliability section quotes.
      console.log(
        `broken sheets: ${MALFORMATIONS.length} malformations, each at its sheet:row:column; ${SPREADSHEET_VARIANTS.length} spreadsheet export variants that compile unchanged`,
      );
      expect(MALFORMATIONS.length).toBeGreaterThanOrEqual(25);
    });

    it('reports a malformation once, without follow-on issues', () => {
      expect(issuesOf(tinyBrand(table('C,issue,> refund,> reason\nR,non_quality,×,\n')))).toEqual(['missing_reason tiny/check.csv:2:C']);
      expect(issuesOf(tinyBrand(table('U,issue,> refund,> reason\nA,quality_defect,√,\nB,"quality_defect, non_quality",×,used_product\n')))).toEqual([
        'overlapping_rules tiny/check.csv:3',
      ]);
    });

    it('reports every problem of a folder in one pass', () => {
      const issues = issuesOf(
        tinyBrand({
          files: {
            'policy.csv': TINY_BRAND['policy.csv']!.replace('EUR', 'euro'),
            'check.csv': 'C,colour,> refund,> reason\nR,red,×,changed_mind\n',
          },
        }),
      );
      expect(issues).toEqual(expect.arrayContaining(['bad_currency tiny/policy.csv:4:B', 'unknown_fact tiny/check.csv:1:B', 'bad_cell tiny/check.csv:2:D']));
    });

    it('returns problems as data and never throws', () => {
      const garbage = ['', '\uFEFF', ',,,', '"', 'a\nb\nc', '=1+1', '\u0000', 'C,issue,> refund\nR,{x},√\n', 'U complete,order_amount,> refund\nR,[9..1],√\n'];
      for (const text of garbage) {
        for (const file of ['policy.csv', 'remedies.csv', 'windows.csv', 'check.csv']) {
          expect(() => compilePolicy(tinyBrand({ files: { [file]: text } }))).not.toThrow();
        }
      }
    });

    it('keeps warnings apart from errors', () => {
      const result = compilePolicy(tinyBrand(table('C,issue,> refund,> reason\nR,non_quality,×,\n')));
      expect(result.ok).toBe(false);
      expect(result.warnings).toEqual([]);
    });
  });

  describe('reports header problems on the header row', () => {
    it('even when a blank row separates the header from the first rule', () => {
      expect(issuesOf(tinyBrand({ files: { 'check.csv': 'C,colour,> refund\n\nR,red,√\n' } }))).toEqual(['unknown_fact tiny/check.csv:1:B']);
    });

    it('even when a blank row follows the header of windows.csv', () => {
      const windows = TINY_BRAND['windows.csv']!.replace('label\n', 'label,colour\n\n');
      expect(issuesOf(tinyBrand({ files: { 'windows.csv': windows } }))).toEqual(['unknown_column tiny/windows.csv:1:H']);
    });
  });

  describe('reports an unknown deadline window of remedies.csv', () => {
    it('at the deadline cell', () => {
      const remedies = TINY_BRAND['remedies.csv']!.replace('refund,14-day returns,return_window', 'refund,14-day returns,return_windw');
      expect(issuesOf(tinyBrand({ files: { 'remedies.csv': remedies } }))).toEqual(['unknown_window tiny/remedies.csv:2:C']);
    });
  });

  describe('reads bare names in output columns that only hold values', () => {
    it('takes a bare window name in > deadline as that window', () => {
      expect(issuesOf(tinyBrand(table('C,issue,> refund,> deadline\nR,quality_defect,√,warranty\n')))).toEqual([]);
    });

    it('takes a reason code that is also a fact name (water_damage) as the code', () => {
      expect(issuesOf(tinyBrand(table('C,water_damage,> repair,> reason\nR,true,×,water_damage\n')))).toEqual([]);
    });

    it('takes * in > remedies as every remedy of the brand', () => {
      const result = compilePolicy(tinyBrand(table('C,labels_tampered,> remedies,> status,> reason\nR,true,*,×,"""labels_tampered"""\n')));
      expect(result.ok ? [] : result.issues.map(located)).toEqual([]);
      const check = result.ok ? result.policy.tables.find((t) => t.name === 'check') : undefined;
      expect(check?.rules[0]?.outputs[0]).toEqual({ value: ['refund', 'replace', 'repair'] });
    });
  });

  it('points a mistyped output column at the name the editor meant', () => {
    const result = compilePolicy(tinyBrand(table('C,condition,> refund,> restocking_fee_pt\nR,opened_unused,√,15%\n')));
    expect(result.ok ? [] : result.issues.map((i) => i.message)).toEqual([expect.stringContaining('did you mean "restocking_fee_pct"?')]);
  });
});
