// The JavaScript API (issue 5): a host page loads the workbench module, calls engine methods by their
// ENGINE-API.md names, analyses a dataset and mounts the calculator in an element. Oracle: the native CLI.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, appOrigin } from './fixtures';

const bin = process.env.CLUSTERCALC_BIN ?? '../target/debug/clustercalc';
const cli = (args: string[], input?: string) => execFileSync(bin, args, { input }).toString();

test('a script calls the engine and mounts the calculator', async ({ page }) => {
  await page.goto('/api-host.html');
  const town = { local: { 17: 6000, 18: 1500, 52: 2500 }, reference: { 17: 120000, 18: 90000, 52: 800000 } };
  const expected = JSON.parse(cli(['method', 'location-quotient', '-'], JSON.stringify(town))).lq;
  await expect(page.locator('#lq')).not.toHaveText('…');
  expect(JSON.parse(await page.locator('#lq').innerText())).toEqual(expected);

  // A refused input throws { path, reason, message }; the message is the CLI's one line.
  const refused = (() => {
    try { cli(['method', 'keynes', '-', '--lang', 'en'], JSON.stringify({ c: 1.5, t: 0.1, m: 0.2 })); return ''; } catch (e: any) { return String(e.stderr); }
  })();
  const line = await page.locator('#error').innerText();
  expect(line.startsWith('c: ')).toBe(true);
  expect(refused.trim()).toBe(line);

  const report = JSON.parse(cli(['analyze', 'datang']));
  await expect(page.locator('#analysis')).toHaveText(String(report.clusters[0].lq.employment));

  await expect(page.locator('#calculator').getByTestId('cluster-lq')).toHaveText('7.38');
  await expect(page.locator('#calculator button[data-action="save"]')).toHaveText('Save file');
  // The host's document is the host's: its title and language are left alone; only the element follows.
  await expect(page).toHaveTitle('示例：用 JavaScript 调用小城镇产业集群计算器');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('#calculator')).toHaveAttribute('lang', 'en');
  await page.screenshot({ path: 'screenshots/api-host.png', fullPage: false });
});

test('mountInto leaves the host document alone, also when the settings change inside it (issue 18)', async ({ page }) => {
  await page.goto('/api-host.html');
  const calc = page.locator('#calculator');
  await expect(calc.getByTestId('cluster-lq')).toHaveText('7.38');
  const host = () => page.evaluate(() => ({
    title: document.title,
    lang: document.documentElement.getAttribute('lang'),
    htmlClass: document.documentElement.getAttribute('class'),
    bodyClass: document.body.getAttribute('class'),
  }));
  const untouched = { title: '示例：用 JavaScript 调用小城镇产业集群计算器', lang: 'zh-CN', htmlClass: null, bodyClass: null };
  expect(await host()).toEqual(untouched);
  // The mounted calculator's own settings go to its element: language, large text, embed mode (no title block).
  await expect(calc).toHaveAttribute('lang', 'en');
  await expect(calc).toHaveClass(/embed/);
  await expect(calc.locator('.app-header h1')).toBeHidden();
  await calc.locator('.lang-switch').click();
  await expect(calc.locator('button[data-action="save"]')).toHaveText('保存文件');
  await expect(calc).toHaveAttribute('lang', 'zh-CN');
  await calc.getByRole('checkbox', { name: '大字' }).check();
  await expect(calc).toHaveClass(/large-text/);
  await calc.locator('.lang-switch').click();
  await expect(calc).toHaveAttribute('lang', 'en');
  expect(await host()).toEqual(untouched);
});

const dir = mkdtempSync(join(tmpdir(), 'clustercalc-api-'));
/** A county dataset file over the 4 MB that sends a file to the analysis worker (src/big.rs). */
function bigCounty(): string {
  const file = join(dir, 'county-2x45000.clustercalc.json');
  writeFileSync(file, execFileSync(bin, ['example', 'synthetic-county:2x45000'], { maxBuffer: 1 << 30 }));
  expect(statSync(file).size).toBeGreaterThan(4 * 1024 * 1024);
  return file;
}

