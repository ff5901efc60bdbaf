// A small brand built in memory for unit tests of the compiler and the evaluator: a tiny shared
// vocabulary and a brand folder whose sheets a test replaces or removes one at a time.

import { compilePolicy, type BrandSheets } from '../../src/compile/compile-policy.js';
import { formatIssue } from '../../src/issue.js';
import type { CompiledPolicy } from '../../src/contract.js';

export type Sheets = Record<string, string | null>;

export const TINY_SHARED: Record<string, string> = {
  'facts.csv': `fact,type,values,not_before,description,label_en,label_de
issue,enum,"quality_defect, non_quality, accidental_damage",,what the customer claims
condition,enum,"unopened, opened_unused, used",,state of the item
product_line,text,,,model family
purchased_on,date,,,date on the invoice,purchase date,Kaufdatum
delivered_on,date,,purchased_on,date the customer received the goods,delivery date,Lieferdatum
claim_on,date,,delivered_on,date of the request
order_amount,money,,,amount paid for the returned items
water_damage,boolean,,,liquid caused the fault
labels_tampered,boolean,,,labels removed or altered
same_region,boolean,,,claim made in the region of purchase
`,
  'fees.csv': `field,type,computed_from,description
restocking_fee_pct,percent,,restocking fee in percentage points of order_amount
restocking_fee_amount,money,"percent_of(restocking_fee_pct, order_amount)",half-up to the cent
refund_amount,money,,amount refunded
return_shipping_paid_by,payer,,who ships the item back
repair_fee_paid_by,payer,,who pays the repair
`,
  'reasons.csv': `code,en,de
window_expired,The time limit has passed.,Die Frist ist abgelaufen.
water_damage,Water damage is not covered.,Wasserschäden sind nicht abgedeckt.
labels_tampered,The labels were tampered with.,Die Etiketten wurden verändert.
outside_purchase_region,Only in the region of purchase.,Nur in der Region des Kaufs.
used_product,Used items cannot be returned.,Gebrauchte Artikel können nicht zurückgegeben werden.
not_quality_issue,Only quality problems are covered.,Nur Qualitätsmängel sind abgedeckt.
brand_discretion,The brand decides case by case.,Die Marke entscheidet im Einzelfall.
missing_proof_of_purchase,A proof of purchase is needed.,Ein Kaufbeleg ist nötig.
not_applicable,This option does not apply.,Diese Möglichkeit kommt nicht in Betracht.
`,
};

export const TINY_BRAND: Record<string, string> = {
  'policy.csv': `key,value
brand,tiny
name,Tiny Audio
currency,EUR
locales,"en, de"
warranty_window,warranty
claim_date,claim_on
`,
  'remedies.csv': `remedy,label,deadline,evidence,description
refund,14-day returns,return_window,receipt,money back
replace,Replacement,return_window | warranty,"receipt, photo",a new unit
repair,Warranty repair,warranty,,free repair
`,
  'windows.csv': `window,length,unit,counts_from,checked_against,label
return_window,14,days,delivered_on|purchased_on,claim_on,{length}-day returns
warranty,1,years,delivered_on|purchased_on,claim_on,{length}-year warranty
`,
  'returns.csv': `C,issue,condition,> refund,> reason,> restocking_fee_pct,> return_shipping_paid_by,# note
Unopened,-,unopened,√,,,customer,
Opened but unused,-,opened_unused,√,,15%,customer,15% restocking fee
Used,not(quality_defect),used,×,used_product,,,
`,
  'warranty.csv': `U complete,issue,> replace,> repair,> reason,> repair_fee_paid_by
Quality defect,quality_defect,√,√,,brand
Not a defect,"non_quality, accidental_damage",×,×,not_quality_issue,
`,
  'exclusions.csv': `C,water_damage,labels_tampered,> remedies,> status,> reason
Water,true,-,"replace, repair",×,"""water_damage"""
Labels,-,true,"refund, replace, repair",×,"""labels_tampered"""
`,
  'timing.csv': `C,return_window,warranty,> refund,> replace,> repair,> reason
Late return,closed,-,×,×,,window_expired
Warranty over,-,closed,,,×,window_expired
`,
};

/** The tiny brand with some sheets replaced (a string) or removed (null). */
export function tinyBrand(change: { brand?: string; files?: Sheets; shared?: Sheets } = {}): BrandSheets {
  const brand = change.brand ?? 'tiny';
  const pick = (base: Record<string, string>, over: Sheets = {}, folder: string) =>
    Object.entries({ ...base, ...over }).flatMap(([file, text]) => (text === null ? [] : [{ name: `${folder}/${file}`, text }]));
  return { brand, shared: pick(TINY_SHARED, change.shared, '_shared'), files: pick(TINY_BRAND, change.files, brand) };
}

/** Compiles a brand that must compile; a failure shows every issue as sheet:row:column — message. */
export function compileOrThrow(sheets: BrandSheets): CompiledPolicy {
  const result = compilePolicy(sheets);
  if (!result.ok) throw new Error(`expected ${sheets.brand} to compile:\n${result.issues.map(formatIssue).join('\n')}`);
  return result.policy;
}

/** A brand made of the tiny vocabulary, its policy/remedies/windows and exactly the given tables. */
export function tinyWith(tables: Sheets, files: Sheets = {}): CompiledPolicy {
  const none: Sheets = { 'returns.csv': null, 'warranty.csv': null, 'exclusions.csv': null, 'timing.csv': null };
  return compileOrThrow(tinyBrand({ files: { ...none, ...files, ...tables } }));
}
