// Shared fixture: every journey fails on a request outside the app's own origin, on a console error or on a
// page error or Content-Security-Policy violation, so "no data leaves the device", "no silent failure" and the
// strict policy are checked everywhere.
import { test as base, expect, type Page } from '@playwright/test';

/** The same build served on a second origin with CORS headers (playwright.config.ts), for host pages that use the
 *  JavaScript API from another origin: the app's own files, so requests to it are allowed. */
export const appOrigin = `http://127.0.0.1:${process.env.E2E_APP_PORT ?? 8082}`;

export const test = base.extend<{ guard: void }>({
  guard: [async ({ page, baseURL }, use, testInfo) => {
    const outside: string[] = [];
    const errors: string[] = [];
    page.on('request', (req) => {
      const url = req.url();
      if (!url.startsWith(baseURL ?? 'http://127.0.0.1') && !url.startsWith(`${appOrigin}/`) && !url.startsWith('data:')
        && !url.startsWith('blob:')) outside.push(url);
    });
    page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
    page.on('pageerror', (err) => errors.push(String(err)));
    // The page runs under a strict Content-Security-Policy (index.html): any violation fails the journey.
    await page.addInitScript(() => {
      (window as any).__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as any).__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    await use();
    if (!page.isClosed()) {
      const csp = await page.evaluate(() => (window as any).__cspViolations ?? []).catch(() => []);
      expect(csp, 'Content-Security-Policy violations').toEqual([]);
    }
    expect(outside, 'requests outside the app').toEqual([]);
    // A journey that provokes an error on purpose names it: `test.info().annotations.push({ type: 'expected-error',
    // description: 'RuntimeError' })`; every other error still fails it.
    const expected = testInfo.annotations.filter((a) => a.type === 'expected-error').map((a) => a.description ?? '');
    expect(errors.filter((e) => !expected.some((x) => x && e.includes(x))), 'console or page errors').toEqual([]);
  }, { auto: true }],
});

export { expect };

/** A full-page screenshot with every chart drawn. Charts draw only while they are on screen
 *  (src/components/chart_axis.rs), and a full-page capture does not scroll, so each visible canvas is brought on
 *  screen first and given time to draw; then the page goes back to the top. The waits are the test's own, not the
 *  page's timers: a journey may have stopped the page's clock. */
export async function fullShot(page: Page, path: string) {
  const canvases = await page.evaluate(() => document.querySelectorAll('canvas').length);
  for (let i = 0; i < canvases; i++) {
    const shown = await page.evaluate((i) => {
      const c = document.querySelectorAll('canvas')[i] as HTMLElement | undefined;
      if (!c || c.offsetParent === null) return false;
      c.scrollIntoView({ block: 'center' });
      return true;
    }, i);
    if (shown) await page.waitForTimeout(150);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(100);
  await page.screenshot({ path, fullPage: true });
}
