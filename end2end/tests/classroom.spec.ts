// Journeys: a teacher uses the app in class. She opens the Datang case with explanations on and checks one
// location quotient by hand; reads the Xiqiao guide on why the study's 26.7 % needs four periods; and compares
// Datang's value chain with the "扎堆" Hunan textile town. The oracle is the native `clustercalc` CLI.
import { execFileSync } from 'node:child_process';
import { test, expect, fullShot } from './fixtures';

const bin = process.env.CLUSTERCALC_BIN ?? '../target/debug/clustercalc';
const cli = (args: string[], input?: string) => JSON.parse(execFileSync(bin, args, { input }).toString());

/** The app's number format: thousands separators, fixed decimals (src/format.rs). */
const fmt = (v: number, decimals: number) =>
  v.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
const pct = (v: number) => `${fmt(v * 100, 1)}%`;

test('a teacher opens Datang, switches on explanations and checks one LQ by hand', async ({ page }) => {
  const dataset = cli(['example', 'datang']);
  // The LQ denominators as docs/dataset.md defines them: town.employed (else the sum of the industries) and
  // reference.total_employment (else the sum of the reference map).
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const townTotal: number = dataset.town.employed
    ?? sum(dataset.industries.map((i: { employment?: number }) => i.employment ?? 0));
  const refTotal: number = dataset.reference.total_employment
    ?? sum(Object.values(dataset.reference.employment) as number[]);

  await page.goto('/');
  await page.locator('button[data-example="datang"]').click();
  const toolbar = page.getByRole('toolbar', { name: '工具栏' });
  const explain = toolbar.getByLabel('讲解模式', { exact: true });
  await expect(explain).not.toBeChecked();
  await explain.check();
  await expect(explain).toBeChecked();

  // The case opens on the industries step: find the row of division 17 (纺织业) and read its two figures.
  // (The code inputs have a datalist of the divisions, so their role is combobox.)
  const codes = page.getByRole('combobox', { name: /^行业代码 \d+$/ });
  await expect(codes.first()).toBeVisible();
  const n = await codes.count();
  let row = 0;
  for (let i = 1; i <= n; i++) {
    if ((await page.getByLabel(`行业代码 ${i}`, { exact: true }).inputValue()) === '17') row = i;
  }
  expect(row, 'division 17 is listed on the industries step').toBeGreaterThan(0);
  const town = Number(await page.getByLabel(`本镇就业（人） ${row}`, { exact: true }).inputValue());
  const ref = Number(await page.getByLabel(`参照区域就业（人） ${row}`, { exact: true }).inputValue());
  expect(town).toBeGreaterThan(0);
  expect(ref).toBeGreaterThan(0);

  // By hand: LQ = (e_i / e) / (E_i / E).
  const lq = (town / townTotal) / (ref / refTotal);
  const lqRow = page.locator('tr[data-code="17"]');
  await expect(lqRow.locator('.lq-value')).toHaveText(lq.toFixed(2));

  // The explanation shows the formula and, under the row, the same figures substituted.
  await expect(page.locator('#lq-formula')).toBeVisible();
  await expect(page.locator('#lq-formula')).toHaveText(
    'LQ = (本镇该行业就业 ÷ 本镇总就业) ÷ (参照区域该行业就业 ÷ 参照区域总就业)',
  );
  const explained = lqRow.locator('xpath=following-sibling::tr[1]');
  await expect(explained).toHaveClass(/explain-row/);
  await expect(explained).toBeVisible();
  await expect(explained).toHaveText(
    `(${fmt(town, 0)} ÷ ${fmt(townTotal, 0)}) ÷ (${fmt(ref, 0)} ÷ ${fmt(refTotal, 0)}) = ${lq.toFixed(3)}`,
  );
  // Every industry gets its explanation row, and switching explanations off hides them again.
  const lqPanel = page.locator('section[aria-labelledby="lq-heading"]');
  await expect(lqPanel.locator('.explain-row')).toHaveCount(dataset.industries.length);
  await fullShot(page, 'screenshots/classroom-datang-explain.png');
  await explain.uncheck();
  await expect(lqPanel.locator('.explain-row')).toHaveCount(0);
  await expect(page.locator('.explain-row')).toHaveCount(0);
});

