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
  expect(text).toContain(`"'=HYPERLINK(""http://x"",""点我"")",${report.clusters[0].lq.employment},`);
  expect(text).not.toMatch(/NaN|Infinity/);
});
