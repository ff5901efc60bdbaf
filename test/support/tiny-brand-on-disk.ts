// The tiny brand of tiny-brand.ts written to a temporary policy-sheets/ folder, for tests of the
// CLI and of reading folders. Its cases.csv reaches every rule, so `policy test` passes on it as is.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TINY_BRAND, TINY_SHARED } from './tiny-brand.js';

export const TINY_CASES = `case,issue,condition,delivered_on,claim_on,order_amount,water_damage,labels_tampered,> refund,> refund.reason,> refund.deadline,> refund.restocking_fee_pct,> refund.return_shipping_paid_by,> repair,> warranty.status
Unopened in time,non_quality,unopened,2025-03-01,2025-03-10,100,false,false,eligible,,2025-03-15,,customer,ineligible,open
Opened unused,non_quality,opened_unused,2025-03-01,2025-03-10,100,,,eligible,,2025-03-15,15,customer,ineligible,open
Used,non_quality,used,2025-03-01,2025-03-10,100,,,ineligible,used_product,,,,ineligible,open
Defect in time,quality_defect,used,2025-03-01,2025-03-10,100,,,,,,,,eligible,open
Water,quality_defect,used,2025-03-01,2025-03-10,100,true,,,,,,,ineligible,open
Labels,quality_defect,used,2025-03-01,2025-03-10,100,,true,ineligible,labels_tampered,,,,ineligible,open
Late return,non_quality,unopened,2025-03-01,2025-04-10,100,,,ineligible,window_expired,,,,,open
Warranty over,quality_defect,used,2023-03-01,2025-04-10,100,,,,,,,,ineligible,closed
`;

export interface TinyOnDisk {
  dir: string;
  root: string;
  brand: string;
  remove(): void;
}

/** policy-sheets/{_shared,tiny} in a new temporary folder, plus `outside.csv` beside policy-sheets/. */
export function tinyOnDisk(outside = ''): TinyOnDisk {
  const dir = mkdtempSync(join(tmpdir(), 'tiny-brand-'));
  const root = join(dir, 'policy-sheets');
  const brand = join(root, 'tiny');
  mkdirSync(join(root, '_shared'), { recursive: true });
  mkdirSync(brand);
  for (const [file, text] of Object.entries(TINY_SHARED)) writeFileSync(join(root, '_shared', file), text);
  for (const [file, text] of Object.entries({ ...TINY_BRAND, 'cases.csv': TINY_CASES })) writeFileSync(join(brand, file), text);
  writeFileSync(join(dir, 'outside.csv'), outside);
  return { dir, root, brand, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
