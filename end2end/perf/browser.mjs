// Shared by the perf reports: serves a build on a local port and opens headless Chromium (Debian's, no download)
// at 1366 × 768; closes both when `run` ends, whatever happens. CHROMIUM_EXTRA adds browser flags (space
// separated); BYPASS_CSP=1 lets a diagnostic inject a style sheet despite the app's Content-Security-Policy.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

export async function withPage(dist, port, run) {
  const server = spawn(process.execPath, ['serve.mjs', dist, String(port)], { stdio: 'ignore' });
  try {
    await sleep(400);
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', ...(process.env.CHROMIUM_EXTRA ?? '').split(' ').filter(Boolean)],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, bypassCSP: process.env.BYPASS_CSP === '1' });
      return await run(page, `http://127.0.0.1:${port}/`);
    } finally {
      await browser.close();
    }
  } finally {
    server.kill();
  }
}

/** Sets a field's text and dispatches its input event from page script, as typing does (no DevTools round trip
 *  in the edit, unlike Playwright's `fill`). */
export function typeInPage(field, value) {
  return field.evaluate((el, v) => {
    el.value = v;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, String(value));
}
