// The <warranty-terms> badge on the demo storefront, in a real Chromium against the real Worker. The
// products are the ones /demo's markup shows (brand-claims.ts) and every expected sentence comes from
// the API's answer for them: a policy editor's change to a brand never breaks this file.

import { copyFileSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type CoverageResponse, describeCoverage } from '../../src/widget/describe-coverage.js';
import { type DemoProduct, demoProducts } from './brand-claims.js';
import { BASE, launchChromium, openPage, SHOTS_DIR } from './browser-session.js';

const PRODUCTS = demoProducts();

function serve(html: string, port: number): Promise<Server> {
  const server = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html));
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

/** docs/ is tracked: its pictures are refreshed on purpose (UPDATE_DOCS=1), never as a side effect of a test run. */
function updateDocs(shot: string): void {
  if (process.env.UPDATE_DOCS !== '1') return;
  mkdirSync('docs', { recursive: true });
  copyFileSync(`${SHOTS_DIR}/${shot}`, `docs/${shot}`);
}

const port = (server: Server) => (server.address() as AddressInfo).port;

/** The demo product with the most exclusions: the tallest badge, the one the 600 px budget is about. */
async function fullest(): Promise<DemoProduct> {
  const counts = await Promise.all(PRODUCTS.map(async (p) => (await coverage(p.brand, p.line, p.part)).exclusions.length));
  return PRODUCTS[counts.indexOf(Math.max(...counts))]!;
}

/** Every sentence the expanded badge must show for this answer: section titles, items and their terms (who pays, fees). */
function sentencesOf(answer: CoverageResponse): string[] {
  return describeCoverage(answer, { remedies: 'after-purchase' }).sections.flatMap((section) => [
    section.title,
    ...section.items.flatMap((item) => [item.text, ...item.notes]),
  ]);
}

async function coverage(brand: string, line: string, part: string, lang = 'en'): Promise<CoverageResponse> {
  const response = await fetch(`${BASE}/v1/brands/${brand}/coverage?product_line=${line}&part=${part}`, { headers: { 'Accept-Language': lang } });
  expect(response.status).toBe(200);
  return response.json() as Promise<CoverageResponse>;
}

/** The first demo product (brand, product line) with a part whose badge window has length 0, and that window's words. */
async function partWithoutWarranty(): Promise<{ brand: string; line: string; part: string; words: string } | null> {
  for (const { brand, line } of PRODUCTS) {
    const { facts } = (await (await fetch(`${BASE}/v1/brands/${brand}`)).json()) as { facts: { name: string; values: string[] | null }[] };
    for (const part of facts.find((f) => f.name === 'part')?.values ?? []) {
      const answer = (await (await fetch(`${BASE}/v1/brands/${brand}/coverage?product_line=${line}&part=${part}`)).json()) as CoverageResponse;
      const none = answer.windows.find((w) => w.badge && w.length === 0);
      if (none) return { brand, line, part, words: none.label };
    }
  }
  return null;
}

