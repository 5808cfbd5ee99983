/** Debian's Chromium through playwright-core (no browser download), plus JS-error capture. */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}. Install Debian's: apt-get install -y chromium fonts-noto-cjk ` +
        '(as .ci/run does), or set CHROMIUM_PATH to another Chromium binary.',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A page that records uncaught exceptions and console errors. */
export async function openPage(browser: Browser): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return { page, errors };
}

export interface Result {
  url: string;
  city: string;
  kind: string;
  title: string;
}

/** Run a query on /search/ (optionally with filters in the URL) and read the result list. */
export async function search(page: Page, base: string, q: string, filters: Record<string, string> = {}): Promise<Result[]> {
  const params = new URLSearchParams({ q, ...filters });
  await page.goto(`${base}/search/?${params}`);
  await page.waitForFunction(() => /^找到/.test(document.getElementById('status')?.textContent ?? ''), null, { timeout: 30_000 });
  return readResults(page);
}

export function readResults(page: Page): Promise<Result[]> {
  return page.$$eval('#results > li', (lis) =>
    lis.map((li) => ({
      url: (li as HTMLElement).dataset.url ?? '',
      city: (li as HTMLElement).dataset.city ?? '',
      kind: (li as HTMLElement).dataset.kind ?? '',
      title: li.querySelector('a')?.textContent ?? '',
    })),
  );
}
