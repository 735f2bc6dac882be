// Journeys about keeping work: an official's session survives a reload (the autosave, coalesced while typing and
// flushed when the page goes away), a dataset is saved as a file and opened again (undoably), a broken file is
// refused with its name and the JSON path of the problem while the data stays, and a saved file opens from the
// start screen. Numbers are checked against the native `clustercalc` CLI.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, fullShot } from './fixtures';

const bin = process.env.CLUSTERCALC_BIN ?? '../target/debug/clustercalc';
const cli = (args: string[], input?: string) => JSON.parse(execFileSync(bin, args, { input }).toString());
const lqOf = (town: { code: string; town: number; ref: number }[]) =>
  cli(['method', 'location-quotient', '-'], JSON.stringify({
    local: Object.fromEntries(town.map((r) => [r.code, r.town])),
    reference: Object.fromEntries(town.map((r) => [r.code, r.ref])),
  })).lq as Record<string, number>;

const AUTOSAVE = 'clustercalc:autosave';
const autosaved = (page: Page) =>
  page.evaluate((key) => {
    const t = localStorage.getItem(key);
    return t === null ? null : JSON.parse(t);
  }, AUTOSAVE);

test('a reload keeps everything', async ({ page }) => {
  const town = [
    { code: '17', town: 6000, ref: 120000 },
    { code: '52', town: 2500, ref: 800000 },
  ];
  await page.goto('/');
  await page.locator('button[data-choice="new"]').click();
  await page.getByLabel('乡镇名称', { exact: true }).fill('会话镇');
  await page.getByLabel('参照区域', { exact: true }).fill('某县');
  const nav = page.getByRole('navigation', { name: '填报步骤' });
  await nav.getByRole('button', { name: '行业就业', exact: true }).click();
  for (let i = 0; i < town.length; i++) {
    await page.getByRole('button', { name: '添加行业' }).click();
    const n = i + 1;
    await page.getByLabel(`行业代码 ${n}`, { exact: true }).fill(town[i].code);
    await page.getByLabel(`本镇就业（人） ${n}`, { exact: true }).fill(String(town[i].town));
    await page.getByLabel(`参照区域就业（人） ${n}`, { exact: true }).fill(String(town[i].ref));
  }
  const toolbar = page.getByRole('toolbar');
  await toolbar.getByRole('button', { name: '切换到英文界面' }).click();
  await toolbar.getByLabel('Large text', { exact: true }).check();
  await expect(page.locator('html')).toHaveClass(/\blarge-text\b/);

  await page.reload();
  // The shell finds the autosave and continues the session by itself, in the saved language and text size.
  const navEn = page.getByRole('navigation', { name: 'Steps' });
  await expect(navEn).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('html')).toHaveClass(/\blarge-text\b/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Town Cluster Calculator');
  await expect(page.getByRole('toolbar').getByLabel('Large text', { exact: true })).toBeChecked();
  await expect(navEn.getByRole('button', { name: 'Employment by industry' })).toHaveAttribute('aria-current', 'step');
  for (let i = 0; i < town.length; i++) {
    const n = i + 1;
    await expect(page.getByLabel(`Code ${n}`, { exact: true })).toHaveValue(town[i].code);
    await expect(page.getByLabel(`Town employment (persons) ${n}`, { exact: true })).toHaveValue(String(town[i].town));
    await expect(page.getByLabel(`Reference employment (persons) ${n}`, { exact: true })).toHaveValue(String(town[i].ref));
  }
  const lq = lqOf(town);
  for (const r of town) await expect(page.locator(`tr[data-code="${r.code}"] .lq-value`)).toHaveText(lq[r.code].toFixed(2));
  await navEn.getByRole('button', { name: 'Town', exact: true }).click();
  await expect(page.getByLabel('Town name', { exact: true })).toHaveValue('会话镇');
  await expect(page.getByLabel('Reference area', { exact: true })).toHaveValue('某县');

  // A town of ordinary size is autosaved on every keystroke, so not even the last one is lost to a crash (a big
  // town's saves are coalesced; the pending one is flushed when the page goes away). The page's clock is stopped:
  // no timer is needed for the save.
  await page.clock.install();
  await page.clock.pauseAt(Date.now() + 1000);
  const name = page.getByLabel('Town name', { exact: true });
  await name.fill('');
  await name.pressSequentially('会话镇二');
  expect((await autosaved(page)).town.name).toBe('会话镇二');
  await navEn.getByRole('button', { name: 'Employment by industry' }).click();
  const emp = page.getByLabel('Town employment (persons) 2', { exact: true });
  await emp.fill('');
  await emp.pressSequentially('4000');
  expect((await autosaved(page)).industries[1].employment, 'saved with the keystroke').toBe(4000);
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Steps' })).toBeVisible();
  await expect(page.getByLabel('Town employment (persons) 2', { exact: true })).toHaveValue('4000');
  const lq2 = lqOf([town[0], { ...town[1], town: 4000 }]);
  await expect(page.locator('tr[data-code="52"] .lq-value')).toHaveText(lq2['52'].toFixed(2));
  await page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: 'Town', exact: true }).click();
  await expect(page.getByLabel('Town name', { exact: true })).toHaveValue('会话镇二');
  await fullShot(page, 'screenshots/session-reload-en-large.png');
});

