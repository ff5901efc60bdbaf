// Synthetic brands for the scale section, written as the CSV a policy editor would keep: the shared
// vocabulary from policy-sheets/_shared, a brand-own `sku` text fact, and a table of `rows` rows
// beside a small timing table. Compiled by compilePolicy. Two shapes of table:
// - sku: two rows per SKU, split by order amount (regular: one column keys every row);
// - varied: a first-hit table over product line x order amount x days since delivery, eight rows
//   per line whose amount and day boundaries differ from line to line, so the amount column has
//   thousands of distinct boundaries and no column alone decides which rows can overlap.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrandSheets, SheetFile } from '../src/index.js';
import { type BenchClaim, seeded } from './claims.js';

export type SkuHitPolicy = 'U' | 'C' | 'F';

let shared: SheetFile[] | undefined;
function sharedSheets(): SheetFile[] {
  shared ??= readdirSync('policy-sheets/_shared')
    .filter((f) => f.endsWith('.csv'))
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
  return `${lines.join('\n')}\n`;
}

export type TableShape = 'sku' | 'varied';

export const lineName = (brand: string, i: number) => `${brand}-line-${i}`;

/** Eight rows per product line tiling amount × days since delivery, then one row for every other line. */
export function variedTable(brand: string, rows: number): string {
  const lines = ['F complete,product_line,order_amount,days_since_delivered_on,> refund,> restocking_fee_pct,> reason'];
  for (let line = 0; lines.length < rows; line++) {
    const shift = (line * 37) % 9973,
      days = 7 + (line % 53);
    const cuts = [0, 100 + shift / 10, 250 + shift / 5, 600 + shift / 2];
    const name = `"""${lineName(brand, line)}"""`;
    cuts.forEach((lo, j) => {
      const amount = j === 0 ? `< ${cuts[1]}` : j + 1 < cuts.length ? `[${lo}..${cuts[j + 1]})` : `>= ${lo}`;
      lines.push(`,${name},${amount},< ${days},√,${(line + j) % 20}%,`, `,${name},${amount},>= ${days},×,,window_expired`);
    });
  }
  lines.length = Math.min(lines.length, rows); // the header and rows - 1 rows, then the row for every other line
  lines.push(',-,-,-,review,,brand_discretion');
  return `${lines.join('\n')}\n`;
}

export function syntheticBrand(brand: string, rows: number, hit: SkuHitPolicy, shape: TableShape = 'sku'): BrandSheets {
  const files: SheetFile[] = [
    {
      name: `${brand}/policy.csv`,
      text: `key,value\nbrand,${brand}\nname,Synthetic ${brand}\ncurrency,USD\nlocales,en\nwarranty_window,warranty\nclaim_date,claim_on\n`,
    },
    { name: `${brand}/facts.csv`, text: 'fact,type,values,not_before,description,label_en\nsku,text,,,the product SKU,product SKU\n' },
    {
      name: `${brand}/remedies.csv`,
      text: 'remedy,label,deadline,evidence,description\nrefund,30-day returns,return_window,proof_of_purchase,\nrepair,Warranty repair,warranty,,\n',
    },
    {
      name: `${brand}/windows.csv`,
      text: 'window,length,unit,counts_from,checked_against,label\nreturn_window,30,days,delivered_on|purchased_on,claim_on,{length}-day returns\nwarranty,2,years,delivered_on|purchased_on,claim_on,{length}-year warranty\n',
    },
    shape === 'sku' ? { name: `${brand}/skus.csv`, text: skuTable(brand, rows, hit) } : { name: `${brand}/varied.csv`, text: variedTable(brand, rows) },
    {
      name: `${brand}/timing.csv`,
      text: 'C,return_window,warranty,> refund,> repair,> reason\nLate return,closed,-,×,,window_expired\nWarranty over,-,closed,,×,window_expired\n',
    },
  ];
  return { brand, shared: sharedSheets(), files };
}

/** Claims against a synthetic brand: known SKUs (and 10% unknown ones), amounts and dates mixed. */
export function syntheticClaims(brand: string, rows: number, count = 1000, shape: TableShape = 'sku'): BenchClaim[] {
  const random = seeded(rows);
  const skus = Math.ceil(rows / 2);
  const productLines = Math.ceil(rows / 8);
  return Array.from({ length: count }, () => {
    const day = 1 + Math.floor(random() * 28);
    const claim = {
      sku: random() < 0.1 ? `${brand.toUpperCase()}-UNKNOWN` : skuName(brand, Math.floor(random() * skus)),
      order_amount: Math.round(random() * 20000) / 100,
      delivered_on: `2025-02-${String(day).padStart(2, '0')}`,
      claim_on: `2025-03-${String(day).padStart(2, '0')}`,
      ...(shape === 'varied' ? { product_line: random() < 0.1 ? `${brand}-line-unknown` : lineName(brand, Math.floor(random() * productLines)) } : {}),
    };
    return { claim, asOf: claim.claim_on };
  });
}
