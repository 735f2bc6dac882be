// Hostile strings (issue 6): markup, attribute break-outs, bidi overrides, emoji, a 10 000-character name and
// whitespace-only names typed into the text fields render as inert text, keep the page usable (no sideways
// scrolling) and survive the autosave, a saved file and a share link unchanged.
import { test, expect } from './fixtures';

const HOSTILE = [
  '<img src=x onerror="window.__pwned=1">',
  '"><script>window.__pwned=2</script>',
  "' onmouseover='window.__pwned=3",
  '\u202Eevil\u202C 镇 \u2066x\u2069',
  '🏭🧦 袜业 ✨',
  '   ',
  '长'.repeat(10_000),
];

test('hostile names are shown as text, run nothing and survive save, reload and share', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs++; void d.dismiss(); });
  await page.goto('/');
  await page.locator('button[data-example="datang"]').click();
  await expect(page.getByTestId('cluster-lq')).toHaveText('4.95');

  for (const name of HOSTILE) {
    await page.getByRole('navigation').getByRole('button', { name: '乡镇基本情况' }).click();
    await page.getByLabel('乡镇名称', { exact: true }).fill(name);
    await page.getByRole('navigation').getByRole('button', { name: '集群' }).click();
    await page.getByLabel('集群名称', { exact: true }).first().fill(name);
    if (name.trim() === '') {
      // A blank cluster name is refused at the field, with its path; what was typed stays in the field.
      await expect(page.getByRole('alert').filter({ hasText: 'clusters[0].name' }).first()).toBeVisible();
      await expect(page.getByLabel('集群名称', { exact: true }).first()).toHaveValue(name);
    } else {
      // The cluster card shows the name as text, exactly as typed.
      await expect(page.getByTestId('cluster-card').first().locator('h3')).toHaveText(name, { useInnerText: false });
    }
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
    expect(await page.locator('img[src="x"], script:not([src])').count()).toBe(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `page scrolls sideways by ${overflow}px for ${JSON.stringify(name.slice(0, 20))}`).toBeLessThanOrEqual(0);
  }
  await page.screenshot({ path: 'screenshots/hostile-long-name.png' });

  // The last (10 000-character) name survives the autosave and a reload.
  const long = HOSTILE[HOSTILE.length - 1];
  await page.waitForTimeout(600);
  await page.reload();
  await expect(page.getByTestId('cluster-card').first().locator('h3')).toHaveText(long);

  // And a share link (too large for 10 000 characters? then the message says so; otherwise it round-trips).
  await page.getByLabel('乡镇名称', { exact: true }).or(page.locator('button[data-action="share"]')).first().waitFor();
  await page.locator('button[data-action="share"]').click();
  const url = page.getByTestId('share-url');
  const problem = page.locator('.notice.problem[role="alert"]');
  await expect(url.or(problem)).toBeVisible();
  if (await url.count()) {
    const link = await url.inputValue();
    await page.getByRole('navigation').getByRole('button', { name: '开始' }).click();
    await page.locator('button[data-example="xiqiao"]').click();
    await page.waitForTimeout(600);
    await page.goto(link);
    await page.locator('button[data-action="open-link"]').click();
    await expect(page.getByTestId('cluster-card').first().locator('h3')).toHaveText(long);
  } else {
    await expect(problem).toContainText('数据太大');
  }
  expect(dialogs).toBe(0);
  expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
});

test('hostile names stay inert in the report, the exports, an import preview and the JS API', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs++; void d.dismiss(); });
  await page.goto('/');
  await page.locator('button[data-example="datang"]').click();
  await expect(page.getByTestId('cluster-lq')).toHaveText('4.95');
  const name = HOSTILE[0] + HOSTILE[1] + HOSTILE[3] + '=HYPERLINK("http://x")';
  await page.getByRole('navigation').getByRole('button', { name: '集群' }).click();
  await page.getByLabel('集群名称', { exact: true }).first().fill(name);

  // The printed report: the name as text in the measures, nothing injected.
  await page.locator('button[data-action="report"]').click();
  const report = page.getByTestId('report');
  await expect(report.locator('h3').filter({ hasText: 'HYPERLINK' }).first()).toContainText(name);
  expect(await page.locator('img[src="x"], script:not([src])').count()).toBe(0);
  await page.locator('button[data-action="close-report"]').click();

  // The workbook: the name is a text cell (a shared string), never a formula.
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.locator('button[data-action="export-xlsx"]').click()]);
  const script = String.raw`
import sys, zipfile, json, xml.etree.ElementTree as ET
z = zipfile.ZipFile(sys.argv[1])
ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
texts = [t.text or "" for t in ET.fromstring(z.read("xl/sharedStrings.xml")).iter(ns + "t")]
formulas = sum(z.read(n).decode().count("<f>") for n in z.namelist() if n.startswith("xl/worksheets/"))
print(json.dumps({"formulas": formulas, "has_name": any(t.endswith('=HYPERLINK("http://x")') for t in texts)}))
`;
  const { execFileSync } = await import('node:child_process');
  const book = JSON.parse(execFileSync('python3', ['-c', script, await xlsx.path()]).toString());
  expect(book).toEqual({ formulas: 0, has_name: true });

  // The CSV: the formula-like cell is neutralised.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('button[data-action="export-csv"]').click()]);
  const text = (await import('node:fs')).readFileSync(await csv.path(), 'utf8');
  expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
  expect(text).not.toMatch(/NaN|Infinity/);

  // An import preview of hostile cells shows them as text.
  await page.locator('button[data-action="import"]').click();
  await page.getByTestId('import-paste').fill(`企业名称\t就业人数\n${HOSTILE[0]}\t5\n${HOSTILE[1]}\t6\n`);
  await page.locator('button[data-action="import-read-paste"]').click();
  await expect(page.getByTestId('import-preview').getByRole('cell', { name: HOSTILE[0] })).toBeVisible();
  expect(await page.locator('img[src="x"], script:not([src])').count()).toBe(0);

  // The JS API returns the names as data.
  const out = await page.evaluate(async (n) => {
    // The instance the app loaded (same URL, build stamp included), already initialised.
    const build = document.querySelector('meta[name="clustercalc-build"]')?.getAttribute('content');
    const api = await import(new URL(`clustercalc-workbench.js?v=${build}`, document.baseURI).href);
    const d = JSON.parse(await (await fetch('datang.json')).text());
    d.clusters[0].name = n;
    return JSON.parse(api.analyze(JSON.stringify(d), 'zh')).clusters[0].name;
  }, name);
  expect(out).toBe(name);
  expect(dialogs).toBe(0);
  expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
});
