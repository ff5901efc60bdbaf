// GET /v1/brands and /v1/brands/:brand: which brands have a policy, and one brand's vocabulary —
// remedies, windows, claim facts and reason wording — so a client can build a valid claim.

import { Hono } from 'hono';
import type { CompiledPolicy } from '../../src/contract.js';
import type { AppEnv } from '../app-env.js';
import { loadBrand } from '../decide-claim.js';
import { negotiateLocale } from '../negotiate-locale.js';
import { setPolicyHeaders } from '../policy-headers.js';
import type { LoadedPolicy } from '../policy-store.js';

const CACHE_CONTROL = 'public, max-age=60';

function summarize(policy: CompiledPolicy) {
  return {
    brand: policy.brand, name: policy.name, policy_version: policy.version, currency: policy.currency,
    default_locale: policy.defaultLocale, locales: policy.locales,
  };
}

function describeBrand({ policy, timeline }: LoadedPolicy, locale: string) {
  const message = (texts: Record<string, string>) => texts[locale] ?? texts[policy.defaultLocale] ?? Object.values(texts)[0] ?? '';
  return {
    ...summarize(policy), locale, claim_date: policy.claimDate, warranty_window: policy.warrantyWindow ?? null,
    remedies: policy.remedies.map((r) => ({
      remedy: r.name, label: r.label, description: r.description ?? null, deadline: r.deadline, evidence: r.evidence, source: r.source,
    })),
    windows: policy.windows.map((w) => ({
      // A fixed length fills the label's {length}; a length that depends on the claim leaves it open.
      window: w.name, label: typeof w.length === 'number' ? w.label.replaceAll('{length}', String(w.length)) : w.label,
      length: typeof w.length === 'number' ? w.length : null,
      length_fact: typeof w.length === 'number' ? null : w.length.ref, unit: w.unit,
      counts_from: w.countsFrom, checked_against: w.checkedAgainst, badge: w.badge, source: w.source,
    })),
    facts: policy.facts.map((f) => ({
      name: f.name, type: f.type, values: f.values ?? null, description: f.description ?? null, not_before: f.notBefore ?? [],
    })),
    reasons: Object.entries(policy.messages).map(([code, texts]) => ({ code, message: message(texts) })),
    timeline,
  };
}

export const brandRoutes = new Hono<AppEnv>()
  .get('/brands', async (c) => {
    const store = c.get('store');
    const list = await store.brands();
    const loaded = await Promise.all(list.brands.map((brand) => loadBrand(store, brand, { mode: 'current' })));
    setPolicyHeaders(c, [{ source: list.source, ...(list.fault ? { fault: list.fault } : {}) }, ...loaded.map((l) => ({ source: l.source, ...(l.fault ? { fault: l.fault } : {}) }))]);
    c.header('Cache-Control', CACHE_CONTROL);
    return c.json({ brands: loaded.map((l) => summarize(l.policy)) }, 200);
  })
  .get('/brands/:brand', async (c) => {
    const loaded = await loadBrand(c.get('store'), c.req.param('brand'), { mode: 'current' }, 'path.brand');
    const locale = negotiateLocale(c.req.header('accept-language'), loaded.policy.locales, loaded.policy.defaultLocale);
    setPolicyHeaders(c, [{ source: loaded.source, version: loaded.policy.version, selection: 'current', ...(loaded.fault ? { fault: loaded.fault } : {}) }]);
    c.header('Content-Language', locale);
    c.header('Cache-Control', CACHE_CONTROL);
    c.header('Vary', 'Accept-Language', { append: true });
    return c.json(describeBrand(loaded, locale), 200);
  });