/** Serves a host page at `path` on the test's origin (with `csp` as its policy header) whose module imports the
 *  workbench from `app` (a URL relative to the page, or another origin), calls an engine method and mounts it. */
async function hostPage(page: Page, path: string, app: string, csp: string) {
  const html = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>Host page</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="${app}main.css"></head>
<body><h1>Host page</h1><pre id="lq">…</pre><div id="calc"></div><script type="module" src="./host.js"></script></body></html>`;
  const js = `import init, { callMethod, mountInto } from '${app}clustercalc-workbench.js';
await init({ module_or_path: new URL('${app}clustercalc-workbench_bg.wasm', import.meta.url) });
const town = { local: { 17: 6000, 18: 1500, 52: 2500 }, reference: { 17: 120000, 18: 90000, 52: 800000 } };
document.getElementById('lq').textContent = JSON.stringify(JSON.parse(callMethod('location-quotient', JSON.stringify(town), 'en')).lq);
mountInto(document.getElementById('calc'), 'lang=zh;choice=example:datang');
`;
  await page.route(`**${path}host.html`, (r) => r.fulfill({
    contentType: 'text/html; charset=utf-8', body: html, headers: { 'content-security-policy': csp },
  }));
  await page.route(`**${path}host.js`, (r) => r.fulfill({ contentType: 'text/javascript; charset=utf-8', body: js }));
  await page.goto(`${path}host.html`);
}

/** The host page's checks: the engine's LQs (oracle: the CLI), the calculator mounted, and a big file analysed in
 *  the analysis worker, which the workbench starts from its own folder, wherever the host page is. */
async function hostWorks(page: Page) {
  const town = { local: { 17: 6000, 18: 1500, 52: 2500 }, reference: { 17: 120000, 18: 90000, 52: 800000 } };
  const expected = JSON.parse(cli(['method', 'location-quotient', '-'], JSON.stringify(town))).lq;
  await expect(page.locator('#lq')).not.toHaveText('…');
  expect(JSON.parse(await page.locator('#lq').innerText())).toEqual(expected);
  const calc = page.locator('#calc');
  await expect(calc.getByTestId('cluster-lq')).toHaveText('4.95');
  await calc.locator('input[data-action="open"]').setInputFiles(bigCounty());
  await expect(calc.getByTestId('big-facts')).toContainText('45,000 家企业', { timeout: 60_000 });
  await expect(calc.getByRole('status').filter({ hasText: '已在后台线程中分析' })).toBeVisible();
  await expect(page).toHaveTitle('Host page');
}

test('a host page in another folder mounts the calculator, whose worker starts from the app’s folder (issue 18)', async ({ page }) => {
  test.setTimeout(120_000);
  await hostPage(page, '/hosts/deep/', '../../', "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:");
  await hostWorks(page);
});

test('a host page on another origin imports the module, calls the engine and mounts the calculator (issue 18)', async ({ page }) => {
  test.setTimeout(120_000);
  const app = `${appOrigin}/`;
  // What README ("JavaScript API") tells a host to allow, and nothing more.
  const csp = [
    "default-src 'self'",
    `script-src 'self' ${appOrigin} 'wasm-unsafe-eval'`,
    `connect-src 'self' ${appOrigin}`,
    `worker-src ${appOrigin} blob:`,
    `style-src 'self' ${appOrigin}`,
    "img-src 'self' data: blob:",
  ].join('; ');
  // The host page comes from the test (page.route), which Chromium counts as a public page: reaching 127.0.0.1
  // from it needs the visitor's "local network" permission. A real host and app server on the net need none.
  await page.context().grantPermissions(['local-network-access']);
  await hostPage(page, '/cross-origin/', app, csp);
  expect(new URL(page.url()).origin).not.toBe(appOrigin);
  await hostWorks(page);
  await page.screenshot({ path: 'screenshots/api-cross-origin.png' });
});
