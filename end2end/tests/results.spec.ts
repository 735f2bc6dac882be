// Journey: a teacher opens the Datang case and reads each result view (maturity, chain, multipliers and
// scenarios, checklists, county); every number checked comes from the native engine on the same data, and every
// chart has ink. Then the county case shows its town × industry LQ heat map.
import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { test, expect, fullShot } from './fixtures';

const bin = process.env.CLUSTERCALC_BIN ?? '../target/debug/clustercalc';
const analyze = (example: string) =>
  JSON.parse(execFileSync(bin, ['analyze', example, '--format', 'json']).toString());

/** Pixels that are not near-white: a drawn chart has many. Charts draw when on screen (chart_axis::drawable):
 *  scroll to the chart and wait for its ink. */
const ink = async (page: Page, testId: string) => {
  const canvas = page.getByTestId(testId);
  await canvas.scrollIntoViewIfNeeded();
  const count = () => canvas.evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] < 200 || d[i + 1] < 200 || d[i + 2] < 200) n++;
    return n;
  });
  await expect.poll(count).toBeGreaterThan(0);
  return count();
};

const tab = (page: Page, name: string) =>
  page.getByRole('tablist', { name: '结果视图' }).getByRole('tab', { name });

test('the Datang result views show the engine numbers and draw their charts', async ({ page }) => {
  const report = analyze('datang');
  const cluster = report.clusters[0];
  await page.goto('/');
  await page.locator('button[data-example="datang"]').click();

  await tab(page, '成熟度').click();
  await expect(page.getByTestId('maturity-index')).toHaveText(cluster.maturity.index.toFixed(1));
  expect(await ink(page, 'maturity-chart')).toBeGreaterThan(500);

  await tab(page, '产业链').click();
  const completeness = `${(cluster.chain.completeness.value * 100).toFixed(1)}%`;
  await expect(page.getByTestId('chain-completeness')).toHaveText(completeness);
  await expect(page.getByTestId('chain-zhadui')).toHaveText(`${(cluster.chain.zhadui_index.value * 100).toFixed(1)}%`);
  expect(await ink(page, 'chain-chart')).toBeGreaterThan(500);

  await tab(page, '乘数与情景').click();
  await expect(page.getByTestId('mv-base')).toContainText(report.economic_base.multiplier.toFixed(2));
  await expect(page.getByTestId('mv-keynes')).toHaveText(report.keynes.multiplier.toFixed(3));
  const jobs = Math.round(report.scenarios.items[0].total_jobs).toLocaleString('en-US');
  await expect(page.getByTestId('scenario-total-jobs').first()).toHaveText(jobs);
  expect(await ink(page, 'impacts-chart')).toBeGreaterThan(500);

  await tab(page, '认定条件').click();
  const s = cluster.checklists.lists[0].summary;
  await expect(page.getByTestId('checklist-counts').first()).toHaveText(
    `符合 ${s.met} · 不符合 ${s.not_met} · 数据不足 ${s.unknown}`,
  );
  expect(await ink(page, 'checklists-chart')).toBeGreaterThan(200);
  // Hunan's provincial criteria: no published number, so not checked, and said so.
  await expect(page.getByTestId('provincial-note')).toContainText('湖南省级');
  await expect(page.getByTestId('provincial-note')).toContainText('没有找到公开的数字门槛');

  // Datang is one town: the county view says why it has no matrix, in the current language.
  await tab(page, '县域').click();
  // The engine's reason without the field name it keeps in brackets for the CLI (region).
  const plain = (t: string) => t.replace(/（[A-Za-z0-9_.\[\], -]+）/g, '');
  await expect(page.getByTestId('region-not-computed')).toHaveText(plain(report.region.reason.zh));
  await expect(page.getByTestId('region-not-computed')).not.toContainText('region');
  await expect(page.getByTestId('shift-share-table')).toBeVisible();
  expect(await ink(page, 'shift-share-chart')).toBeGreaterThan(500);

  // Explain mode shows the chain formula with its inputs, as the core wrote it.
  await page.getByLabel('讲解模式').check();
  await tab(page, '产业链').click();
  await expect(page.locator('#tabpanel-chain').getByText(cluster.chain.completeness.formula)).toBeVisible();
  await fullShot(page, 'screenshots/results-datang.png');
});

test('the county case draws the town × industry LQ heat map', async ({ page }) => {
  const report = analyze('county');
  await page.goto('/');
  await page.locator('button[data-example="county"]').click();
  await tab(page, '县域').click();
  const first = page.getByTestId('region-lq-table').locator('tbody tr').first().locator('td').first();
  await expect(first).toHaveText(report.region.lq[0][0].toFixed(2));
  expect(await ink(page, 'heatmap-chart')).toBeGreaterThan(2000);
  await fullShot(page, 'screenshots/results-county.png');
});

test('on a high-density screen the charts are drawn at its pixel density, not blown up', async ({ browser }) => {
  // A laptop or phone with devicePixelRatio 2: a chart 640 CSS pixels wide needs 1280 canvas pixels to be sharp.
  const context = await browser.newContext({ deviceScaleFactor: 2, viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto('/');
  await page.locator('button[data-example="datang"]').click();
  await expect(page.getByTestId('cluster-lq')).toHaveText('4.95');
  await tab(page, '成熟度').click();
  expect(await ink(page, 'maturity-chart')).toBeGreaterThan(2000);
  const sizes = await page.getByTestId('maturity-chart').evaluate((c: HTMLCanvasElement) => ({
    pixels: c.width, css: c.getBoundingClientRect().width, ratio: c.height / c.width,
  }));
  expect(sizes.pixels).toBe(1200);
  expect(sizes.css).toBeLessThanOrEqual(640);
  expect(sizes.ratio).toBeCloseTo(380 / 600, 2);
  await tab(page, '产业链').click();
  expect(await ink(page, 'chain-chart')).toBeGreaterThan(2000);
  expect(await page.getByTestId('chain-chart').evaluate((c: HTMLCanvasElement) => c.width)).toBe(1280);
  await page.getByTestId('chain-chart').screenshot({ path: 'screenshots/chart-dpr2.png' });
  await context.close();
});
