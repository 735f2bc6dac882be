// Storage recovery (issue 6): a damaged or newer-version autosave, a full storage and disabled storage each give a
// clear message, the app keeps working, and the last good copy is never dropped.
import { execFileSync } from 'node:child_process';
import { test, expect } from './fixtures';

const bin = process.env.CLUSTERCALC_BIN ?? '../target/debug/clustercalc';
const datang = execFileSync(bin, ['example', 'datang']).toString();
const CURRENT = 'clustercalc:autosave';
const PREVIOUS = 'clustercalc:autosave:previous';
const UNREADABLE = 'clustercalc:autosave:unreadable';

// Seeds localStorage before the app's first script runs (only on the first load of the page).
async function seed(page, items: Record<string, string>) {
  await page.addInitScript((items) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v as string);
  }, items);
}

test('a truncated autosave is set aside and the previous good copy restored', async ({ page }) => {
  const truncated = datang.slice(0, Math.floor(datang.length / 2));
  await seed(page, { [CURRENT]: truncated, [PREVIOUS]: datang });
  await page.goto('/');
  // The shell continues the session by itself; the workbench reports the recovery.
  await expect(page.locator('.notice[role="status"]')).toContainText('已恢复上一份完好的副本');
  await expect(page.getByLabel('乡镇名称', { exact: true }).or(page.locator('input.code').first())).toBeVisible();
  await expect(page.locator('.kpis').first()).toContainText('4.95');
  const kept = await page.evaluate(([u, p]) => [localStorage.getItem(u), localStorage.getItem(p)], [UNREADABLE, PREVIOUS]);
  expect(kept[0], 'the unreadable copy is kept').toBe(truncated);
  expect(JSON.parse(kept[1]!).town.name, 'the good copy is still there').toBe(JSON.parse(datang).town.name);
});

test('an autosave from a newer version is kept, not overwritten, and the app starts', async ({ page }) => {
  const newer = datang.replace('"version": 1', '"version": 99');
  expect(newer).not.toBe(datang);
  await seed(page, { [CURRENT]: newer });
  await page.goto('/');
  await expect(page.locator('.notice[role="status"]')).toContainText('无法读取');
  await expect(page.locator('.notice[role="status"]')).toContainText('version');
  expect(await page.evaluate((u) => localStorage.getItem(u), UNREADABLE)).toBe(newer);
  // The app works from empty: a new town can be started.
  await page.getByRole('navigation').getByRole('button', { name: '开始' }).click();
  await page.locator('button[data-choice="new"]').click();
  await page.getByLabel('乡镇名称', { exact: true }).fill('新镇');
  await expect(page.getByLabel('乡镇名称', { exact: true })).toHaveValue('新镇');
});

test('a full storage is reported and the last good copy stays intact', async ({ page }) => {
  await page.addInitScript(() => {
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k: string, v: string) {
      if ((window as any).__full && k.startsWith('clustercalc:autosave')) {
        throw new DOMException('quota', 'QuotaExceededError');
      }
      return real.call(this, k, v);
    };
  });
  await page.goto('/');
  await page.locator('button[data-example="datang"]').click();
  await expect(page.locator('.kpis').first()).toContainText('4.95');
  await page.waitForTimeout(600); // the coalesced autosave of the opened case
  const good = await page.evaluate((c) => localStorage.getItem(c), CURRENT);
  expect(JSON.parse(good!).town.name).toBe(JSON.parse(datang).town.name);
  await page.evaluate(() => { (window as any).__full = true; });
  await page.getByRole('navigation').getByRole('button', { name: '乡镇基本情况' }).click();
  await page.getByLabel('乡镇名称', { exact: true }).fill('改了名的镇');
  await expect(page.locator('.notice.problem[role="alert"]')).toContainText('浏览器存储已满');
  // True about what is left: the earlier autosave, without the change, and Save file to keep it.
  await expect(page.locator('.notice.problem[role="alert"]')).toContainText('此前的一份自动保存，但不含这些修改');
  expect(await page.evaluate((c) => localStorage.getItem(c), CURRENT)).toBe(good);
  // What was typed is still on screen.
  await expect(page.getByLabel('乡镇名称', { exact: true })).toHaveValue('改了名的镇');
});