describe.skipIf(!BASE)('<warranty-terms> on /demo', () => {
  let browser: Browser;
  /** The demo's tallest badge, and the selector of its element. */
  let tallest: DemoProduct;
  let badgeOf: string;
  beforeAll(async () => {
    browser = await launchChromium();
    tallest = await fullest();
    badgeOf = `warranty-terms[brand=${tallest.brand}]`;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows each brand's coverage headline on its product card", async () => {
    const { page, response, console: logs, errors } = await openPage(browser, '/demo');
    // The page runs under a strict CSP (no inline script or CSS): the badge must not need either.
    expect(response!.headers()['content-security-policy']).toContain("default-src 'self'");
    expect(PRODUCTS.length).toBeGreaterThan(1);
    for (const p of PRODUCTS) {
      const expected = describeCoverage(await coverage(p.brand, p.line, p.part)).headline;
      expect(expected, `${p.brand}: a headline`).not.toBe('');
      await expect.poll(() => page.locator(`warranty-terms[brand=${p.brand}] [part=headline]`).textContent()).toBe(expected);
    }
    await page.screenshot({ path: `${SHOTS_DIR}/demo.png`, fullPage: true });
    // The README's picture: the cards as a shopper first sees them. docs/ is tracked: it is refreshed
    // on purpose (UPDATE_DOCS=1 npm test), never as a side effect of a test run.
    await page.locator('.products').screenshot({ path: `${SHOTS_DIR}/badge.png` });
    updateDocs('badge.png');
    expect(errors).toEqual([]);
    expect(logs.filter((l) => l.type === 'error')).toEqual([]);
  });

  it('expands into the windows, who pays and the exclusions in plain words', async () => {
    const { page } = await openPage(browser, '/demo');
    const badge = page.locator(badgeOf);
    await badge.locator('[part=toggle]').click();
    const details = badge.locator('[part=details]');
    await expect.poll(() => details.isVisible()).toBe(true);
    const text = await details.textContent();
    // The badge windows (their start date said once), who pays and what it costs as the sheets word it
    // (words.csv), and every exclusion: each sentence of the API's answer, none made of codes.
    const sentences = sentencesOf(await coverage(tallest.brand, tallest.line, tallest.part));
    expect(sentences.length).toBeGreaterThan(5);
    for (const sentence of sentences) expect(text).toContain(sentence);
    expect(text).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
    await badge.screenshot({ path: `${SHOTS_DIR}/badge-expanded.png` });
  });

  it('expanded, stays within 600 px on a 390 px phone, the exclusions grouped and the rest behind "more"', async () => {
    const { page, errors } = await openPage(browser, '/demo', { width: 390 });
    const badge = page.locator(badgeOf);
    await badge.locator('[part=toggle]').click();
    await expect.poll(() => badge.locator('[part=details]').isVisible()).toBe(true);
    const height = await badge.evaluate((el) => el.getBoundingClientRect().height);
    console.log(`badge: the demo's tallest (${tallest.brand} ${tallest.line} ${tallest.part}) expanded at 390 px is ${Math.round(height)} px tall`);
    expect(height).toBeLessThanOrEqual(600);
    await badge.screenshot({ path: `${SHOTS_DIR}/badge-expanded-390.png` });
    updateDocs('badge-expanded-390.png');

    // Every exclusion is there under its kind's title (the sheets' words), most of them behind "more".
    const { exclusions } = await coverage(tallest.brand, tallest.line, tallest.part);
    const titles = [...new Set(exclusions.flatMap((e) => (e.kind_label ? [e.kind_label] : [])))];
    expect(titles.length).toBeGreaterThan(1);
    const items = badge.locator('[part=section]:last-child [part=item]');
    const visible = async () => (await items.evaluateAll((els) => els.filter((el) => (el as HTMLElement).offsetParent !== null))).length;
    expect(await items.count()).toBe(exclusions.length);
    expect(await visible()).toBeLessThan(exclusions.length);
    const more = badge.locator('[part=more]');
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    await more.click();
    expect(await visible()).toBe(exclusions.length);
    expect(await badge.locator('[part=group-title]').allTextContents()).toEqual(titles);
    expect(await more.getAttribute('aria-expanded')).toBe('true');
    await more.click();
    expect(await visible()).toBeLessThan(exclusions.length);
    expect(errors).toEqual([]);
  });

  it('says "no warranty" for a part without one, in the sheets\' words, and shows no check mark', async () => {
    // A published brand's part whose badge window has length 0 (found, not named).
    const found = await partWithoutWarranty();
    expect(found, 'some published brand has a part without warranty').toBeTruthy();
    const { brand, line, part, words } = found!;
    const { page } = await openPage(browser, '/demo', { width: 390 });
    await page.evaluate(
      ([brand, line, part]) => {
        const badge = document.createElement('warranty-terms');
        badge.id = 'no-warranty';
        badge.setAttribute('brand', brand!);
        badge.setAttribute('product-line', line!);
        badge.setAttribute('part', part!);
        document.querySelector('main')!.prepend(badge);
      },
      [brand, line, part],
    );
    const badge = page.locator('#no-warranty');
    await expect.poll(() => badge.locator('[part=headline]').textContent()).toContain(words);
    expect(await badge.locator('[part=headline]').textContent()).not.toMatch(/\b0[- ]/);
    expect(await badge.locator('.i').textContent()).not.toBe('✓');
    await badge.locator('[part=toggle]').click();
    expect(await badge.locator('[part=details]').textContent()).not.toMatch(/\b0[- ]/);
    await badge.screenshot({ path: `${SHOTS_DIR}/badge-no-warranty.png` });
  });

  it('takes its colours from CSS custom properties and its parts from ::part()', async () => {
    const { page } = await openPage(browser, '/demo');
    const themed = PRODUCTS.at(-1)!.brand;
    const toggle = page.locator(`warranty-terms[brand=${themed}] [part=toggle]`);
    await toggle.waitFor();
    const colour = () => toggle.evaluate((el) => getComputedStyle(el).color);
    const before = await colour();
    // As a storefront's stylesheet would (a constructed one: /demo's CSP allows no inline CSS).
    await page.evaluate((brand) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(`warranty-terms[brand=${brand}] { --wt-accent: rgb(200, 0, 0); } warranty-terms::part(headline) { text-decoration: underline; }`);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    }, themed);
    expect(before).toBe('rgb(10, 107, 61)'); // the badge's own default (#0a6b3d), styled despite the CSP
    expect(await colour()).toBe('rgb(200, 0, 0)');
    const decoration = await page.locator(`warranty-terms[brand=${themed}] [part=headline]`).evaluate((el) => getComputedStyle(el).textDecorationLine);
    expect(decoration).toBe('underline');
    await page.locator('.card', { has: page.locator(`warranty-terms[brand=${themed}]`) }).screenshot({ path: `${SHOTS_DIR}/badge-themed.png` });
  });

  it("asks for the lang attribute's language and speaks it", async () => {
    const { page } = await openPage(browser, '/demo');
    const badge = page.locator(badgeOf);
    await badge.locator('[part=headline]').waitFor();
    const asked: (string | undefined)[] = [];
    page.on('request', (r) => {
      if (r.url().includes(`/v1/brands/${tallest.brand}/coverage`)) asked.push(r.headers()['accept-language']);
    });
    await badge.evaluate((el) => el.setAttribute('lang', 'de'));
    await expect.poll(() => badge.locator('[part=badge]').getAttribute('lang')).toBe('de');
    expect(asked).toEqual(['de']);
    await badge.locator('[part=toggle]').click();
    const german = await coverage(tallest.brand, tallest.line, tallest.part, 'de');
    expect(german.locale).toBe('de');
    const details = await badge.locator('[part=details]').textContent();
    expect(details).toContain('Fristen');
    for (const sentence of sentencesOf(german)) expect(details).toContain(sentence);
    const { name } = (await (await fetch(`${BASE}/v1/brands/${tallest.brand}`)).json()) as { name: string };
    expect(await badge.locator('[part=badge]').getAttribute('aria-label')).toBe(`${name} Garantie und Rückgabe`);
    await badge.screenshot({ path: `${SHOTS_DIR}/badge-de.png` });
  });

  it('is reached with Tab and toggled with Enter and Space, announcing its state', async () => {
    const { page } = await openPage(browser, '/demo');
    await page.locator(`${badgeOf} [part=toggle]`).waitFor();
    const focused = () =>
      page.evaluate(() => {
        const host = document.activeElement;
        const inner = host?.shadowRoot?.activeElement;
        return host?.tagName === 'WARRANTY-TERMS' ? `${host.getAttribute('brand')}:${inner?.getAttribute('part')}` : (host?.tagName ?? null);
      });
    let reached = false;
    for (let i = 0; i < 10 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = (await focused()) === `${tallest.brand}:toggle`;
    }
    expect(reached).toBe(true);
    const toggle = page.locator(`${badgeOf} [part=toggle]`);
    const details = page.locator(`${badgeOf} [part=details]`);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await toggle.getAttribute('aria-controls')).toBe(await details.getAttribute('id'));
    expect(await details.isHidden()).toBe(true);

    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await details.isVisible()).toBe(true);
    await page.keyboard.press('Space');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await details.isHidden()).toBe(true);

    // The accessibility tree names the control by its headline and knows it expands.
    const snapshot = await page.locator(badgeOf).ariaSnapshot();
    const { name } = (await (await fetch(`${BASE}/v1/brands/${tallest.brand}`)).json()) as { name: string };
    const { headline } = describeCoverage(await coverage(tallest.brand, tallest.line, tallest.part));
    expect(snapshot).toContain(`group "${name} warranty and returns"`);
    expect(snapshot).toMatch(/button "/);
    expect(snapshot).toContain(headline);
    // Tab goes on to the next badge's control, not into the hidden list.
    await page.keyboard.press('Tab');
    expect(await focused()).not.toBe(`${tallest.brand}:toggle`);
  });

  it("works from the README's two lines on another origin's storefront", async () => {
    // Storefronts on other origins (both on loopback, like the Worker, so Chrome's private network
    // rules stay out of it): one the Worker's ALLOWED_ORIGINS lists, one it does not.
    const product = PRODUCTS[0]!;
    const page = `<!doctype html><html lang="en"><title>Shop</title><link rel="icon" href="data:,"><h1>${product.line}</h1>
<script type="module" src="${BASE}/widget.js"></script>
<warranty-terms brand="${product.brand}" product-line="${product.line}" part="${product.part}"></warranty-terms>`;
    const allowedShop = await serve(page, inject('storefrontPort'));
    const otherShop = await serve(page, 0);
    try {
      const allowed = await openPage(browser, `http://localhost:${port(allowedShop)}/products/${product.line}`);
      const expected = describeCoverage(await coverage(product.brand, product.line, product.part)).headline;
      await expect.poll(() => allowed.page.locator('warranty-terms [part=headline]').textContent()).toBe(expected);
      await allowed.page.screenshot({ path: `${SHOTS_DIR}/storefront-embed.png` });
      expect(allowed.errors).toEqual([]);

      const refused = await openPage(browser, `http://localhost:${port(otherShop)}/products/${product.line}`);
      await expect.poll(() => refused.console.filter((l) => l.text.includes('<warranty-terms>')).length).toBe(1);
      expect(await refused.page.locator('warranty-terms').evaluate((el) => el.shadowRoot!.childNodes.length)).toBe(0);
    } finally {
      allowedShop.close();
      otherShop.close();
    }
  });

  it('renders nothing and warns once when the API is unreachable or refuses', async () => {
    const { page, console: logs, errors } = await openPage(browser, '/demo');
    const [first, second] = PRODUCTS;
    await page.locator(`warranty-terms[brand=${first!.brand}] [part=headline]`).waitFor();
    const heightBefore = await page.locator('.products').evaluate((el) => el.getBoundingClientRect().height);
    await page.evaluate(
      ([one, two]) => {
        const holder = document.createElement('div');
        holder.id = 'dead';
        holder.innerHTML = `<warranty-terms brand="${one}" api="http://127.0.0.1:9"></warranty-terms>
        <warranty-terms brand="${two}" api="http://127.0.0.1:9/"></warranty-terms>
        <warranty-terms brand="no-such-brand"></warranty-terms>`;
        document.querySelector('main')!.append(holder);
      },
      [first!.brand, second!.brand],
    );
    const dead = page.locator('#dead warranty-terms');
    await expect.poll(() => logs.filter((l) => l.text.includes('<warranty-terms>')).length).toBe(1);
    await page.waitForTimeout(300);
    for (let i = 0; i < 3; i++) {
      expect(await dead.nth(i).evaluate((el) => el.shadowRoot!.childNodes.length)).toBe(0);
      expect(await dead.nth(i).evaluate((el) => el.getBoundingClientRect().height)).toBe(0);
    }
    const warnings = logs.filter((l) => l.text.includes('<warranty-terms>'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.type).toBe('warning');
    expect(errors).toEqual([]);
    // The working badges are untouched.
    expect(await page.locator('.products').evaluate((el) => el.getBoundingClientRect().height)).toBe(heightBefore);
  });
});
