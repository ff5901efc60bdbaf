// /playground and /sheets in a real Chromium against the real Worker: a claim per brand through the
// generated form, the rows that decided it, links into the sheet viewer, and the shareable address.

import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileBrand } from '../../src/cli/compile-brands.js';
import { listBrands } from '../../src/cli/read-sheets.js';
import type { Claim, CompiledPolicy, Decision } from '../../src/contract.js';
import type { BrandDetail, SheetDocument, SheetList } from '../../src/widget/playground/api-types.js';
import { consoleStrings, phrasesOf } from '../../src/widget/playground/console-strings.js';
import { suggestedValues } from '../../src/widget/playground/product-lines.js';
import { parseSource } from '../../src/widget/playground/sheet-link.js';
import { BASE, launchChromium, openPage, SHOTS_DIR } from './browser-session.js';

/**
 * One claim per brand found in policy-sheets/: the first of its editors' cases that some remedy grants
 * or reviews (so there is a deciding row to follow), with the facts its policy reads.
 */
const SHEETS = fileURLToPath(new URL('../../policy-sheets', import.meta.url));

function brandClaims(): { brand: string; claim: Claim; policy: CompiledPolicy }[] {
  return listBrands(SHEETS).flatMap((brand) => {
    const outcome = compileBrand(SHEETS, brand, true);
    const chosen = outcome.cases.find((c) => c.decision.remedies.some((r) => r.status !== 'ineligible'));
    return outcome.policy && chosen ? [{ brand, claim: chosen.claim as Claim, policy: outcome.policy }] : [];
  });
}
const CLAIMS = brandClaims();

const factOfType = (policy: CompiledPolicy, type: string) => policy.facts.find((f) => f.type === type)?.name;

async function decideDirectly(brand: string, claim: Claim, lang = 'en'): Promise<Decision> {
  const response = await fetch(`${BASE}/v1/eligibility?explain=1`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Accept-Language': lang },
    body: JSON.stringify({ brand, claim }),
  });
  expect(response.status).toBe(200);
  return response.json() as Promise<Decision>;
}

async function fillClaim(page: Page, claim: Claim): Promise<void> {
  for (const [name, value] of Object.entries(claim)) {
    const field = page.locator(`#fact-${name}`);
    const kind = await field.evaluate((el) => (el instanceof HTMLSelectElement ? 'select' : (el as HTMLInputElement).type));
    if (kind === 'checkbox') await field.setChecked(value === true);
    else if (kind === 'select') await field.selectOption(String(value));
    else await field.fill(String(value));
  }
}

/** Each remedy card's status code (its chip shows the status as people say it). */
const shownStatuses = (page: Page) =>
  page.locator('.remedy').evaluateAll((nodes) => Object.fromEntries(nodes.map((n) => [n.getAttribute('data-remedy'), n.getAttribute('data-status')])));

/** docs/ is tracked: its pictures are refreshed on purpose (UPDATE_DOCS=1), never as a side effect of a test run. */
function updateDocs(shot: string): void {
  if (process.env.UPDATE_DOCS !== '1') return;
  mkdirSync('docs', { recursive: true });
  copyFileSync(`${SHOTS_DIR}/${shot}`, `docs/${shot}`);
}

/**
 * The console's phrases in `lang` (console-strings.ts, so the list grows with the table) that `other` says
 * otherwise: a phrase both tables spell the same way ("Details") is no sign of either. Templates count by
 * their words around the arguments, trimmed of punctuation; a phrase of under three letters ("in") is too
 * common to tell.
 */
function phrasesOnlyIn(lang: string, other: string): string[] {
  const trim = (p: string) => p.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');
  const others = new Map(phrasesOf(consoleStrings(other).strings).map((e) => [e.key, e.phrases.map(trim)]));
  return phrasesOf(consoleStrings(lang).strings).flatMap((e) => e.phrases.map(trim).filter((p) => p.length >= 3 && !others.get(e.key)!.includes(p)));
}

/**
 * What a reader sees (text nodes rendered, the options of every select, the title), leaving out codes:
 * `<code>` and whatever is marked `translate="no"` (a window's state) stay the same in every language.
 */
const visibleWords = (page: Page) =>
  page.evaluate(() => {
    const texts = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement!;
      if (parent.closest('code, [translate="no"], script, style, datalist')) continue;
      if (parent.closest('select') || parent.checkVisibility()) texts.push(node.textContent ?? '');
    }
    return texts.join('\n');
  });

