// Journeys for big datasets (issue 6): a county file too big for the page's thread is read, checked and analysed in
// the analysis worker (src/big.rs, src/js/clustercalc-analysis-worker.js) with progress and a cancel button; the
// results are the engine's (checked against the native CLI on the same file), read-only, never autosaved, and
// closing brings back the work from before. The million-firm measures (long tasks, memory) are a report:
// end2end/perf/big-county.mjs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/** axe-core (WCAG 2 A and AA): no serious or critical violation on the page as it is now. */
async function accessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(', ')})`);
  expect(blocking).toEqual([]);
}

const bin = process.env.CLUSTERCALC_BIN ?? '../target/debug/clustercalc';
const dir = mkdtempSync(join(tmpdir(), 'clustercalc-big-'));
/** A synthetic county written by the CLI: `towns` other towns, `firms` firms (about 112 bytes each). */
const county = (towns: number, firms: number) => {
  const file = join(dir, `county-${towns}x${firms}.clustercalc.json`);
  writeFileSync(file, execFileSync(bin, ['example', `synthetic-county:${towns}x${firms}`], { maxBuffer: 1 << 30 }));
  return file;
};
const analyze = (file: string) =>
  JSON.parse(execFileSync(bin, ['analyze', file], { maxBuffer: 1 << 28 }).toString());
const fmt = (v: number | null | undefined, decimals: number) =>
  v === null || v === undefined ? '—'
    : v.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
const AUTOSAVE = 'clustercalc:autosave';
const autosavedTown = (page: Page) =>
  page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null')?.town?.name ?? null, AUTOSAVE);

test('a big county is analysed in the worker, read-only, and closing brings the earlier work back', async ({ page }) => {
  test.setTimeout(120_000);
  const file = county(12, 60_000);
  const report = analyze(file);
  expect(report.region.status).toBe('computed');

  // Earlier work: the Datang case, autosaved.
  await page.goto('/');
  await page.locator('button[data-example="datang"]').click();
  await expect(page.getByTestId('cluster-lq').first()).toBeVisible();
  await expect.poll(() => autosavedTown(page)).toBe('大唐镇');

  // The big file is opened from the toolbar: progress first, then the read-only view.
  await page.locator('input[data-action="open"]').setInputFiles(file);
  const facts = page.getByTestId('big-facts');
  await expect(facts).toContainText('60,000 家企业', { timeout: 60_000 });
  await expect(facts).toContainText('13 个乡镇');
  await expect(page.getByTestId('big-progress')).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: '填报步骤' })).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: '已在后台线程中分析' })).toBeVisible();
  await page.screenshot({ path: 'screenshots/big-county-top.png' });
  await accessible(page);

  // The summary is the engine's: the cluster LQ and the multipliers as the CLI computes them on the same file.
  await expect(page.getByTestId('cluster-lq').first()).toHaveText(fmt(report.clusters[0].lq.employment, 2));
  await expect(page.getByTestId('maturity').first()).toHaveText(fmt(report.clusters[0].maturity.index, 1));
  await expect(page.getByTestId('base-multiplier')).toContainText(fmt(report.economic_base.multiplier, 2));
  // The region view: every town of the county, EG γ and Gini per industry as the CLI has them.
  await page.getByRole('tablist', { name: '结果视图' }).getByRole('tab', { name: '县域', exact: true }).click();
  const panel = page.locator('#tabpanel-region');
  await expect(panel.getByTestId('region-lq-table').locator('tbody tr')).toHaveCount(report.region.towns.length);
  const [code, row] = Object.entries(report.region.by_industry as Record<string, { eg?: { gamma: number }; gini: number | null; firms: number }>)
    .find(([, r]) => r.eg)!;
  const cells = panel.locator(`tr[data-code="${code}"] td`);
  await expect(cells.nth(2)).toHaveText(String(row.firms));
  await expect(cells.nth(3)).toHaveText(fmt(row.eg!.gamma, 3));
  await expect(cells.nth(5)).toHaveText(fmt(row.gini, 3));
  await page.screenshot({ path: 'screenshots/big-county.png', fullPage: false });

  // Read-only: saving and sharing say why not; undo does not reach behind the big dataset; nothing is autosaved.
  await page.getByRole('toolbar').getByRole('button', { name: '保存文件' }).click();
  await expect(page.getByRole('alert')).toContainText('大数据集只读');
  await page.keyboard.press('Control+z');
  await expect(facts).toBeVisible();
  expect(await autosavedTown(page)).toBe('大唐镇');

  // Closing brings Datang back, as it was.
  await page.locator('button[data-action="close-big"]').click();
  await expect(page.getByTestId('big-dataset')).toHaveCount(0);
  await expect(page.getByLabel('乡镇名称', { exact: true }).or(page.getByRole('navigation', { name: '填报步骤' }))).toBeVisible();
  const datang = analyze('datang');
  await expect(page.getByTestId('cluster-lq').first()).toHaveText(fmt(datang.clusters[0].lq.employment, 2));
  await page.reload();
  await expect(page.getByTestId('cluster-lq').first()).toHaveText(fmt(datang.clusters[0].lq.employment, 2));
});

test('a big analysis can be cancelled and leaves the data as it was', async ({ page }) => {
  test.setTimeout(120_000);
  // A million firms (106 MB): reading it takes seconds, so the screenshot and the axe check happen while it runs
  // (400 000 firms now finish before them).
  const file = county(20, 1_000_000);
  await page.goto('/');
  await page.locator('button[data-example="xiqiao"]').click();
  const lq = page.getByTestId('cluster-lq').first();
  await expect(lq).toBeVisible();
  const before = await lq.textContent();

  await page.locator('input[data-action="open"]').setInputFiles(file);
  const progress = page.getByTestId('big-progress');
  await expect(progress).toBeVisible();
  // The bar moves while the file is read (bytes of the file), and the page answers meanwhile.
  await expect(page.getByTestId('big-step')).toContainText('读取并检查文件', { timeout: 30_000 });
  await expect(progress.locator('progress')).toHaveJSProperty('max', 1);
  await page.screenshot({ path: 'screenshots/big-progress.png' });
  await accessible(page);
  await progress.getByRole('button', { name: '取消' }).click();
  await expect(progress).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: '已取消分析' })).toBeVisible();
  await expect(page.getByTestId('big-dataset')).toHaveCount(0);
  await expect(lq).toHaveText(before!);
  // Cancelling really stops it: no result arrives later.
  await page.waitForTimeout(3_000);
  await expect(page.getByTestId('big-dataset')).toHaveCount(0);
});

test('a big file picked on the first screen goes to the worker; a broken one is refused with its path', async ({ page }) => {
  test.setTimeout(120_000);
  const file = county(6, 40_000);
  const report = analyze(file);
  await page.goto('/');
  await page.locator('input[data-choice="open"]').setInputFiles(file);
  await expect(page.getByTestId('big-facts')).toContainText('40,000 家企业', { timeout: 60_000 });
  await expect(page.getByTestId('cluster-lq').first()).toHaveText(fmt(report.clusters[0].lq.employment, 2));

  // A big file with one bad firm: the worker names the JSON path; the big dataset on screen stays.
  const text = execFileSync(bin, ['example', 'synthetic-county:6x40000'], { maxBuffer: 1 << 30 }).toString();
  const broken = join(dir, 'broken.clustercalc.json');
  writeFileSync(broken, text.replace('"employment":5.0,', '"employment":-5.0,'));
  await page.locator('input[data-action="open"]').setInputFiles(broken);
  await expect(page.getByRole('alert')).toContainText('broken.clustercalc.json', { timeout: 60_000 });
  await expect(page.getByRole('alert')).toContainText('firms[0].employment');
  await expect(page.getByTestId('big-facts')).toContainText('40,000 家企业');
});
