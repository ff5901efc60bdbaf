// Synthetic brands for the scale section, written as the CSV a policy editor would keep: the shared
// vocabulary from policy-sheets/_shared, a brand-own `sku` text fact, and a SKU table of `rows` rows
// (two rows per SKU, split by order amount) beside a small timing table. Compiled by compilePolicy.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrandSheets, SheetFile } from '../src/index.js';
import { seeded, type BenchClaim } from './claims.js';

export type SkuHitPolicy = 'U' | 'C' | 'F';

let shared: SheetFile[] | undefined;
function sharedSheets(): SheetFile[] {
  shared ??= readdirSync('policy-sheets/_shared').filter((f) => f.endsWith('.csv'))
    .map((f) => ({ name: `_shared/${f}`, text: readFileSync(join('policy-sheets/_shared', f), 'utf8') }));
  return shared;
}

export const skuName = (brand: string, i: number) => `${brand.toUpperCase()}-${String(i).padStart(5, '0')}`;

export function skuTable(brand: string, rows: number, hit: SkuHitPolicy): string {
  const lines = [`${hit},sku,order_amount,> refund,> repair,> restocking_fee_pct,# note`];
  for (let i = 0; lines.length <= rows; i++) {
    const sku = `"""${skuName(brand, i)}"""`;
    lines.push(`${skuName(brand, i)} under 100,${sku},< 100,√,√,${i % 20}%,`);
    if (lines.length <= rows) lines.push(`${skuName(brand, i)} from 100,${sku},>= 100,√,√,${(i % 20) + 1}%,`);
  }
  return lines.join('\n') + '\n';
}

export function syntheticBrand(brand: string, rows: number, hit: SkuHitPolicy): BrandSheets {
  const files: SheetFile[] = [
    { name: `${brand}/policy.csv`, text: `key,value\nbrand,${brand}\nname,Synthetic ${brand}\ncurrency,USD\nlocales,en\nwarranty_window,warranty\nclaim_date,claim_on\n` },
    { name: `${brand}/facts.csv`, text: 'fact,type,values,not_before,description\nsku,text,,,the product SKU\n' },
    { name: `${brand}/remedies.csv`, text: 'remedy,label,deadline,evidence,description\nrefund,30-day returns,return_window,receipt,\nrepair,Warranty repair,warranty,,\n' },
    {
      name: `${brand}/windows.csv`,
      text: 'window,length,unit,counts_from,checked_against,label\nreturn_window,30,days,delivered_on|purchased_on,claim_on,{length}-day returns\nwarranty,2,years,delivered_on|purchased_on,claim_on,{length}-year warranty\n',
    },
    { name: `${brand}/skus.csv`, text: skuTable(brand, rows, hit) },
    { name: `${brand}/timing.csv`, text: 'C,return_window,warranty,> refund,> repair,> reason\nLate return,closed,-,×,,window_expired\nWarranty over,-,closed,,×,window_expired\n' },
  ];
  return { brand, shared: sharedSheets(), files };
}

/** Claims against a synthetic brand: known SKUs (and 10% unknown ones), amounts and dates mixed. */
export function syntheticClaims(brand: string, rows: number, count = 1000): BenchClaim[] {
  const random = seeded(rows);
  const skus = Math.ceil(rows / 2);
  return Array.from({ length: count }, () => {
    const day = 1 + Math.floor(random() * 28);
    const claim = {
      sku: random() < 0.1 ? `${brand.toUpperCase()}-UNKNOWN` : skuName(brand, Math.floor(random() * skus)),
      order_amount: Math.round(random() * 20000) / 100,
      delivered_on: `2025-02-${String(day).padStart(2, '0')}`,
      claim_on: `2025-03-${String(day).padStart(2, '0')}`,
      condition: random() < 0.5 ? 'unopened' : 'used',
    };
    return { claim, asOf: claim.claim_on };
  });
}