test('the Xiqiao guide shows why 26.7 % needs four periods', async ({ page }) => {
  // The cluster's dated sales (1998) and its current sales at the dataset's year (2001: the study's present).
  const example = cli(['example', 'xiqiao']);
  const history: { year: number; output?: number }[] = example.clusters[0].history;
  const withOutput = [
    ...history.filter((h) => h.output !== undefined),
    { year: example.town.year, output: example.clusters[0].output },
  ];
  const first = withOutput[0];
  const last = withOutput[withOutput.length - 1];
  const intervals = last.year - first.year;
  const cagr = (years: number) =>
    cli(['method', 'cagr', '-'], JSON.stringify({ start: first.output, end: last.output, years })).cagr as number;
  // The study's figures: 59.5 → 153.4 亿元, 1998 → 2001.
  expect([first.year, last.year]).toEqual([1998, 2001]);
  expect(pct(cagr(intervals))).toBe('37.1%');
  expect(pct(cagr(intervals + 1))).toBe('26.7%');

  await page.goto('/');
  await page.locator('button[data-example="xiqiao"]').click();
  const guide = page.locator('section.guide');
  await expect(guide.getByRole('heading', { level: 2 })).toHaveText(
    '课堂导读：西樵“年均增长 26.7%”是怎么算出来的',
  );
  const ratio = `(${fmt(last.output! / 10_000, 1)} ÷ ${fmt(first.output! / 10_000, 1)})`;
  await expect(page.getByTestId('guide-cagr-years')).toHaveText(`${ratio}^(1/${intervals}) − 1 = 37.1%`);
  await expect(page.getByTestId('guide-cagr-periods')).toHaveText(`${ratio}^(1/${intervals + 1}) − 1 = 26.7%`);
  await expect(guide).toContainText('1998–2001: 3 个间隔年');
  await expect(guide).toContainText('1998, …, 2001: 4 个年份，每年算一期');
  await fullShot(page, 'screenshots/classroom-xiqiao-guide.png');

  await guide.getByRole('button', { name: '关闭导读' }).click();
  await expect(page.locator('section.guide')).toHaveCount(0);
  await expect(page.getByTestId('guide-cagr-periods')).toHaveCount(0);
  // The rest of the workbench is still there.
  await expect(page.getByRole('heading', { name: '分析概览' })).toBeVisible();
});

test('Datang against the 扎堆 town', async ({ page }) => {
  const here = cli(['analyze', 'datang']).clusters[0].chain;
  const other = cli(['analyze', 'hunan-textile-town']).clusters[0].chain;

  await page.goto('/');
  await page.locator('button[data-example="datang"]').click();
  const guide = page.locator('section.guide');
  await expect(guide.getByRole('heading', { level: 2 })).toHaveText('课堂导读：成链的集群与“扎堆”的乡镇');

  const cells = (id: string) => page.getByTestId(id).locator('td');
  await expect(page.getByTestId('guide-here').locator('th')).toHaveText('当前数据');
  await expect(cells('guide-here').nth(0)).toHaveText(pct(here.completeness.value));
  await expect(cells('guide-here').nth(1)).toHaveText(pct(here.zhadui_index.value));
  await expect(page.getByTestId('guide-other').locator('th')).toHaveText('湖南纺织小镇（示意）');
  await expect(cells('guide-other').nth(0)).toHaveText(pct(other.completeness.value));
  await expect(cells('guide-other').nth(1)).toHaveText(pct(other.zhadui_index.value));
  // The lesson: Datang forms a chain, the Hunan town only crowds together.
  expect(here.completeness.value).toBeGreaterThan(other.completeness.value);
  expect(other.zhadui_index.value).toBeGreaterThan(here.zhadui_index.value);
  const flag = (f: boolean | null) => (f === true ? '是' : f === false ? '否' : '—');
  await expect(cells('guide-here').nth(2)).toHaveText(flag(here.colocation.flagged));
  await expect(cells('guide-other').nth(2)).toHaveText(flag(other.colocation.flagged));
  await fullShot(page, 'screenshots/classroom-datang-guide.png');
});
