// The reference workload: one 20-row first-hit table (channel, condition, days since
// delivery, order amount → route, fee), and a fixed mix of inputs for it, some facts not sent.
// Facts not sent reach the catch-all rows (`-`), as most clients send only what they know.

import type { Literal } from '../src/contract.js';
import { seeded } from './claims.js';

export const FIRST_HIT_20 = `F,channel,condition,days,amount,> route,> fee_pct,# note
Official store unopened,official_store,unopened,[0..14],-,refund,0,
Official store open-box,official_store,opened_unused,[0..14],-,refund,15,
Official store used cheap,official_store,used,[0..14],< 50,refund,25,
Official store used,official_store,used,[0..14],>= 50,review,0,
Dealer unused,authorized_dealer,"unopened, opened_unused",[0..14],-,refund,10,
Dealer used,authorized_dealer,used,[0..14],-,repair,0,
Marketplace unopened,marketplace,unopened,[0..30],-,refund,20,
Marketplace other,marketplace,-,[0..30],-,review,0,
Official store late cheap,official_store,-,(14..30],< 100,replace,0,
Official store late,official_store,-,(14..30],>= 100,repair,0,
Dealer late,authorized_dealer,-,(14..30],-,repair,0,
Expensive in first year,-,-,(30..365],> 1000,repair,0,
First year official or dealer,"official_store, authorized_dealer",-,(30..365],-,repair,0,
First year marketplace,marketplace,-,(30..365],-,paid_repair,0,
Expensive in second year,-,-,(365..730],> 500,repair,0,
Second year official,official_store,-,(365..730],-,paid_repair,0,
Second year used,-,used,(365..730],-,paid_repair,0,
Past two years,-,-,> 730,-,refuse,0,
Other sellers,"not(official_store, authorized_dealer, marketplace)",-,-,-,review,0,
Anything else,-,-,-,-,review,0,
`;

export type TableInput = Record<string, Literal>;

/** 1,000 inputs across every row: channels, conditions and days with some facts missing. */
export function firstHitInputs(count = 1000): TableInput[] {
  const random = seeded(20);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  return Array.from({ length: count }, () => ({
    channel: pick(['official_store', 'official_store', 'authorized_dealer', 'marketplace', 'brand_storefront', null]),
    condition: pick(['unopened', 'opened_unused', 'used', 'used', null]),
    days: random() < 0.05 ? null : Math.floor(random() * (random() < 0.4 ? 31 : 900)),
    amount: Math.round(random() * 200000) / 100,
  }));
}