/** The phrases found as whole words (`window` in "return_window" is a code, not English). */
const phrasesFound = (text: string, phrases: readonly string[]) =>
  phrases.filter((p) => new RegExp(`(?<![\\p{L}\\p{N}_])${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}_])`, 'u').test(text));

const openAllDetails = (page: Page) =>
  page.locator('details').evaluateAll((all) => {
    for (const d of all) (d as HTMLDetailsElement).open = true;
  });

/** The page never scrolls sideways: everything wide (tables, long codes) wraps or scrolls in its own box. */
const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

/** Every row a source link points at exists in the sheet the viewer will load. */
async function expectRowsExist(hrefs: string[]): Promise<void> {
  const sheets = new Map<string, SheetDocument>();
  for (const href of hrefs) {
    const params = new URL(href, BASE!).searchParams;
    const [brand, sheet, row] = [params.get('brand')!, params.get('sheet')!, params.get('row')];
    const key = `${brand}/${sheet}`;
    if (!sheets.has(key)) {
      const response = await fetch(`${BASE}/v1/brands/${brand}/sheets/${sheet}`);
      expect(response.status, `${key} should have a sheet`).toBe(200);
      sheets.set(key, (await response.json()) as SheetDocument);
    }
    if (row === null) continue;
    const doc = sheets.get(key)!;
    const rows = doc.kind === 'table' ? doc.table.rules : doc.kind === 'remedies' ? doc.remedies : doc.windows;
    expect(
      rows.map((r) => r.source),
      href,
    ).toContain(`${key}.csv:${row}`);
  }
}

