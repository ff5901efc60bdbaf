// A small brand built in memory for unit tests of the compiler and the evaluator: a tiny shared
// vocabulary and a brand folder whose sheets a test replaces or removes one at a time.

import { type BrandSheets, compilePolicy } from '../../src/compile/compile-policy.js';
import type { CompiledPolicy } from '../../src/contract.js';
import { formatIssue } from '../../src/issue.js';

export type Sheets = Record<string, string | null>;

export const TINY_SHARED: Record<string, string> = {
  'facts.csv': `fact,type,values,not_before,description,label_en,label_de
issue,enum,"quality_defect, non_quality, accidental_damage",,what the customer claims,issue,Anliegen
condition,enum,"unopened, opened_unused, used",,state of the item,condition,Zustand
product_line,text,,,model family,model,Modell
purchased_on,date,,,date on the invoice,purchase date,Kaufdatum
delivered_on,date,,purchased_on,date the customer received the goods,delivery date,Lieferdatum
claim_on,date,,delivered_on,date of the request,claim date,Datum der Anfrage
order_amount,money,,,amount paid for the returned items,order amount,Bestellwert
water_damage,boolean,,,liquid caused the fault,water damage,Wasserschaden
labels_tampered,boolean,,,labels removed or altered,labels tampered with,Etiketten verändert
same_region,boolean,,,claim made in the region of purchase,same region,gleiche Region
`,
  'values.csv': `fact,value,label_en,label_de
issue,quality_defect,quality defect,Qualitätsmangel
issue,non_quality,change of mind,kein Mangel
issue,accidental_damage,accidental damage,versehentliche Beschädigung
condition,unopened,unopened,ungeöffnet
condition,opened_unused,opened but unused,"geöffnet, aber unbenutzt"
condition,used,used,benutzt
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
  'words.csv': `kind,code,en,de
format,dates,en-GB,de-DE
status,eligible,available,möglich
status,ineligible,not available,nicht möglich
status,review,to be reviewed,wird geprüft
summary,remedy_eligible,{remedy} — {status}.,{remedy} — {status}.
summary,remedy_review,{remedy} — {status}: {reasons},{remedy} — {status}: {reasons}
summary,remedy_ineligible,{remedy} — {status}: {reasons},{remedy} — {status}: {reasons}
summary,window_open,{window}: until {deadline}.,{window}: bis zum {deadline}.
summary,window_closed,{window}: ended on {deadline}.,{window}: abgelaufen am {deadline}.
summary,evidence,What to send: {evidence}.,Bitte einreichen: {evidence}.
summary,decision_eligible,You can ask for {remedies}.,Sie können Folgendes beantragen: {remedies}.
summary,decision_review,{brand} decides case by case on {remedies}.,{brand} entscheidet im Einzelfall über: {remedies}.
summary,decision_none,Nothing is available for this request.,Für diese Anfrage ist keine Leistung möglich.
summary,decision_item_until,{remedy} (until {deadline}),{remedy} (bis zum {deadline})
fee,restocking_fee_pct,Restocking fee: {value}.,Wiedereinlagerungsgebühr: {value}.
fee,restocking_fee_amount,Restocking fee charged: {value}.,Einbehaltene Wiedereinlagerungsgebühr: {value}.
fee,refund_amount,Amount refunded: {value}.,Erstattungsbetrag: {value}.
paid_by,return_shipping_paid_by.brand,{brand} pays the return shipping.,{brand} trägt die Kosten für den Rückversand.
paid_by,return_shipping_paid_by.customer,You pay the return shipping.,Sie tragen die Kosten für den Rückversand.
paid_by,return_shipping_paid_by.either,"Return shipping: {brand} or you, depending on the case.","Rückversand: je nach Fall {brand} oder Sie."
paid_by,repair_fee_paid_by.brand,{brand} pays for the repair.,{brand} trägt die Reparaturkosten.
paid_by,repair_fee_paid_by.customer,You pay for the repair.,Sie tragen die Reparaturkosten.
paid_by,repair_fee_paid_by.either,"Repair: {brand} or you, depending on the case.","Reparatur: je nach Fall {brand} oder Sie."
evidence,receipt,receipt,Kassenbon
evidence,photo,photo of the fault,Foto des Fehlers
evidence,video,video of the fault,Video des Fehlers
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
  'remedies.csv': `remedy,label,deadline,evidence,description,label_de,description_de
refund,14-day returns,return_window,receipt,money back,14 Tage Rückgabe,Geld zurück
replace,Replacement,return_window | warranty,"receipt, photo",a new unit,Ersatz,ein neues Gerät
repair,Warranty repair,warranty,,free repair,Garantiereparatur,kostenlose Reparatur
`,
  'windows.csv': `window,length,unit,counts_from,checked_against,label_de,label
return_window,14,days,delivered_on|purchased_on,claim_on,{length} Tage Rückgabe,{length}-day returns
warranty,1,years,delivered_on|purchased_on,claim_on,{length}-jährige Garantie,{length}-year warranty
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
