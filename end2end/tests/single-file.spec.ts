// The single-file build (issue 5): one HTML file opened from file:// (a USB stick) runs the whole calculator
// under its own strict Content-Security-Policy, with no request but the file itself, keeps its autosave, and
// loads the inlined spreadsheet module; a big dataset file, which has no worker there, opens on the page.
import { test as base, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const file = resolve('../dist-single/clustercalc.html');
const url = pathToFileURL(file).href;

base('the single HTML file works from file:// with no network', async ({ page }) => {
  expect(existsSync(file), `${file} (built by scripts/single-file.sh)`).toBe(true);
  console.log(`single_file_bytes=${statSync(file).size}`);
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => { if (!r.url().startsWith(url) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) requests.push(r.url()); });
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(() => {
    (window as any).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => (window as any).__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });

  await page.goto(url);
  await page.locator('button[data-example="datang"]').click();
  await expect(page.getByTestId('cluster-lq')).toHaveText('4.95');
  // The autosave works from file:// too: a reload continues the session.
  await page.getByRole('navigation').getByRole('button', { name: '乡镇基本情况' }).click();
  await page.getByLabel('乡镇名称', { exact: true }).fill('U盘镇');
  await page.waitForTimeout(600);
  await page.reload();
  await expect(page.getByTestId('cluster-lq')).toHaveText('4.95');
  await page.getByRole('navigation').getByRole('button', { name: '乡镇基本情况' }).click();
  await expect(page.getByLabel('乡镇名称', { exact: true })).toHaveValue('U盘镇');
  // The inlined spreadsheet module writes a workbook.
  await page.locator('button[data-action="import"]').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('button[data-action="template-firms-xlsx"]').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/firms-template\.xlsx$/);
  await page.screenshot({ path: 'screenshots/single-file.png' });

  // From file:// no worker can start (src/big.rs): a dataset file over 4 MB (under 20 MB) opens on the page.
  const bin = process.env.CLUSTERCALC_BIN ?? '../target/debug/clustercalc';
  const county = join(mkdtempSync(join(tmpdir(), 'clustercalc-sf-')), 'county.clustercalc.json');
  writeFileSync(county, execFileSync(bin, ['example', 'synthetic-county:5x45000'], { maxBuffer: 1 << 28 }));
  expect(statSync(county).size).toBeGreaterThan(4 * 1024 * 1024);
  const expected = JSON.parse(execFileSync(bin, ['analyze', county], { maxBuffer: 1 << 28 }).toString());
  await page.locator('input[data-action="open"]').setInputFiles(county);
  await expect(page.getByRole('status').filter({ hasText: '已打开文件' })).toContainText('county.clustercalc.json', { timeout: 30_000 });
  await expect(page.getByTestId('big-dataset')).toHaveCount(0);
  await expect(page.getByTestId('cluster-lq').first())
    .toHaveText(expected.clusters[0].lq.employment.toFixed(2));

  expect(await page.evaluate(() => (window as any).__csp)).toEqual([]);
  expect(requests).toEqual([]);
  expect(errors).toEqual([]);
});
