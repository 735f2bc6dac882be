// The single-file build (issue 5): one HTML file opened from file:// (a USB stick) runs the whole calculator
// under its own strict Content-Security-Policy, with no request but the file itself, keeps its autosave, and
// loads the inlined spreadsheet module.
import { test as base, expect } from '@playwright/test';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
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

  expect(await page.evaluate(() => (window as any).__csp)).toEqual([]);
  expect(requests).toEqual([]);
  expect(errors).toEqual([]);
});
