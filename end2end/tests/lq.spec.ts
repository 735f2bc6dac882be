// Journey: an official enters a town's employment by industry and reads the location quotients.
import { execFileSync } from 'node:child_process';
import { test, expect } from './fixtures';

const town = [
  { code: '17', town: 6000, ref: 120000 },
  { code: '18', town: 1500, ref: 90000 },
  { code: '52', town: 2500, ref: 800000 },
];

// The oracle is the native engine: the same figures through `clustercalc method location-quotient`.
function coreLq(): Record<string, number> {
  const input = JSON.stringify({
    local: Object.fromEntries(town.map((r) => [r.code, r.town])),
    reference: Object.fromEntries(town.map((r) => [r.code, r.ref])),
  });
  const bin = process.env.CLUSTERCALC_BIN ?? '../target/debug/clustercalc';
  const out = JSON.parse(execFileSync(bin, ['method', 'location-quotient', '-'], { input }).toString());
  return out.lq;
}

test('enter a town and read LQs computed by the core, in both languages', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('小城镇产业集群计算器');
  await page.getByLabel('乡镇名称', { exact: true }).fill('大唐镇');
  await page.getByLabel('参照区域', { exact: true }).fill('诸暨市');
  for (let i = 0; i < town.length; i++) {
    if (i > 0) await page.getByRole('button', { name: '添加行业' }).click();
    const n = i + 1;
    await page.getByLabel(`行业代码 ${n}`, { exact: true }).fill(town[i].code);
    await page.getByLabel(`本镇就业（人） ${n}`, { exact: true }).fill(String(town[i].town));
    await page.getByLabel(`参照区域就业（人） ${n}`, { exact: true }).fill(String(town[i].ref));
  }
  const expected = coreLq();
  for (const r of town) {
    const cell = page.locator(`tr[data-code="${r.code}"] .lq-value`);
    await expect(cell).toHaveText(expected[r.code].toFixed(2));
  }
  await expect(page.locator('tr[data-code="17"]')).toContainText('比较优势明显');

  // The chart is drawn: the canvas has non-white pixels.
  const inked = await page.getByTestId('lq-chart').evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] < 200 || d[i + 1] < 200 || d[i + 2] < 200) n++;
    return n;
  });
  expect(inked).toBeGreaterThan(500);
  await page.screenshot({ path: 'screenshots/lq-zh.png', fullPage: true });

  await page.getByRole('button', { name: '切换到英文界面' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Town Cluster Calculator');
  await expect(page.locator('tr[data-code="17"]')).toContainText('Clear advantage');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.screenshot({ path: 'screenshots/lq-en.png', fullPage: true });
});

test('an unknown code and a bad number are named at the cell, nothing typed is lost', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('行业代码 1', { exact: true }).fill('99');
  await page.getByLabel('本镇就业（人） 1', { exact: true }).fill('12x');
  await expect(page.getByText('不是 GB/T 4754-2017 的大类代码')).toBeVisible();
  await expect(page.getByText('请输入不小于 0 的数字').first()).toBeVisible();
  await expect(page.getByLabel('本镇就业（人） 1', { exact: true })).toHaveValue('12x');
});