test('save a file and open it again', async ({ page }) => {
  await page.goto('/');
  await page.locator('button[data-example="datang"]').click();
  await expect(page.locator('tr[data-code="18"] .lq-value')).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('button[data-action="save"]').click(),
  ]);
  expect(download.suggestedFilename()).toBe('大唐镇.clustercalc.json');
  const path = await download.path();
  const saved = JSON.parse(readFileSync(path, 'utf8'));
  expect(saved.format).toBe('clustercalc-dataset');
  expect(saved.version).toBe(1);
  expect(saved.town.name).toBe('大唐镇');
  // The file is the whole dataset: the engine gives the same report for it as for the bundled example.
  const fromFile = cli(['analyze', path]);
  const fromExample = cli(['analyze', 'datang']);
  expect(fromFile.clusters[0].lq).toEqual(fromExample.clusters[0].lq);
  expect(fromFile.specialisation).toEqual(fromExample.specialisation);

  // A new town, then the saved file through the toolbar.
  const nav = page.getByRole('navigation', { name: '填报步骤' });
  await nav.getByRole('button', { name: '开始', exact: true }).click();
  await page.locator('button[data-choice="new"]').click();
  await expect(page.getByLabel('乡镇名称', { exact: true })).toHaveValue('');
  await expect(page.locator('tr[data-code="18"]')).toHaveCount(0);

  const open = page.locator('input[data-action="open"]');
  await open.setInputFiles(path.toString());
  // (Playwright names the download by its GUID; the notice names the picked file.)
  await expect(page.locator('.notice')).toContainText('已打开文件（可撤销）：');
  await expect(page.locator('tr[data-code="18"] .lq-value')).toHaveText(
    fromExample.specialisation.employment.industries.find((i: { code: string }) => i.code === '18').lq.toFixed(2),
  );
  await nav.getByRole('button', { name: '乡镇基本情况', exact: true }).click();
  await expect(page.getByLabel('乡镇名称', { exact: true })).toHaveValue('大唐镇');
  await fullShot(page, 'screenshots/session-opened.png');

  // Ctrl+Z (focus still on the file button the user just used) brings back the new, empty town.
  await open.focus();
  await page.keyboard.press('Control+z');
  await expect(page.getByLabel('乡镇名称', { exact: true })).toHaveValue('');
  await expect(page.locator('tr[data-code="18"]')).toHaveCount(0);
  // And once more: Datang as the case opened it.
  await page.getByLabel('乡镇名称', { exact: true }).press('Control+z');
  await expect(page.getByLabel('乡镇名称', { exact: true })).toHaveValue('大唐镇');
});

