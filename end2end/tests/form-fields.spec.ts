// Issue 18: every dataset field the analysis needs can be entered in the form. Datang typed in had no field
// for the reference's total employment (cluster LQ 2.26 instead of 4.95), none for a second year (no
// life-cycle stage), the cluster's innovation and brands (打造区域品牌 although Datang has one), or the town's
// GDP, tax and land. Each is now a field; the numbers follow the engine's (the CLI on the same data).
import { execFileSync } from 'node:child_process';
import { test, expect } from './fixtures';

const bin = process.env.CLUSTERCALC_BIN ?? '../target/debug/clustercalc';
const cli = (args: string[], input?: string) =>
  JSON.parse(execFileSync(bin, args, { input, maxBuffer: 1 << 26 }).toString());

test('the reference total, the cluster brands and its years are fields, and the results follow them', async ({ page }) => {
  const datang = cli(['example', 'datang']);
  const full = cli(['analyze', 'datang']);
  const noTotal = structuredClone(datang);
  delete noTotal.reference.total_employment;
  const listed = cli(['analyze', '-'], JSON.stringify(noTotal));

  await page.goto('/');
  await page.locator('button[data-example="datang"]').click();
  const lq = page.getByTestId('cluster-lq').first();
  await expect(lq).toHaveText(full.clusters[0].lq.employment.toFixed(2));

  // The reference's total employment: cleared, both sides use the listed sums (and the panel says so).
  await page.getByRole('navigation').getByRole('button', { name: '乡镇基本情况' }).click();
  const total = page.getByLabel('参照区域全部就业');
  await expect(total).toHaveValue('25000000');
  await total.fill('');
  await total.blur();
  await expect(lq).toHaveText(listed.clusters[0].lq.employment.toFixed(2));
  await expect(page.getByTestId('lq-denominators')).toContainText('分母为所列行业就业之和');
  await total.fill('25000000');
  await total.blur();
  await expect(lq).toHaveText(full.clusters[0].lq.employment.toFixed(2));

  // The town's economy: tax revenue is a field.
  await page.getByLabel('税收收入（年）').fill('52000');
  await page.getByLabel('税收收入（年）').blur();

  // The cluster's brand: with "no regional brand" the brand measure fires; with "yes" it does not.
  await page.getByRole('navigation').getByRole('button', { name: '集群' }).click();
  await expect(page.getByLabel('有区域品牌（集体商标、地理标志等）')).toHaveValue('yes');
  await page.getByLabel('有区域品牌（集体商标、地理标志等）').selectOption('no');
  await expect(page.locator('[data-measure="brand.regional_brand"]')).toHaveCount(1);
  await page.getByLabel('有区域品牌（集体商标、地理标志等）').selectOption('yes');
  await expect(page.locator('[data-measure="brand.regional_brand"]')).toHaveCount(0);
  await expect(page.getByLabel('专精特新中小企业')).toHaveValue('3');

  // Its years: the three rows of the example. Without them the stage comes from the industries' history (the
  // engine's fallback); a year typed back is read as the engine reads it.
  const words: Record<string, string> = { emerging: '萌芽期', growth: '成长期', mature: '成熟期', decline: '衰退期' };
  const stageOf = (history: object[]) => {
    const d = structuredClone(datang);
    d.clusters[0].history = history;
    d.town.tax_revenue = 52000;
    const lc = cli(['analyze', '-'], JSON.stringify(d)).clusters[0].lifecycle;
    return lc.stage ? words[lc.stage] : lc.reason.zh;
  };
  const rows = page.locator('table.history tbody tr');
  await expect(rows).toHaveCount(datang.clusters[0].history.length);
  const stage = page.getByTestId('stage').first();
  await expect(stage).toHaveText(stageOf(datang.clusters[0].history));
  while ((await rows.count()) > 0) await page.getByRole('button', { name: '删除年份 1' }).click();
  await expect(stage).toHaveText(stageOf([]));
  await page.getByRole('button', { name: '添加年份' }).click();
  // The new row has the focus in its year (the year before the town's: 2003).
  await expect(page.getByLabel('年份 1', { exact: true })).toBeFocused();
  await expect(page.getByLabel('年份 1', { exact: true })).toHaveValue('2003');
  await page.getByLabel('产值（万元） 1', { exact: true }).fill('1800000');
  await page.getByLabel('产值（万元） 1', { exact: true }).blur();
  await expect(stage).toHaveText(stageOf([{ year: 2003, output: 1800000 }]));
  // And the same in the engine's cluster output growth: 2003 → 2004 over one year.
  const d = structuredClone(datang);
  d.clusters[0].history = [{ year: 2003, output: 1800000 }];
  expect(cli(['analyze', '-'], JSON.stringify(d)).clusters[0].lifecycle.window).toEqual({ from: 2003, to: 2004, basis: 'output' });
});

test('the firm table offers the chain stages by name, never by program id', async ({ page }) => {
  await page.goto('/');
  await page.locator('button[data-example="datang"]').click();
  await page.getByRole('navigation').getByRole('button', { name: '企业' }).click();
  const stage = page.getByLabel('产业链环节 1', { exact: true });
  await expect(stage).toHaveValue('sock_knitting');
  await expect(stage.locator('option:checked')).toHaveText('织袜');
  await expect(page.locator('table.firms')).not.toContainText('sock_knitting');
  // Choosing another stage by its name writes its id into the data.
  await stage.selectOption({ label: '定型' });
  await expect(stage).toHaveValue('setting');
  await page.getByRole('button', { name: '撤销' }).click();
  await expect(stage).toHaveValue('sock_knitting');
});
