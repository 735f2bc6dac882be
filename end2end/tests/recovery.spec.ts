// Nothing lost when the calculator itself fails (issue 19). A trap of the workbench module (a bug's panic or
// exhausted memory) stops every button of it, 保存文件 included: the notice from src/js/fatal.js then offers the
// data as a recovery file — with the very last keystroke — and a reload continues the autosave. Undo on a
// 330 000-firm town costs memory in proportion to the change (it used to fill the 4 GB wasm memory in 66 edits).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';

const bin = process.env.CLUSTERCALC_BIN ?? '../target/debug/clustercalc';

// Traps the workbench module through its fault-injection export, from a task of its own, as a bug would.
async function trap(page) {
  await page.evaluate(async () => {
    const build = document.querySelector('meta[name="clustercalc-build"]')?.getAttribute('content') ?? '';
    const mod = await import(`./clustercalc-workbench.js?v=${build}`);
    setTimeout(() => mod.__trapForTests(), 0);
  });
}

/** Bytes of the workbench module's linear memory (its init returns the instance already made). */
async function wasmBytes(page) {
  return page.evaluate(async () => {
    const build = document.querySelector('meta[name="clustercalc-build"]')?.getAttribute('content') ?? '';
    const mod = await import(`./clustercalc-workbench.js?v=${build}`);
    return (await mod.default()).memory.buffer.byteLength as number;
  });
}

function expectTrap() {
  for (const e of ['RuntimeError', 'unreachable', 'the calculator stopped']) {
    test.info().annotations.push({ type: 'expected-error', description: e });
  }
}

async function recoveryFile(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('button[data-action="fatal-save"]').click(),
  ]);
  expect(download.suggestedFilename()).toBe('小城镇产业集群-恢复文件.json');
  return JSON.parse(readFileSync(await download.path(), 'utf8'));
}

test('a trap is caught: the notice offers a recovery file with the last keystroke, and a reload continues', async ({ page }) => {
  expectTrap();
  await page.goto('/');
  await page.locator('button[data-choice="new"]').click();
  const name = page.getByLabel('乡镇名称');
  await name.fill('茶乡镇');
  // No pause: the trap comes in the same moment as the keystroke.
  await trap(page);
  const notice = page.getByTestId('fatal');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('计算器内部出错，已停止运行');
  await expect(notice).toContainText('保存恢复文件');
  await expect(page.locator('button[data-action="fatal-save"]')).toBeFocused();
  await page.screenshot({ path: 'screenshots/fatal-notice.png' });
  const saved = await recoveryFile(page);
  expect(saved.town.name).toBe('茶乡镇');
  await page.locator('button[data-action="fatal-reload"]').click();
  // The reload continues the autosaved work by itself.
  await page.getByRole('navigation').getByRole('button', { name: '乡镇基本情况' }).click();
  await expect(page.getByLabel('乡镇名称')).toHaveValue('茶乡镇');
  await expect(page.getByTestId('fatal')).toHaveCount(0);
});

test('a town too big for browser storage is still recoverable after a trap, with its latest edit', async ({ page }) => {
  // 30 000 firms: 2.9 MB of compact JSON, opened in the page, more than local storage holds.
  expectTrap();
  const big = Buffer.from(JSON.stringify(JSON.parse(
    execFileSync(bin, ['example', 'synthetic-town:10x30000'], { maxBuffer: 64 << 20 }).toString())));
  await page.goto('/?lang=en');
  await page.locator('input[data-choice="open"]').setInputFiles({ name: 'county.clustercalc.json', mimeType: 'application/json', buffer: big });
  await expect(page.locator('.notice.problem[role="alert"]')).toContainText('more than browser storage holds');
  await page.getByRole('navigation').getByRole('button', { name: 'Town', exact: true }).click();
  const pop = page.getByLabel('Resident population').first();
  await pop.fill('123456');
  await pop.blur();
  // The autosave of a big town waits for a pause in typing; the recovery copy is made with it.
  await page.waitForTimeout(800);
  await trap(page);
  await expect(page.getByTestId('fatal')).toContainText('The calculator hit an internal error and stopped');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('button[data-action="fatal-save"]').click(),
  ]);
  expect(download.suggestedFilename()).toBe('clustercalc-recovery.json');
  const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(saved.firms).toHaveLength(30_000);
  expect(saved.town.population).toBe(123456);
});

test('undo on a 330 000-firm town holds memory in proportion to the change', async ({ page }) => {
  test.setTimeout(400_000);
  // The case: 330 000 firms imported from a spreadsheet (a CSV here, 11 MB), then 66 edits.
  const rows = ['企业名称,行业代码,从业人员（人）,营业收入（万元）'];
  for (let k = 0; k < 330_000; k++) rows.push(`企业${k},${k % 3 ? '1762' : '1830'},${5 + (k % 200)},${50 + (k % 9000)}`);
  await page.goto('/');
  await page.locator('button[data-choice="new"]').click();
  await page.locator('button[data-action="import"]').click();
  await page.locator('input[data-action="import-file"]').setInputFiles({ name: '企业330k.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\r\n')) });
  await expect(page.getByTestId('import-summary')).toContainText('企业名单 330000 行', { timeout: 120_000 });
  const applied = Date.now();
  await page.locator('button[data-action="import-apply"]').click();
  await expect(page.getByTestId('import-panel')).toHaveCount(0, { timeout: 120_000 });
  // 24 MB of JSON: too big for browser storage, and the app says so (the recovery copy stays on the page).
  await expect(page.locator('.notice.problem[role="alert"]')).toContainText('超过浏览器存储能放下的大小', { timeout: 60_000 });
  const applyMs = Date.now() - applied;
  await page.getByRole('navigation').getByRole('button', { name: '乡镇基本情况' }).click();
  const pop = page.getByLabel('常住人口').first();
  const labour = page.getByLabel('劳动力').first();
  await expect(pop).toBeVisible();
  const before = await wasmBytes(page);
  // The firms are in this page's memory (not in a worker's).
  expect(before).toBeGreaterThan(64 * 1048576);
  // 66 edits, each its own undo step (alternating two fields): the count that filled 4 GB.
  const t0 = Date.now();
  for (let k = 0; k < 66; k++) {
    await (k % 2 ? pop : labour).evaluate((el: HTMLInputElement, v) => {
      el.value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, String(5000 + k));
    await page.waitForTimeout(30);
  }
  const ms = Date.now() - t0;
  await expect(page.getByTestId('fatal')).toHaveCount(0);
  const after = await wasmBytes(page);
  const mb = (b: number) => Math.round(b / 1048576);
  console.log(`undo_330k_firms wasm_memory_mb before=${mb(before)} after=${mb(after)} growth=${mb(after - before)} edits_ms=${ms} apply_ms=${applyMs}`);
  // Undo keeps at most 256 MiB of snapshots; a whole copy per edit (as before) needed ~60 MB each, 4 GB in all.
  expect(after - before).toBeLessThan(512 * 1048576);
  const undo = page.getByRole('button', { name: '撤销', exact: true });
  for (let k = 0; k < 5; k++) await undo.click();
  await page.getByRole('navigation').getByRole('button', { name: '行业就业' }).click();
  await page.getByRole('navigation').getByRole('button', { name: '乡镇基本情况' }).click();
  const got = [await pop.inputValue(), await labour.inputValue()].map((v) => v.replace(/,/g, ''));
  expect(got).toEqual([String(5000 + 59), String(5000 + 60)]);
});