test('a broken file is refused with its name and the data stays', async ({ page }, testInfo) => {
  const text = JSON.stringify({
    format: 'clustercalc-dataset', version: 1, town: { name: 'x' },
    industries: [{ code: '17', employment: -5 }],
  });
  // The engine's own verdict: exit 2 and one line "path: reason".
  const run = spawnSync(bin, ['analyze', '-'], { input: text });
  expect(run.status).toBe(2);
  const problem = run.stderr.toString().trim();
  expect(problem).toBe('industries[0].employment: 不能为负数（须 ≥ 0）');

  const report = cli(['analyze', 'datang']);
  await page.goto('/');
  await page.locator('button[data-example="datang"]').click();
  const lq18 = page.locator('tr[data-code="18"] .lq-value');
  const expected18 = report.specialisation.employment.industries.find((i: { code: string }) => i.code === '18').lq;
  await expect(lq18).toHaveText(expected18.toFixed(2));

  const file = { name: '坏数据.clustercalc.json', mimeType: 'application/json', buffer: Buffer.from(text) };
  await page.locator('input[data-action="open"]').setInputFiles(file);
  const notice = page.locator('.notice.problem[role="alert"]');
  await expect(notice).toHaveText(`坏数据.clustercalc.json: 不是本计算器的数据文件，未打开 — ${problem}`);
  // Nothing changed: the same town, figures and results; nothing to undo but the case itself.
  await expect(lq18).toHaveText(expected18.toFixed(2));
  await expect(page.getByLabel('行业代码 1', { exact: true })).toHaveValue(cli(['example', 'datang']).industries[0].code);
  await expect(page.getByTestId('cluster-card').first().getByTestId('cluster-lq')).toHaveText(report.clusters[0].lq.employment.toFixed(2));
  await page.getByRole('navigation', { name: '填报步骤' }).getByRole('button', { name: '乡镇基本情况', exact: true }).click();
  await expect(page.getByLabel('乡镇名称', { exact: true })).toHaveValue('大唐镇');
  await fullShot(page, 'screenshots/session-broken-file.png');

  // The same file in English names the reason in English.
  await page.getByRole('toolbar').getByRole('button', { name: '切换到英文界面' }).click();
  await page.locator('input[data-action="open"]').setInputFiles(file);
  const en = spawnSync(bin, ['analyze', '-', '--lang', 'en'], { input: text }).stderr.toString().trim();
  await expect(notice).toHaveText(`坏数据.clustercalc.json: not a data file of this calculator, not opened — ${en}`);
  await expect(page.getByLabel('Town name', { exact: true })).toHaveValue('大唐镇');
  testInfo.annotations.push({ type: 'notice', description: await notice.innerText() });
});

test('open a file from the start screen', async ({ page }) => {
  const text = execFileSync(bin, ['example', 'xiqiao']).toString();
  const dataset = JSON.parse(text);
  const report = cli(['analyze', 'xiqiao']);
  await page.goto('/');
  await expect(page.locator('button[data-choice="restore"]')).toHaveCount(0);
  await page.locator('input[data-choice="open"]').setInputFiles({
    name: '西樵镇.clustercalc.json', mimeType: 'application/json', buffer: Buffer.from(text),
  });
  const nav = page.getByRole('navigation', { name: '填报步骤' });
  await expect(nav).toBeVisible();
  await expect(nav.getByRole('button', { name: '行业就业', exact: true })).toHaveAttribute('aria-current', 'step');
  for (const i of report.specialisation.employment.industries) {
    await expect(page.locator(`tr[data-code="${i.code}"] .lq-value`)).toHaveText(i.lq.toFixed(2));
  }
  await expect(page.getByTestId('cluster-card').first().getByTestId('cluster-lq'))
    .toHaveText(report.clusters[0].lq.employment.toFixed(2));
  // An opened file is the user's own data: no case-study guide.
  await expect(page.locator('section.guide')).toHaveCount(0);
  await nav.getByRole('button', { name: '乡镇基本情况', exact: true }).click();
  await expect(page.getByLabel('乡镇名称', { exact: true })).toHaveValue(dataset.town.name);
  // It is the session now: a reload continues it.
  await page.reload();
  await expect(page.getByRole('navigation', { name: '填报步骤' })).toBeVisible();
  await page.getByRole('navigation', { name: '填报步骤' }).getByRole('button', { name: '乡镇基本情况', exact: true }).click();
  await expect(page.getByLabel('乡镇名称', { exact: true })).toHaveValue(dataset.town.name);
  await fullShot(page, 'screenshots/session-open-from-start.png');
});

