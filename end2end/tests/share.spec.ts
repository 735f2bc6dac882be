// Share links (issue 5): the dataset travels in the URL fragment, which no server sees; opening a link never
// replaces work without asking; a damaged link or a town too large for a link gets a clear message.
import { execFileSync } from 'node:child_process';
import { test, expect } from './fixtures';

const bin = process.env.CLUSTERCALC_BIN ?? '../target/debug/clustercalc';

test('a share link carries the town to a fresh browser, and asks before replacing work', async ({ page, browser, baseURL }) => {
  await page.goto('/');
  await page.locator('button[data-example="xiqiao"]').click();
  await expect(page.getByTestId('cluster-lq')).toHaveText('7.38');
  await page.locator('button[data-action="share"]').click();
  const url = await page.getByTestId('share-url').inputValue();
  expect(url.startsWith(`${baseURL}/#share=1.`)).toBe(true);
  expect(url.length).toBeLessThanOrEqual(8000 + 100);

  // A colleague with no saved work opens it: the town is there at once, and the link leaves the address bar.
  const other = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const colleague = await other.newPage();
  const requests: string[] = [];
  colleague.on('request', (r) => requests.push(r.url()));
  await colleague.goto(url);
  await expect(colleague.getByTestId('cluster-lq')).toHaveText('7.38');
  await expect(colleague.getByLabel('本镇就业（人） 1', { exact: true })).toHaveValue('58000');
  expect(new URL(colleague.url()).hash).toBe('');
  // The data went in the fragment only: no request carries it.
  expect(requests.every((r) => !r.includes('share=') && r.startsWith(baseURL!))).toBe(true);

  // Someone with work of their own is asked first; keeping the work keeps it.
  await colleague.goto('/');
  await colleague.locator('button[data-choice="restore"]').waitFor({ state: 'detached' }).catch(() => {});
  await colleague.getByRole('navigation').getByRole('button', { name: '开始' }).click();
  await colleague.locator('button[data-example="datang"]').click();
  await expect(colleague.getByTestId('cluster-lq')).toHaveText('4.95');
  await colleague.waitForTimeout(600);
  await colleague.goto(url);
  const offer = colleague.getByRole('alertdialog');
  await expect(offer).toContainText('西樵镇');
  await expect(colleague.getByTestId('cluster-lq')).toHaveText('4.95');
  await offer.locator('button[data-action="keep-work"]').click();
  await expect(offer).toHaveCount(0);
  await expect(colleague.getByTestId('cluster-lq')).toHaveText('4.95');
  // Asked again (link pasted into the open page), this time opened; undo brings the work back.
  await colleague.evaluate((u) => { location.hash = new URL(u).hash; }, url);
  await colleague.locator('button[data-action="open-link"]').click();
  await expect(colleague.getByTestId('cluster-lq')).toHaveText('7.38');
  await colleague.keyboard.press('Control+z');
  await expect(colleague.getByTestId('cluster-lq')).toHaveText('4.95');
  await colleague.screenshot({ path: 'screenshots/share-undo.png' });
  await other.close();
});

test('a damaged link is refused with a message and nothing is lost', async ({ page }) => {
  await page.goto('/');
  await page.locator('button[data-example="datang"]').click();
  await page.locator('button[data-action="share"]').click();
  const url = await page.getByTestId('share-url').inputValue();
  await page.waitForTimeout(600);
  await page.goto(url.slice(0, Math.floor(url.length * 0.6)));
  await expect(page.locator('.notice.problem[role="alert"]')).toContainText('分享链接不完整或已损坏');
  await expect(page.getByTestId('cluster-lq')).toHaveText('4.95');
});

test('a town too large for a link is told to use a file', async ({ page }) => {
  const big = execFileSync(bin, ['example', 'synthetic-town:50x5000'], { maxBuffer: 64 << 20 });
  await page.goto('/');
  await page.locator('input[data-choice="open"]').setInputFiles({ name: 'big.clustercalc.json', mimeType: 'application/json', buffer: big });
  await page.locator('button[data-action="share"]').click();
  await expect(page.locator('.notice.problem[role="alert"]')).toContainText('数据太大，放不进分享链接');
  await expect(page.getByTestId('share-url')).toHaveCount(0);
});
