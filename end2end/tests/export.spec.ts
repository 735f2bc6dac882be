// Results as CSV (issue 5): UTF-8 with BOM for Excel/WPS, the engine's numbers in full precision (oracle: the
// CLI), and a name that looks like a formula neutralised.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';

const bin = process.env.CLUSTERCALC_BIN ?? '../target/debug/clustercalc';

test('the results CSV carries the engine numbers and opens safely in a spreadsheet', async ({ page }) => {
  await page.goto('/');
  await page.locator('button[data-example="datang"]').click();
  await expect(page.getByTestId('cluster-lq')).toHaveText('4.95');
  await page.getByRole('navigation').getByRole('button', { name: '集群' }).click();
  await page.getByLabel('集群名称', { exact: true }).first().fill('=HYPERLINK("http://x","点我")');
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('button[data-action="export-csv"]').click()]);
  expect(download.suggestedFilename()).toBe('大唐镇-results.csv');
  const bytes = readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8');
  const report = JSON.parse(execFileSync(bin, ['analyze', 'datang']).toString());
  for (const i of report.specialisation.employment.industries) {
    expect(text).toContain(`${i.code},${i.name},${i.value},${i.lq},`);
  }
  // The summary sheet names the cluster in its rows; the measures name it alone. Both neutralised.
  expect(text).toContain(`"'=HYPERLINK(""http://x"",""点我"") · 集群就业区位商",${report.clusters[0].lq.employment},`);
  expect(text).toContain(`"'=HYPERLINK(""http://x"",""点我"")",1,`);
  for (const section of ['摘要', '区位商', '乘数', '产业链', '成熟度', '认定清单', '对策建议']) {
    expect(text).toMatch(new RegExp(`(^\ufeff|\r\n)${section}\r\n`));
  }
  expect(text).not.toMatch(/NaN|Infinity/);
});

test('the results workbook has one sheet per table with the engine numbers', async ({ page }) => {
  await page.goto('/');
  await page.locator('button[data-example="datang"]').click();
  await expect(page.getByTestId('cluster-lq')).toHaveText('4.95');
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('button[data-action="export-xlsx"]').click()]);
  expect(download.suggestedFilename()).toBe('大唐镇-results.xlsx');
  // Read the workbook with Python's zipfile: sheet names, and every number cell of the LQ sheet.
  const script = String.raw`
import sys, zipfile, re, json
z = zipfile.ZipFile(sys.argv[1])
names = re.findall(r'<sheet name="([^"]+)"', z.read("xl/workbook.xml").decode())
nums = [float(v) for v in re.findall(r'<c r="[A-Z]+\d+"[^>]*?(?<!t="s")><v>([^<]+)</v>', z.read("xl/worksheets/sheet2.xml").decode())]
print(json.dumps({"names": names, "nums": nums}))
`;
  const out = JSON.parse(execFileSync('python3', ['-c', script, await download.path()]).toString());
  expect(out.names).toEqual(['摘要', '区位商', '乘数', '产业链', '成熟度', '认定清单', '对策建议']);
  const report = JSON.parse(execFileSync(bin, ['analyze', 'datang']).toString());
  // The writer prints 17 significant digits, so the last one may differ from the engine's shortest form.
  const has = (v: number) => out.nums.some((x: number) => Math.abs(x - v) <= 1e-12 * Math.abs(v));
  for (const i of report.specialisation.employment.industries) {
    expect(has(i.lq), `LQ ${i.code} = ${i.lq}`).toBe(true);
    expect(has(i.value), `employment ${i.code}`).toBe(true);
  }
});

test('a chart is saved as a PNG image', async ({ page }) => {
  await page.goto('/');
  await page.locator('button[data-example="datang"]').click();
  await expect(page.getByTestId('cluster-lq')).toHaveText('4.95');
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('button[data-action="png-lq"]').click()]);
  expect(download.suggestedFilename()).toBe('大唐镇-lq.png');
  const bytes = readFileSync(await download.path());
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // 640 × 300, as drawn.
  expect(bytes.readUInt32BE(16)).toBe(640);
  expect(bytes.readUInt32BE(20)).toBe(300);
});