describe.skipIf(!BASE)('the policy playground', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('has a claim to try for every brand', () => {
    expect(CLAIMS.map((c) => c.brand)).toEqual(listBrands(SHEETS));
  });

  it.each(CLAIMS)('decides a $brand claim from the generated form and cites the deciding rows', async ({ brand, claim, policy }) => {
    const { page, errors } = await openPage(browser, `/playground?brand=${brand}`);
    await page.locator('body[data-ready]').waitFor();
    expect(await page.locator('#brand').inputValue()).toBe(brand);
    // The form is the brand's vocabulary: an enum is a select, a date a date input, a flag a checkbox.
    const [anEnum, aDate, aFlag] = ['enum', 'date', 'boolean'].map((type) => factOfType(policy, type));
    if (anEnum) expect(await page.locator(`#fact-${anEnum}`).evaluate((el) => el.tagName)).toBe('SELECT');
    if (aDate) expect(await page.locator(`#fact-${aDate}`).getAttribute('type')).toBe('date');
    if (aFlag) expect(await page.locator(`#fact-${aFlag}`).getAttribute('type')).toBe('checkbox');
    expect(await page.locator('select[id^="fact-"], input[id^="fact-"]').count()).toBe(policy.facts.length);

    await fillClaim(page, claim);
    await page.getByRole('button', { name: 'Decide' }).click();
    await page.locator('.decision').waitFor();

    const direct = await decideDirectly(brand, claim);
    const shown = await shownStatuses(page);
    expect(shown).toEqual(Object.fromEntries(direct.remedies.map((r) => [r.remedy, r.status])));
    // The decision as people read it first: its summary, then each remedy's status and summary.
    expect(await page.locator('.decision-summary').textContent()).toBe(direct.summary);
    for (const remedy of direct.remedies) {
      const card = page.locator(`.remedy[data-remedy=${remedy.remedy}]`);
      expect(await card.locator('h3 .status').textContent()).toBe(remedy.status_label);
      expect(await card.locator('.summary').textContent()).toBe(remedy.summary);
      expect(await card.locator('.decided-by a').getAttribute('data-source')).toBe(remedy.source);
      if (remedy.deadline) expect(await card.locator('.verdict time').textContent()).toBe(remedy.deadline);
      // Each fee by its field and value (in the collapsed details: read term by term, not as rendered text).
      const terms = await card.locator('dl dt').evaluateAll((dts) => dts.map((dt) => `${dt.textContent}\n${dt.nextElementSibling?.textContent}`).join('\n'));
      for (const [field, value] of Object.entries(remedy.fees)) expect(terms).toContain(`${field}\n${value}`);
    }
    // The trace: every table that ran, with links to the rows that matched.
    expect(await page.locator('.trace li').count()).toBe(direct.trace!.length);
    // Every link into the sheet viewer (rows, and the tables of the trace) points at something there.
    const hrefs = await page.locator('.decision a[href^="/sheets"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    expect(hrefs.length).toBeGreaterThan(direct.remedies.length);
    await expectRowsExist(hrefs);
    await page.screenshot({ path: `${SHOTS_DIR}/playground-${brand}.png`, fullPage: true });

    // Follow the row that decided the first remedy the brand grants.
    const granted = direct.remedies.find((r) => r.status !== 'ineligible')!;
    const ref = parseSource(granted.source)!;
    await page.locator(`.remedy[data-remedy=${granted.remedy}] .decided-by a`).click();
    await page.locator('body[data-ready]').waitFor();
    expect(new URL(page.url()).searchParams.get('sheet')).toBe(ref.sheet);
    const row = page.locator(`tr#row-${ref.row}`);
    expect(await row.getAttribute('aria-current')).toBe('true');
    expect(await row.getAttribute('class')).toContain('hit');
    expect(await page.locator('tr[aria-current=true]').count()).toBe(1);
    expect(await row.isVisible()).toBe(true);
    expect(await page.locator('#sheet-title').textContent()).toBe(`${brand}/${ref.sheet}.csv`);
    await page.screenshot({ path: `${SHOTS_DIR}/sheet-${brand}-${ref.sheet}-${ref.row}.png` });
    expect(errors).toEqual([]);
  });

  it('keeps the claim in a shareable address that answers it again on load', async () => {
    const { brand, claim } = CLAIMS.find((c) => Object.values(c.claim).includes(true)) ?? CLAIMS[0]!;
    const first = await openPage(browser, `/playground?brand=${brand}`);
    await first.page.locator('body[data-ready]').waitFor();
    await first.page.locator('#lang').selectOption('de');
    await first.page.waitForFunction(() => document.documentElement.lang === 'de');
    await fillClaim(first.page, claim);
    await first.page.getByRole('button', { name: consoleStrings('de').strings.decide }).click();
    await first.page.locator('.decision').waitFor();
    const address = first.page.url();
    const query = new URL(address).searchParams;
    expect(query.get('brand')).toBe(brand);
    expect(query.get('lang')).toBe('de');
    for (const [name, value] of Object.entries(claim)) if (value !== false) expect(query.get(name), name).toBe(value === true ? '1' : String(value));
    expect(new URL(await first.page.locator('#share').evaluate((a) => (a as HTMLAnchorElement).href)).search).toBe(new URL(address).search);
    const statuses = await shownStatuses(first.page);

    const second = await openPage(browser, address);
    await second.page.locator('body[data-ready]').waitFor();
    await second.page.locator('.decision').waitFor();
    for (const [name, value] of Object.entries(claim)) {
      const field = second.page.locator(`#fact-${name}`);
      if (typeof value === 'boolean') expect(await field.isChecked(), name).toBe(value);
      else expect(await field.inputValue(), name).toBe(String(value));
    }
    expect(await second.page.locator('#lang').inputValue()).toBe('de');
    expect(await shownStatuses(second.page)).toEqual(statuses);
    // The German wording of the reason, as the API gives it.
    const german = await decideDirectly(brand, claim, 'de');
    const reason = german.remedies.find((r) => r.reasons.length)!.reasons[0]!;
    expect(await second.page.locator('.reasons').first().textContent()).toContain(reason.message);
    expect(second.errors).toEqual([]);
  });

  it.each(CLAIMS)(
    'builds the $brand form from its vocabulary in the chosen language: grouped, labelled, a list for every enumeration and the product lines its sheets name',
    async ({ brand, policy }) => {
      const lang = policy.locales.find((l) => l !== policy.defaultLocale) ?? policy.defaultLocale;
      const { page, errors } = await openPage(browser, `/playground?brand=${brand}&lang=${lang}`);
      await page.locator('body[data-ready]').waitFor();
      const detail = (await (await fetch(`${BASE}/v1/brands/${brand}`, { headers: { 'Accept-Language': lang } })).json()) as BrandDetail;
      for (const fact of detail.facts) {
        // Its label in the chosen language, never its name.
        expect(await page.locator(`label[for="fact-${fact.name}"]`).textContent(), fact.name).toBe(fact.label);
        if (fact.type === 'enum') {
          const options = await page.locator(`#fact-${fact.name} option`).evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
          expect(options, fact.name).toEqual(fact.values);
        }
      }
      // Grouped: dates together, the flags apart from what was bought and asked.
      const groups = await page.locator('fieldset[data-group]').evaluateAll((fs) => fs.map((f) => f.getAttribute('data-group')));
      expect(groups[0]).toBe('purchase');
      for (const fact of detail.facts.filter((f) => f.type === 'date'))
        expect(await page.locator(`fieldset[data-group=dates] #fact-${fact.name}`).count(), fact.name).toBe(1);
      // A text fact offers the values the brand's tables test it against.
      const list = (await (await fetch(`${BASE}/v1/brands/${brand}/sheets`)).json()) as SheetList;
      const docs = await Promise.all(
        list.sheets
          .filter((s) => s.kind === 'table')
          .map(async (s) => (await (await fetch(`${BASE}/v1/brands/${brand}/sheets/${s.sheet}`)).json()) as SheetDocument),
      );
      const tables = docs.flatMap((d) => (d.kind === 'table' ? [d.table] : []));
      for (const fact of detail.facts.filter((f) => f.type === 'text')) {
        const expected = suggestedValues(tables, fact.name).map((v) => v.value);
        const offered = await page.locator(`#fact-${fact.name}-values option`).evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
        expect(offered, fact.name).toEqual(expected);
      }
      expect(errors).toEqual([]);
    },
  );

  it.each(CLAIMS.filter((c) => c.policy.locales.includes('de')))(
    'shows the $brand form in German with every enumeration value in German words, its code on hover and in the hint',
    async ({ brand, policy }) => {
      const { page, errors } = await openPage(browser, `/playground?brand=${brand}&lang=de`);
      await page.locator('body[data-ready]').waitFor();
      const enums = policy.facts.filter((f) => f.type === 'enum');
      expect(enums.length).toBeGreaterThan(0);
      for (const fact of enums) {
        const options = await page
          .locator(`#fact-${fact.name} option`)
          .evaluateAll((os) => os.filter((o) => (o as HTMLOptionElement).value).map((o) => ({ text: o.textContent, title: o.getAttribute('title') })));
        expect(
          options.map((o) => o.text),
          fact.name,
        ).toEqual(fact.values!.map((v) => fact.valueLabels![v]!.de));
        expect(
          options.map((o) => o.title),
          fact.name,
        ).toEqual(fact.values);
        // No English words: neither a value's English label nor its code spelt out (unless German says it the same way).
        const german = new Set(fact.values!.map((v) => fact.valueLabels![v]!.de));
        const english = new Set(fact.values!.flatMap((v) => [fact.valueLabels![v]!.en, v.replaceAll('_', ' ')]).filter((w) => !german.has(w)));
        expect(
          options.filter((o) => english.has(o.text!)).map((o) => o.text),
          fact.name,
        ).toEqual([]);
      }
      const [first] = enums;
      await page.locator(`#fact-${first!.name}`).selectOption(first!.values![0]!);
      expect(await page.locator(`#fact-${first!.name}-hint code`).textContent()).toBe(`${first!.name} = ${first!.values![0]}`);
      await page.screenshot({ path: `${SHOTS_DIR}/playground-${brand}-de.png`, fullPage: true });
      // The longest German values fit a phone: the selects and hints wrap or shrink, the page never scrolls sideways.
      const phone = await openPage(browser, `/playground?brand=${brand}&lang=de`, { width: 390 });
      await phone.page.locator('body[data-ready]').waitFor();
      for (const fact of enums) await phone.page.locator(`#fact-${fact.name}`).selectOption(fact.values!.at(-1)!);
      expect(await scrollsSideways(phone.page)).toBe(false);
      await phone.page.screenshot({ path: `${SHOTS_DIR}/playground-${brand}-de-390.png`, fullPage: true });
      expect([...errors, ...phone.errors]).toEqual([]);
    },
  );

  it('speaks German throughout the console once the Language select says de, and English again on en', async () => {
    const { brand, claim } = CLAIMS.find((c) => ['en', 'de'].every((l) => c.policy.locales.includes(l)))!;
    const [en, de] = [consoleStrings('en').strings, consoleStrings('de').strings];
    const english = phrasesOnlyIn('en', 'de');
    expect(english.length).toBeGreaterThan(30);
    const { page, errors } = await openPage(browser, `/playground?brand=${brand}&lang=en`, { width: 1280 });
    await page.locator('body[data-ready]').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await page.locator('#lang').selectOption('de');
    await page.waitForFunction(() => document.documentElement.lang === 'de');
    await fillClaim(page, claim);
    await page.getByRole('button', { name: de.decide }).click();
    await page.locator('.decision').waitFor();
    await page.waitForFunction(() => document.getElementById('status')!.classList.contains('decided'));
    await openAllDetails(page);
    const german = await visibleWords(page);
    expect(phrasesFound(german, english)).toEqual([]);
    // It is the German table that speaks, not an empty page.
    for (const words of [de.heading, de.groups.purchase, de.decidedBy, de.explain, de.trace]) expect(german).toContain(words);
    expect(await page.title()).toBe(de.pageTitle);
    expect(await scrollsSideways(page)).toBe(false);
    await page.screenshot({ path: `${SHOTS_DIR}/playground-console-de-1280.png`, fullPage: true });

    // The same claim, decided again in English: every German word gives way.
    await page.locator('#lang').selectOption('en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.locator('.decision').waitFor();
    await page.waitForFunction((decidedBy) => document.querySelector('.decided-by')?.textContent?.startsWith(decidedBy), en.decidedBy);
    await openAllDetails(page);
    const back = await visibleWords(page);
    for (const words of [en.heading, en.intro, en.language, en.decide, en.groups.purchase, en.decidedBy, en.explain, en.trace]) expect(back).toContain(words);
    expect(phrasesFound(back, phrasesOnlyIn('de', 'en'))).toEqual([]);
    expect(await page.getByRole('button', { name: en.decide }).count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('has no horizontal scroll on a 390 px phone in German, a decision on the page and its details open', async () => {
    const { brand, claim } = CLAIMS.find((c) => c.policy.locales.includes('de'))!;
    const { page, errors } = await openPage(browser, `/playground?brand=${brand}&lang=de`, { width: 390 });
    await page.locator('body[data-ready]').waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await fillClaim(page, claim);
    await page.getByRole('button', { name: consoleStrings('de').strings.decide }).click();
    await page.locator('.decision').waitFor();
    await openAllDetails(page);
    expect(await scrollsSideways(page)).toBe(false);
    const overflowing = await page
      .locator('.remedy, .trace, .meta')
      .evaluateAll((boxes) => boxes.filter((b) => b.scrollWidth > b.clientWidth).map((b) => b.className));
    expect(overflowing).toEqual([]);
    await page.screenshot({ path: `${SHOTS_DIR}/playground-console-de-390.png`, fullPage: true });
    expect(errors).toEqual([]);
  });

  it('has no horizontal scroll on a 390 px phone, with the form or a decision, its details open', async () => {
    const { brand, claim } = CLAIMS[0]!;
    const { page, errors } = await openPage(browser, `/playground?brand=${brand}`, { width: 390 });
    await page.locator('body[data-ready]').waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await fillClaim(page, claim);
    await page.getByRole('button', { name: 'Decide' }).click();
    await page.locator('.decision').waitFor();
    await page.locator('.decision-summary').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: `${SHOTS_DIR}/playground-390.png` });
    updateDocs('playground-390.png');
    for (const details of await page.locator('.decision details').all()) await details.evaluate((d) => ((d as HTMLDetailsElement).open = true));
    expect(await scrollsSideways(page)).toBe(false);
    // Evidence and reasons wrap inside their card.
    const overflowing = await page
      .locator('.remedy')
      .evaluateAll((cards) => cards.filter((c) => c.scrollWidth > c.clientWidth).map((c) => c.getAttribute('data-remedy')));
    expect(overflowing).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('shows a decision at 1280 px as the README pictures it', async () => {
    const { brand, claim } = CLAIMS[0]!;
    const { page } = await openPage(browser, `/playground?brand=${brand}`, { width: 1280 });
    await page.locator('body[data-ready]').waitFor();
    await fillClaim(page, claim);
    await page.getByRole('button', { name: 'Decide' }).click();
    await page.locator('.decision').waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await page.screenshot({ path: `${SHOTS_DIR}/playground-1280.png`, fullPage: true });
    updateDocs('playground-1280.png');
  });

  it('marks the fields a claim gets wrong', async () => {
    // A brand whose claim date cannot precede its delivery date (facts.csv not_before).
    const { brand } = CLAIMS.find((c) => c.policy.facts.some((f) => f.name === 'claim_on' && f.notBefore?.includes('delivered_on')))!;
    const { page } = await openPage(browser, `/playground?brand=${brand}`);
    await page.locator('body[data-ready]').waitFor();
    await fillClaim(page, { delivered_on: '2025-03-10', claim_on: '2025-03-01' });
    await page.getByRole('button', { name: 'Decide' }).click();
    await page.locator('.problem').waitFor();
    expect(await page.locator('#fact-claim_on').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#fact-claim_on-error').textContent()).toMatch(/delivered_on/);
    await page.screenshot({ path: `${SHOTS_DIR}/playground-problem.png` });
  });
});
