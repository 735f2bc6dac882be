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
