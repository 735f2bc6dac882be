// Journeys: an official compares what-if scenarios with the baseline (and adds one of her own), and a county
// planner reads the region view (EG γ, locational Gini, the town × industry LQ heat map). Every number is
// checked against the native `clustercalc` CLI on the same data.
import { execFileSync } from 'node:child_process';
import type { Locator, Page } from '@playwright/test';
import { test, expect, fullShot } from './fixtures';

const bin = process.env.CLUSTERCALC_BIN ?? '../target/debug/clustercalc';
const cli = (args: string[], input?: string) => JSON.parse(execFileSync(bin, args, { input }).toString());

/** The app's number format (src/format.rs): thousands separators, fixed decimals, "—" for nothing. */
const fmt = (v: number | null | undefined, decimals: number) =>
  v === null || v === undefined ? '—'
    : v.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
/** Baseline/scenario cells in each metric's unit (core present::format::metric_number over report::Metric's
 *  Unit): counts whole, shares as percentages, 万元 and scores with one decimal, ratios such as the LQ with two. */
const UNIT: Record<string, string> = {
  'town.employment_total': 'count', 'cluster.employment': 'count', 'firms.count': 'count',
  'firms.leading_count': 'count', 'cluster.employment_share': 'share', 'concentration.cr4': 'share',
  'concentration.hhi': 'share', 'chain.completeness': 'share', 'cluster.output': 'one',
  'maturity.index': 'one', 'formation.premise': 'one', 'lq.cluster_employment': 'ratio',
};
const compared = (v: number | null, metric: string) => {
  if (v === null) return '—';
  switch (UNIT[metric]) {
    case 'count': return fmt(v, 0);
    case 'share': return `${fmt(v * 100, 1)}%`;
    case 'one': return fmt(v, 1);
    default: return fmt(v, 2);
  }
};

