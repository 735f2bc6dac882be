// Journeys: an official builds a town from scratch and reads the location quotients; a teacher opens the Datang
// case and checks the numbers against the native engine (the oracle is the `clustercalc` CLI on the same data).
import { execFileSync } from 'node:child_process';
import { test, expect, fullShot } from './fixtures';

const bin = process.env.CLUSTERCALC_BIN ?? '../target/debug/clustercalc';
const cli = (args: string[], input?: string) => JSON.parse(execFileSync(bin, args, { input }).toString());

const town = [
  { code: '17', town: 6000, ref: 120000 },
  { code: '18', town: 1500, ref: 90000 },
  { code: '52', town: 2500, ref: 800000 },
];

test('build a town from scratch and read LQs computed by the core, in both languages', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('小城镇产业集群计算器');
  await page.getByRole('button', { name: '新建乡镇' }).click();
  await page.getByLabel('乡镇名称', { exact: true }).fill('大唐镇');
  await page.getByLabel('参照区域', { exact: true }).fill('诸暨市');
  await page.getByRole('navigation').getByRole('button', { name: '行业就业' }).click();
  for (let i = 0; i < town.length; i++) {
    await page.getByRole('button', { name: '添加行业' }).click();
    const n = i + 1;
    await page.getByLabel(`行业代码 ${n}`, { exact: true }).fill(town[i].code);
    await page.getByLabel(`本镇就业（人） ${n}`, { exact: true }).fill(String(town[i].town));
    await page.getByLabel(`参照区域就业（人） ${n}`, { exact: true }).fill(String(town[i].ref));
  }
  const expected = cli(['method', 'location-quotient', '-'], JSON.stringify({
    local: Object.fromEntries(town.map((r) => [r.code, r.town])),
    reference: Object.fromEntries(town.map((r) => [r.code, r.ref])),
  })).lq;
  for (const r of town) {
    await expect(page.locator(`tr[data-code="${r.code}"] .lq-value`)).toHaveText(expected[r.code].toFixed(2));
  }
  await expect(page.locator('tr[data-code="17"]')).toContainText('比较优势明显');

  // The chart is drawn once on screen (chart_axis::drawable): the canvas has ink.
  const chart = page.getByTestId('lq-chart');
  await chart.scrollIntoViewIfNeeded();
  await expect.poll(() => chart.evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] < 200 || d[i + 1] < 200 || d[i + 2] < 200) n++;
    return n;
  })).toBeGreaterThan(500);
  await fullShot(page, 'screenshots/lq-zh.png');

  await page.getByRole('button', { name: '切换到英文界面' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Town Cluster Calculator');
  await expect(page.locator('tr[data-code="17"]')).toContainText('Clear advantage');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await fullShot(page, 'screenshots/lq-en.png');

  // A reload keeps everything (autosave).
  await page.reload();
  await expect(page.locator('tr[data-code="52"] .lq-value')).toHaveText(expected['52'].toFixed(2));
});

test('the Datang case shows the engine report: cluster LQ, maturity and measures', async ({ page }) => {
  const report = cli(['analyze', 'datang', '--format', 'json']);
  const cluster = report.clusters[0];
  await page.goto('/');
  await page.locator('button[data-example="datang"]').click();
  const card = page.getByTestId('cluster-card').first();
  await expect(card.getByTestId('cluster-lq')).toHaveText(cluster.lq.employment.toFixed(2));
  await expect(card.getByTestId('maturity')).toHaveText(cluster.maturity.index.toFixed(1));
  // The denominators in words: both totals are given, so the unlisted employment counts on both sides.
  const table = report.specialisation.employment;
  await expect(page.getByTestId('lq-denominators')).toHaveText(
    `就业口径，分母为全部就业：本镇 ${table.local_total.toLocaleString('en-US')} 人，参照区域 ${table.reference_total.toLocaleString('en-US')} 人`,
  );
  // Every measure the engine suggests, under the seed's six ch.6 headings in their order, ranked within each.
  const fired = report.measures.clusters[0].measures;
  await expect(page.getByTestId('measure')).toHaveCount(fired.length);
  for (const m of fired) await expect(page.locator(`[data-measure="${m.id}"]`)).toContainText(m.title.zh);
  const six = ['统一规划，政策支持', '强化基础，聚集要素', '扶植龙头，培育品牌，提升技术，促进创新',
    '完善社会服务体系，营造文化网络氛围', '注重环境友好', '理顺产业关系'];
  const shown = await page.getByTestId('measure-heading').allTextContents();
  const order = shown.map((h) => six.findIndex((t) => h.endsWith(t)));
  expect(order.every((k) => k >= 0), shown.join(' | ')).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
  // Within a heading the priority never rises.
  for (const list of await page.locator('ol.measures').all()) {
    const p = (await list.locator('[data-testid="measure"] strong').allTextContents())
      .map((t) => Number(/优先级 ([0-9.]+)/.exec(t)![1]));
    expect([...p].sort((a, b) => b - a)).toEqual(p);
  }
  // The evidence in the report's words (one wording for summary, report and exports): a percentage as %, the
  // threshold's source in Chinese, the seed's chapter in words, no rule syntax.
  await expect(page.getByTestId('measure').filter({ hasText: '判据为' }).first()).toBeVisible();
  const measures = page.getByTestId('measure');
  for (const bad of ['assumption', 'seed ch.', '(<', '[ch.']) await expect(measures.filter({ hasText: bad })).toHaveCount(0);
  // The reasons are words, not rule syntax; the rank is worked out (weight × gap × completeness = priority).
  const reasons = page.locator('[data-testid="measure"] p.evidence').filter({ hasText: '建议理由' });
  await expect(reasons).toHaveCount(fired.length);
  await expect(reasons.filter({ hasText: ' = ' })).toHaveCount(0);
  const ranks = page.locator('[data-testid="measure"] p.evidence').filter({ hasText: '排序依据' });
  await expect(ranks).toHaveCount(fired.length);
  await expect(ranks.first()).toContainText('判据权重');
  await expect(measures.first()).toContainText('《湖南小城镇优化研究》第');
  await page.getByLabel('讲解模式').check();
  await expect(page.locator('.explain-row').first()).toBeVisible();
  await fullShot(page, 'screenshots/datang-zh.png');
});

test('an unknown code and a bad number are named at the cell, nothing typed is lost, undo works', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: '新建乡镇' }).click();
  await page.getByRole('navigation').getByRole('button', { name: '行业就业' }).click();
  await page.getByRole('button', { name: '添加行业' }).click();
  await page.getByLabel('行业代码 1', { exact: true }).fill('99');
  await page.getByLabel('本镇就业（人） 1', { exact: true }).fill('12x');
  await expect(page.getByText('不是 GB/T 4754-2017 的大类代码')).toBeVisible();
  await expect(page.getByText('请输入不小于 0 的数字').first()).toBeVisible();
  await expect(page.getByLabel('本镇就业（人） 1', { exact: true })).toHaveValue('12x');
  await page.getByLabel('行业代码 1', { exact: true }).fill('17');
  await page.getByRole('button', { name: '撤销' }).click();
  await expect(page.getByLabel('行业代码 1', { exact: true })).toHaveValue('');
});
