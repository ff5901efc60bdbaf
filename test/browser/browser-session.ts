// One Chromium per test file, pages that record their console and uncaught errors, and the folder
// screenshots go to (test-results/ is gitignored; CI keeps it as an artifact).

import { mkdirSync } from 'node:fs';
import { type Browser, chromium, type Page, type Response } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM_ARGS } from './find-chromium.js';

export const BASE = inject('browserBase');
export const SHOTS_DIR = 'test-results/browser';

export interface RecordedPage {
  page: Page;
  response: Response | null;
  console: { type: string; text: string }[];
  errors: Error[];
}

export async function launchChromium(): Promise<Browser> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  return chromium.launch({ executablePath: inject('chromiumPath')!, headless: true, args: CHROMIUM_ARGS });
}

export async function openPage(
  browser: Browser,
  path: string,
  options: { width?: number; locale?: string; before?: (page: Page) => Promise<void> } = {},
): Promise<RecordedPage> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1200, height: 900 }, locale: options.locale ?? 'en-US', baseURL: BASE! });
  const page = await context.newPage();
  const recorded: RecordedPage = { page, response: null, console: [], errors: [] };
  page.on('console', (m) => recorded.console.push({ type: m.type(), text: m.text() }));
  page.on('pageerror', (e) => recorded.errors.push(e));
  await options.before?.(page);
  recorded.response = await page.goto(path);
  return recorded;
}
