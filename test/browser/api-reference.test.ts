// /docs in a real Chromium against the real Worker: Scalar's reference, served from this origin under
// the page's strict CSP, renders /openapi.json without a console error or a request to any other host,
// and its "try it" client sends the example claim to this server and shows the 200.

import { copyFileSync, mkdirSync } from 'node:fs';
import type { Browser, Locator, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, launchChromium, openPage, type RecordedPage, SHOTS_DIR } from './browser-session.js';

interface OpenApi {
  paths: Record<string, Record<string, { summary: string }>>;
}

/** /docs with every request the page makes recorded, ready once the reference has drawn its routes. */
async function openReference(browser: Browser, width: number): Promise<RecordedPage & { requested: string[] }> {
  const requested: string[] = [];
  const opened = await openPage(browser, '/docs', {
    width,
    before: async (page) => {
      page.on('request', (r) => {
        requested.push(r.url());
      });
    },
  });
  await opened.page.getByText('Decide a claim', { exact: true }).filter({ visible: true }).first().waitFor();
  return { ...opened, requested };
}

/**
 * Clicks until the page sends the request `wanted` matches, and returns its response. A click that
 * lands before the reference's client has wired the button sends nothing (once, on a loaded machine,
 * the test then waited out its whole timeout); a second click is the user's own remedy too.
 */
async function clickUntilAnswered(page: Page, button: Locator, wanted: (r: Response) => boolean, tries = 4): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    const answered = page.waitForResponse(wanted, { timeout: 5_000 });
    await button.click();
    try {
      return await answered;
    } catch (error) {
      if (attempt >= tries) throw error;
    }
  }
}

const elsewhere = (urls: string[]) => urls.filter((url) => !url.startsWith(`${BASE}/`) && !url.startsWith('data:'));
const problems = ({ console: logs, errors }: RecordedPage) => [
  ...errors.map(String),
  ...logs.filter((l) => l.type === 'error' || l.type === 'warning').map((l) => l.text),
];

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS_DIR}/${name}` });
  // docs/ is tracked: refreshed on purpose (UPDATE_DOCS=1), never as a side effect of a test run.
  if (process.env.UPDATE_DOCS === '1') {
    mkdirSync('docs', { recursive: true });
    copyFileSync(`${SHOTS_DIR}/${name}`, `docs/${name}`);
  }
}

describe.skipIf(!BASE)('the API reference on /docs', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows every route of /openapi.json, with nothing from another host and no console error', async () => {
    const opened = await openReference(browser, 1280);
    const { page, response } = opened;
    expect(response!.headers()['content-security-policy']).toContain("script-src 'self'");
    const document = (await (await fetch(`${BASE}/openapi.json`)).json()) as OpenApi;
    const summaries = Object.values(document.paths).flatMap((ops) => Object.values(ops).map((op) => op.summary));
    await page.waitForLoadState('networkidle');
    await shoot(page, 'api-reference-1280.png');
    // The groups after the first open on a click: then every operation is drawn.
    for (const tag of ['Brands', 'Sheets', 'Agents', 'Service'])
      await page
        .getByRole('button', { name: new RegExp(`^${tag}`) })
        .first()
        .click();
    for (const summary of summaries) await expect.poll(() => page.getByText(summary, { exact: true }).count(), { message: summary }).toBeGreaterThan(0);
    // Problem `type` URIs point at /docs#problem-…: the table below the reference has those anchors.
    expect(await page.locator('#problem-invalid-claim').isVisible()).toBe(true);
    expect(elsewhere(opened.requested)).toEqual([]);
    expect(problems(opened)).toEqual([]);
  });

  it('"try it" sends the example claim to this server and shows the 200', async () => {
    const opened = await openReference(browser, 1280);
    const { page } = opened;
    await page
      .getByRole('button', { name: /Test Request.*\/v1\/eligibility\)/ })
      .first()
      .click();
    const send = page.getByRole('button', { name: `Send post request to ${BASE}/v1/eligibility` });
    const answer = await clickUntilAnswered(page, send, (r) => r.url().endsWith('/v1/eligibility'));
    expect(answer.url()).toBe(`${BASE}/v1/eligibility`);
    expect(answer.status()).toBe(200);
    await expect.poll(() => page.getByText('200 OK').count()).toBeGreaterThan(0);
    expect(elsewhere(opened.requested)).toEqual([]);
    expect(problems(opened)).toEqual([]);
    await page.screenshot({ path: `${SHOTS_DIR}/api-reference-try-it.png` });
  });

  it('reads on a 390 px phone without sideways scrolling', async () => {
    const opened = await openReference(browser, 390);
    const { page } = opened;
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shoot(page, 'api-reference-390.png');
    expect(elsewhere(opened.requested)).toEqual([]);
    expect(problems(opened)).toEqual([]);
  });
});
