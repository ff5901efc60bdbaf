// The sheets `policy new-brand <id>` writes: a small, complete brand that compiles and passes its
// cases as it is, for an editor to replace row by row. Every cell is an example of the syntax
// policy-sheets/README.md documents; the `# note` columns say what to fill in.

/** "nimbus-print" → "Nimbus Print": a first guess at the brand's display name, edited in policy.csv. */
export function displayName(id: string): string {
  return id
    .split('-')
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
}

/** File name → CSV text of a new brand folder. */
export function scaffoldBrand(id: string): Record<string, string> {
  const name = displayName(id);
  return {
    'policy.csv': `key,value
brand,${id}
name,${name}
currency,EUR
locales,"en, de"
warranty_window,warranty
claim_date,claim_on
`,
    'facts.csv': `fact,type,values,not_before,description,label_en,label_de,label_fr,# note
part,,"product, accessory",,,,,,"the parts a claim may name for ${name}: list yours, comma separated"
`,
    'values.csv': `fact,value,label_en,label_de,# note
part,product,product,Produkt,"what customers call each part, in each language of policy.csv (issue and condition take _shared/values.csv's words)"
part,accessory,accessory,Zubehör,
`,
    'remedies.csv': `remedy,label_en,label_de,deadline,evidence,description_en,description_de,# note
refund,30-day returns,30-tägiges Rückgaberecht,return_window,order_number,Money back for an item returned within 30 days of delivery,"Geld zurück für einen Artikel, der innerhalb von 30 Tagen nach Lieferung zurückgegeben wird","one row per remedy you offer; a label (and description) in each language of policy.csv"
repair,Warranty repair,Garantiereparatur,warranty,proof_of_purchase,Free repair of a manufacturing defect during the warranty,Kostenlose Reparatur eines Herstellungsfehlers während der Garantie,
`,
    'windows.csv': `window,length,unit,counts_from,checked_against,label_en,label_de,badge,# note
return_window,30,days,delivered_on | purchased_on,claim_on,{length}-day returns,{length}-tägiges Rückgaberecht,yes,"from delivery, else from the purchase date"
warranty,12,months,delivered_on | purchased_on,claim_on,{length}-month warranty,{length}-monatige Garantie,yes,
`,
    'eligibility.csv': `C,issue,condition,part,return_window,warranty,> refund,> repair,> reason,# note
Change of mind: unopened,not(quality_defect),unopened,-,open,-,√,,,"one row per rule; every matching row counts, the most severe verdict wins"
Change of mind: opened or used,not(quality_defect),"opened_unused, used",-,-,-,×,,used_product,
Return window over,-,-,-,closed,-,×,,window_expired,
Faulty product,quality_defect,-,product,-,open,√,√,,
Faulty accessory,quality_defect,-,accessory,-,open,,review,brand_discretion,decided case by case
Warranty over,-,-,-,-,closed,,×,window_expired,
Not a defect,not(quality_defect),-,-,-,-,,×,not_quality_issue,
Dates unknown,-,-,-,unknown,unknown,review,review,missing_proof_of_purchase,neither a delivery nor a purchase date
`,
    'messages.csv': `code,en,de
window_expired,The ${name} return period or warranty has ended.,Die Rückgabefrist oder die Garantie von ${name} ist abgelaufen.
`,
    'cases.csv': `case,issue,condition,part,purchased_on,delivered_on,claim_on,> refund,> refund.reason,> refund.deadline,> repair,> repair.reason,> warranty.deadline,# note
N01 unopened change of mind on day 30,non_quality,unopened,product,,2025-03-01,2025-03-31,eligible,,2025-03-31,ineligible,not_quality_issue,2026-03-01,replace these rows with your own claims and expected answers
N02 opened change of mind,non_quality,opened_unused,product,,2025-03-01,2025-03-10,ineligible,used_product,,ineligible,not_quality_issue,,
N03 unopened change of mind on day 31 (late),non_quality,unopened,product,,2025-03-01,2025-04-01,ineligible,window_expired,,,,,
N04 faulty product in the first month,quality_defect,used,product,,2025-03-01,2025-03-20,eligible,,,eligible,,,
N05 faulty accessory,quality_defect,used,accessory,,2025-03-01,2025-05-20,ineligible,window_expired,,review,brand_discretion,,
N06 faulty product after the warranty,quality_defect,used,product,,2025-03-01,2026-03-02,ineligible,window_expired,,ineligible,window_expired,,
N07 neither delivery nor purchase date,quality_defect,used,product,,,2025-06-01,review,missing_proof_of_purchase,,review,missing_proof_of_purchase,,
N08 purchase date only: the return window counts from it,non_quality,unopened,product,2025-03-01,,2025-03-31,eligible,,2025-03-31,,,,
`,
  };
}