test('with storage disabled the app works and says autosave is off', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
  });
  await page.goto('/');
  await expect(page.locator('button[data-choice="restore"]')).toHaveCount(0);
  await page.locator('button[data-example="xiqiao"]').click();
  await expect(page.locator('.notice.problem[role="alert"]')).toContainText('浏览器存储不可用');
  await expect(page.locator('.kpis').first()).toContainText('7.38');
});

test('a dataset too big for browser storage says so and points to Save file, claiming no earlier save', async ({ page }) => {
  // 30 000 firms: 2.9 MB of compact JSON, opened in the page (under the 4 MB of the worker path), more than
  // local storage holds (5 MiB of UTF-16, 2.6 M characters).
  const big = Buffer.from(JSON.stringify(JSON.parse(
    execFileSync(bin, ['example', 'synthetic-town:10x30000'], { maxBuffer: 64 << 20 }).toString())));
  expect(big.length).toBeGreaterThan(2_700_000);
  expect(big.length).toBeLessThan(4 * 1024 * 1024);
  await page.goto('/');
  await page.locator('input[data-choice="open"]').setInputFiles({ name: 'county.clustercalc.json', mimeType: 'application/json', buffer: big });
  const alert = page.locator('.notice.problem[role="alert"]');
  await expect(alert).toContainText('超过浏览器存储能放下的大小');
  await expect(alert).toContainText('保存文件');
  await expect(alert).not.toContainText('存储已满');
  await expect(alert).not.toContainText('仍然完好');
  expect(await page.evaluate((c) => localStorage.getItem(c), CURRENT)).toBeNull();
  // A reload cannot bring it back, and says so (it used to open without a word).
  await page.reload();
  await expect(page.locator('.notice.problem[role="alert"]')).toContainText('太大，没有自动保存', { timeout: 20_000 });
});

test('two tabs: the other tab is noticed and neither tab’s work is lost', async ({ context }) => {
  const first = await context.newPage();
  await first.goto('/');
  await first.locator('button[data-example="datang"]').click();
  await expect(first.getByTestId('cluster-lq')).toHaveText('4.95');
  await first.getByRole('navigation').getByRole('button', { name: '乡镇基本情况' }).click();
  await first.getByLabel('乡镇名称', { exact: true }).fill('大唐镇（第一页）');
  await first.waitForTimeout(700); // the coalesced autosave
  // A second tab opens another case: its autosave replaces the first tab's.
  // A second tab continues the same work (the autosave) and renames the town: its autosave replaces the first's.
  const second = await context.newPage();
  await second.goto('/');
  await expect(second.getByTestId('cluster-lq')).toHaveText('4.95');
  await second.getByRole('navigation').getByRole('button', { name: '乡镇基本情况' }).click();
  await second.getByLabel('乡镇名称', { exact: true }).fill('大唐镇（第二页）');
  await second.waitForTimeout(700);
  // The first tab is told, and its data is kept on the recent list, so both are in storage.
  await expect(first.locator('.notice.problem[role="alert"]')).toContainText('另一个标签页');
  const saved = await first.evaluate((c) => {
    const current = JSON.parse(localStorage.getItem(c)!).town.name;
    const recent = localStorage.getItem('clustercalc:recent') ?? '';
    return { current, recent };
  }, CURRENT);
  expect(saved.current).toBe('大唐镇（第二页）');
  expect(saved.recent).toContain('大唐镇（第一页）');
  await expect(first.getByLabel('乡镇名称', { exact: true })).toHaveValue('大唐镇（第一页）');
});
