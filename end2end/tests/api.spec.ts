// The JavaScript API (issue 5): a host page loads the workbench module, calls engine methods by their
// ENGINE-API.md names, analyses a dataset and mounts the calculator in an element. Oracle: the native CLI.
import { execFileSync } from 'node:child_process';
import { test, expect } from './fixtures';

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
