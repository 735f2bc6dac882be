// Journey: an official with a town of 5 000 firms works in the firm list: it shows 50 at a time, pages, filters
// by name or industry code, and a firm with a problem on another page is named with a way to reach it.
import { test, expect, fullShot } from './fixtures';
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = process.env.CLUSTERCALC_BIN ?? '../target/debug/clustercalc';

test('the firm list of a 5 000-firm town pages, filters and leads to a firm with a problem', async ({ page }) => {
  const file = join(mkdtempSync(join(tmpdir(), 'clustercalc-firms-')), 'town.clustercalc.json');
  writeFileSync(file, execFileSync(bin, ['example', 'synthetic-town:50x5000'], { maxBuffer: 1 << 28 }));
  await page.goto('/');
  await page.locator('input[data-choice="open"]').setInputFiles(file);
  const nav = page.getByRole('navigation');
  await nav.getByRole('button', { name: '企业', exact: true }).click();

  const names = page.getByRole('textbox', { name: /^企业名称 \d+$/ });
  const range = page.getByTestId('firms-range').first();
  await expect(range).toHaveText('第 1–50 家，共 5000 家');
  await expect(names).toHaveCount(50);
  await expect(page.getByLabel('企业名称 1', { exact: true })).toHaveValue('firm 0');

  // The next page: firms 51–100, numbered as in the whole list.
  await page.getByRole('button', { name: '下一页' }).first().click();
  await expect(range).toHaveText('第 51–100 家，共 5000 家');
  await expect(page.getByLabel('企业名称 51', { exact: true })).toHaveValue('firm 50');
  await expect(page.getByLabel('企业名称 1', { exact: true })).toHaveCount(0);

  // The filter by name, then by industry code prefix; clearing it shows the whole list again from page 1.
  const filter = page.getByLabel('筛选（企业名称或行业代码）');
  await filter.fill('firm 4999');
  await expect(range).toHaveText('筛选出 1 家，显示第 1–1 家');
  await expect(page.getByLabel('企业名称 5000', { exact: true })).toHaveValue('firm 4999');
  await filter.fill('');
  await expect(range).toHaveText('第 1–50 家，共 5000 家');

  // A bad industry code on page 3 …
  await page.getByRole('button', { name: '下一页' }).first().click();
  await page.getByRole('button', { name: '下一页' }).first().click();
  await expect(range).toHaveText('第 101–150 家，共 5000 家');
  const code = page.getByLabel('行业代码 120', { exact: true });
  const before = await code.inputValue();
  await code.fill('17x');
  await expect(page.locator('td').filter({ has: code }).getByRole('alert')).toBeVisible();
  // … is named from page 1, with a button that goes back to it.
  await page.getByRole('button', { name: '上一页' }).first().click();
  await page.getByRole('button', { name: '上一页' }).first().click();
  const notice = page.locator('p.error').filter({ hasText: '第 120 家企业' });
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: '显示该企业' }).click();
  await expect(range).toHaveText('第 101–150 家，共 5000 家');
  await expect(code).toHaveValue('17x');
  await expect(page.locator('td').filter({ has: code }).getByRole('alert')).toBeVisible();
  await code.fill(before);
  await expect(page.locator('p.error').filter({ hasText: '第 120 家企业' })).toHaveCount(0);

  // A new firm is added at the end and shown there.
  await page.getByRole('button', { name: '添加企业' }).click();
  await expect(range).toHaveText('第 5001–5001 家，共 5001 家');
  await expect(page.getByLabel('企业名称 5001', { exact: true })).toHaveValue('');

  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await page.getByRole('button', { name: '上一页' }).first().click();
  await fullShot(page, 'screenshots/firms-paged.png');
});