test('a file dropped on the page is one Ctrl+Z away from the previous data', async ({ page }) => {
  // The shortcut must work while nothing has the focus (document.activeElement is <body>: after choosing a case,
  // after a drop, after clicking on text): src/app.rs listens for it on the window.
  const text = execFileSync(bin, ['example', 'xiqiao']).toString();
  await page.goto('/');
  await page.locator('button[data-example="datang"]').click();
  await expect(page.locator('tr[data-code="51"]')).toHaveCount(1);
  // Drop the file on the page, as a user dragging it from the file manager.
  const transfer = await page.evaluateHandle((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], '西樵镇.clustercalc.json', { type: 'application/json' }));
    return dt;
  }, text);
  await page.locator('main.layout').dispatchEvent('dragover', { dataTransfer: transfer });
  await page.locator('main.layout').dispatchEvent('drop', { dataTransfer: transfer });
  await expect(page.locator('.notice')).toHaveText('已打开文件（可撤销）：西樵镇.clustercalc.json');
  await expect(page.locator('tr[data-code="51"]')).toHaveCount(0); // Xiqiao has no wholesale (51)
  // Focus is on the step's heading (or nowhere), never in a field that would take Ctrl+Z for itself.
  expect(['BODY', 'H2']).toContain(await page.evaluate(() => document.activeElement?.tagName));

  // The notice says undo restores the previous data: Ctrl+Z, right away.
  await page.keyboard.press('Control+z');
  await expect(page.locator('tr[data-code="51"]')).toHaveCount(1, { timeout: 2000 });
});

test('earlier work is on the recent list of the start screen and opens again', async ({ page }) => {
  await page.goto('/');
  await page.locator('button[data-example="datang"]').click();
  await page.getByRole('navigation').getByRole('button', { name: '乡镇基本情况' }).click();
  await page.getByLabel('乡镇名称', { exact: true }).fill('甲镇');
  // Starting a new town keeps 甲镇 on the recent list; an untouched example is not listed.
  await page.getByRole('navigation').getByRole('button', { name: '开始' }).click();
  await page.locator('button[data-choice="new"]').click();
  await page.getByRole('navigation').getByRole('button', { name: '开始' }).click();
  await page.locator('button[data-example="xiqiao"]').click();
  await page.getByRole('navigation').getByRole('button', { name: '开始' }).click();
  const recent = page.getByTestId('recent');
  await expect(recent.locator('button')).toHaveText(['甲镇']);
  // Still there after a reload (which continues the autosaved Xiqiao session by itself).
  await page.reload();
  await expect(page.getByTestId('cluster-card').first()).toBeVisible();
  await page.getByRole('navigation').getByRole('button', { name: '开始' }).click();
  await expect(page.getByTestId('recent').locator('button')).toHaveText(['甲镇']);
  await page.getByTestId('recent').locator('button').first().click();
  await expect(page.getByTestId('cluster-lq')).toHaveText('4.95');
  await page.getByRole('navigation').getByRole('button', { name: '乡镇基本情况' }).click();
  await expect(page.getByLabel('乡镇名称', { exact: true })).toHaveValue('甲镇');
});

test('a file with NaN or a repeated key is refused with its line, column and field, in words', async ({ page }) => {
  const datang = JSON.stringify(cli(['example', 'datang']), null, 2);
  await page.goto('/');
  await page.locator('button[data-example="datang"]').click();
  await expect(page.getByTestId('cluster-lq')).toHaveText('4.95');
  const notice = page.locator('.notice.problem[role="alert"]');
  for (const [bad, words] of [
    [datang.replace('"population": 110000', '"population": NaN'), 'town.population: 第'],
    [datang.replace('"population": 110000', '"population": 110000, "population": 5'), '“population”出现了两次'],
  ]) {
    // The engine's own words for the same file (oracle: the CLI).
    const cliSays = spawnSync(bin, ['analyze', '-'], { input: bad }).stderr.toString().trim();
    expect(cliSays).toContain(words);
    expect(cliSays).not.toMatch(/expected|at line/);
    await page.locator('input[data-action="open"]').setInputFiles({ name: 'bad.clustercalc.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
    await expect(notice).toContainText(cliSays);
    await expect(page.getByTestId('cluster-lq')).toHaveText('4.95');
  }
});

test('a returning visit says it continues the last work while the calculator loads', async ({ page }) => {
  await page.goto('/');
  await page.locator('button[data-example="xiqiao"]').click();
  await expect(page.getByTestId('cluster-lq')).toHaveText('7.38');
  await page.waitForTimeout(600); // the autosave
  // A slow connection: the workbench module takes a while, and the start screen says what will happen.
  await page.route('**/clustercalc-workbench_bg.wasm', async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await page.reload();
  await expect(page.locator('.notice[role="status"]')).toContainText('正在打开上次的工作');
  await expect(page.getByTestId('cluster-lq')).toHaveText('7.38');
});