/** Pixels that are not near-white. Charts draw when on screen (chart_axis::drawable): scroll to it, wait for ink. */
const ink = async (canvas: Locator) => {
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

type ScenarioItem = {
  name: string; direct_jobs: number; indirect_and_induced_jobs: number | null; total_jobs: number;
  absorption_ratio: number | null; comparison: { metric: string; baseline: number | null; scenario: number | null }[];
};

/** One scenario card shows the engine's impacts and the baseline beside the scenario, row by row. */
async function expectCard(card: Locator, s: ScenarioItem) {
  await expect(card.getByRole('heading', { level: 4 })).toHaveText(s.name);
  const dd = card.locator('dl.indices dd');
  await expect(dd.nth(0)).toHaveText(fmt(s.direct_jobs, 0));
  await expect(dd.nth(1)).toHaveText(fmt(s.indirect_and_induced_jobs, 0));
  await expect(card.getByTestId('scenario-total-jobs')).toHaveText(fmt(s.total_jobs, 0));
  await expect(dd.nth(3)).toHaveText(s.absorption_ratio === null ? '—' : `${fmt(s.absorption_ratio * 100, 1)}%`);
  const rows = card.locator('table.compare tbody tr');
  await expect(rows).toHaveCount(s.comparison.length);
  for (let i = 0; i < s.comparison.length; i++) {
    const c = s.comparison[i];
    await expect(rows.nth(i).locator('td').nth(1), `${s.name}: ${c.metric} baseline`).toHaveText(compared(c.baseline, c.metric));
    await expect(rows.nth(i).locator('td').nth(2), `${s.name}: ${c.metric} scenario`).toHaveText(compared(c.scenario, c.metric));
  }
}

const tab = (page: Page, name: string) =>
  page.getByRole('tablist', { name: '结果视图' }).getByRole('tab', { name, exact: true });

test('a scenario compared with the baseline', async ({ page }) => {
  const dataset = cli(['example', 'datang']);
  const report = cli(['analyze', 'datang']);
  expect(report.scenarios.status).toBe('computed');
  const items: ScenarioItem[] = report.scenarios.items;
  expect(items.length).toBeGreaterThan(0);

  await page.goto('/');
  await page.locator('button[data-example="datang"]').click();
  const nav = page.getByRole('navigation', { name: '填报步骤' });
  await nav.getByRole('button', { name: '情景', exact: true }).click();
  await expect(page.getByRole('heading', { name: '情景模拟' })).toBeVisible();
  for (let s = 0; s < dataset.scenarios.length; s++) {
    await expect(page.getByLabel(`情景名称 ${s + 1}`, { exact: true })).toHaveValue(dataset.scenarios[s].name);
  }

  await tab(page, '乘数与情景').click();
  const panel = page.locator('#tabpanel-multipliers');
  const cards = panel.locator('article.scenario-card');
  await expect(cards).toHaveCount(items.length);
  for (let i = 0; i < items.length; i++) await expectCard(cards.nth(i), items[i]);
  // The baseline column is the same town in every scenario.
  const employment = (i: number) => items[i].comparison.find((c) => c.metric === 'town.employment_total');
  await expect(cards.nth(0).locator('table.compare tbody tr').first().locator('td').nth(1))
    .toHaveText(compared(employment(0)!.baseline, 'town.employment_total'));
  expect(await ink(page.getByTestId('impacts-chart'))).toBeGreaterThan(500);

  // Her own scenario: "add 500 jobs" in the cluster's first industry.
  await page.getByRole('button', { name: '情景：新增 500 个就业岗位' }).click();
  const n = dataset.scenarios.length + 1;
  await expect(page.getByLabel(`情景名称 ${n}`, { exact: true })).toHaveValue('情景：新增 500 个就业岗位');
  const industry = dataset.clusters[0].industries[0];
  await expect(page.getByLabel(`行业代码 ${n}.1`, { exact: true })).toHaveValue(industry);
  await expect(page.getByLabel(`岗位数（人） ${n}.1`, { exact: true })).toHaveValue('500');

  const mine = structuredClone(dataset);
  mine.scenarios.push({ name: '情景：新增 500 个就业岗位', changes: [{ kind: 'add-jobs', industry, jobs: 500 }] });
  const expected = cli(['analyze', '-'], JSON.stringify(mine)).scenarios.items as ScenarioItem[];
  expect(expected.length).toBe(items.length + 1);
  await expect(cards).toHaveCount(expected.length);
  await expectCard(cards.nth(n - 1), expected[n - 1]);
  // 500 direct jobs, and the town's employment in the scenario column is 500 higher than the baseline.
  expect(expected[n - 1].direct_jobs).toBe(500);
  const town = expected[n - 1].comparison.find((c) => c.metric === 'town.employment_total')!;
  expect(town.scenario! - town.baseline!).toBe(500);

  // Editing the scenario updates its result: 800 jobs instead of 500.
  const jobs = page.getByLabel(`岗位数（人） ${n}.1`, { exact: true });
  await jobs.fill('800');
  mine.scenarios[n - 1].changes[0].jobs = 800;
  const edited = cli(['analyze', '-'], JSON.stringify(mine)).scenarios.items as ScenarioItem[];
  await expectCard(cards.nth(n - 1), edited[n - 1]);
  await fullShot(page, 'screenshots/scenario-datang.png');
});

test('a county in region mode', async ({ page }) => {
  const report = cli(['analyze', 'county']);
  const region = report.region;
  expect(region.status).toBe('computed');

  await page.goto('/');
  await page.locator('button[data-example="county"]').click();
  await page.getByRole('toolbar').getByLabel('讲解模式', { exact: true }).check();
  await tab(page, '县域').click();
  const panel = page.locator('#tabpanel-region');
  await expect(panel).toBeVisible();
  await expect(panel.locator('p.small').first()).toHaveText(`${region.county} · ${region.study_town}`);

  // The town × industry LQ matrix, cell by cell.
  const matrix = page.getByTestId('region-lq-table');
  const head = matrix.locator('thead th');
  await expect(head).toHaveCount(region.industries.length + 1);
  for (let j = 0; j < region.industries.length; j++) await expect(head.nth(j + 1)).toHaveText(region.industries[j] === 'other' ? '其他' : region.industries[j]);
  const rows = matrix.locator('tbody tr');
  await expect(rows).toHaveCount(region.towns.length);
  for (let i = 0; i < region.towns.length; i++) {
    await expect(rows.nth(i).locator('th')).toHaveText(region.towns[i]);
    const cells = rows.nth(i).locator('td');
    await expect(cells).toHaveCount(region.industries.length);
    for (let j = 0; j < region.industries.length; j++) {
      await expect(cells.nth(j), `LQ ${region.towns[i]} × ${region.industries[j]}`).toHaveText(fmt(region.lq[i][j], 2));
    }
  }

  // EG γ, its band and the locational Gini per industry.
  const band: Record<string, string> = {
    high: '高度集聚（γ > 0.05）', moderate: '中度集聚', 'not-localised': '集聚不明显（γ < 0.02）',
    'no-employment': '无企业就业数据', 'single-firm': '只有一家企业', 'single-area': '全部就业在一个乡镇',
  };
  const entries = Object.entries(region.by_industry) as [string, {
    total: number; firms: number; gini: number | null; eg?: { gamma: number; band: string }; eg_undefined?: string;
  }][];
  expect(entries.some(([, r]) => r.eg)).toBe(true);
  for (const [code, r] of entries) {
    const cells = panel.locator(`tr[data-code="${code}"] td`);
    await expect(cells.nth(0)).toHaveText(code);
    await expect(cells.nth(1)).toHaveText(fmt(r.total, 0));
    await expect(cells.nth(2)).toHaveText(String(r.firms));
    await expect(cells.nth(3), `EG γ of ${code}`).toHaveText(fmt(r.eg?.gamma, 3));
    await expect(cells.nth(4)).toHaveText(band[r.eg ? r.eg.band : r.eg_undefined!]);
    await expect(cells.nth(5), `Gini of ${code}`).toHaveText(fmt(r.gini, 3));
  }
  // Explanations name the method and the source of the EG bands.
  // The bands are the engine's (eg_bands_source), shown in the user's language.
  expect(region.eg_bands_source).toContain('Ellison & Glaeser 1997');
  await expect(panel.locator('p.explain').first()).toContainText('γ < 0.02 为不太集中，0.02–0.05 为中度集中，> 0.05 为高度集中');

  // The heat map is drawn, and its darkest cell is the highest LQ (the study town's specialisation).
  const heat = page.getByTestId('heatmap-chart');
  expect(await ink(heat)).toBeGreaterThan(2000);
  // Cell geometry as src/components/region_view.rs draws it (labels 120 px left, 28 px top, 8 px margin); each
  // cell is sampled near its top-left corner, away from its printed value.
  const shades = await heat.evaluate((c: HTMLCanvasElement, [rows, cols]) => {
    const g = c.getContext('2d')!;
    const cw = Math.trunc((c.width - 120 - 8) / cols);
    const ch = Math.trunc((c.height - 28 - 8) / rows);
    const out: number[][] = [];
    for (let i = 0; i < rows; i++) {
      out.push([]);
      for (let j = 0; j < cols; j++) {
        const [r, gr, b] = g.getImageData(120 + j * cw + 4, 28 + i * ch + 4, 1, 1).data;
        out[i].push(r + gr + b);
      }
    }
    return out;
  }, [region.towns.length, region.industries.length]);
  const flat = (m: number[][]) => m.flat();
  const lqs = flat(region.lq);
  const darkest = flat(shades).indexOf(Math.min(...flat(shades)));
  expect(darkest, 'the darkest heat-map cell is the highest LQ').toBe(lqs.indexOf(Math.max(...lqs)));
  lqs.forEach((v, k) => { if (v === 0) expect(flat(shades)[k], `cell ${k} (LQ 0) is white`).toBe(3 * 255); });
  await expect(page.getByTestId('region-not-computed')).toHaveCount(0);
  await fullShot(page, 'screenshots/region-county.png');
});
