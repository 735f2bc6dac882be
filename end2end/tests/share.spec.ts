// Share links (issue 5): the dataset travels in the URL fragment, which no server sees; opening a link never
// replaces work without asking; a damaged link or a town too large for a link gets a clear message.
import { execFileSync } from 'node:child_process';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { test, expect } from './fixtures';

const bin = process.env.CLUSTERCALC_BIN ?? '../target/debug/clustercalc';

test('a share link carries the town to a fresh browser, and asks before replacing work', async ({ page, browser, baseURL }) => {
  await page.goto('/');
  await page.locator('button[data-example="xiqiao"]').click();
  await expect(page.getByTestId('cluster-lq')).toHaveText('7.38');
  await page.locator('button[data-action="share"]').click();
  const url = await page.getByTestId('share-url').inputValue();
  // Format 2: the version, the CRC-32 of the data (8 hex digits), the data.
  expect(url).toMatch(new RegExp(`^${baseURL}/#share=2\\.[0-9a-f]{8}\\.[A-Za-z0-9_-]+$`));
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

test('a link changed on its way is refused as changed; a newer format says so; an old link opens with a caution', async ({ page }) => {
  await page.goto('/');
  await page.locator('button[data-example="datang"]').click();
  await expect(page.getByTestId('cluster-lq')).toHaveText('4.95');
  await page.locator('button[data-action="share"]').click();
  const url = await page.getByTestId('share-url').inputValue();
  await page.waitForTimeout(600);
  const [base, payload] = url.split('#share=');
  const [, crc, data] = payload.split('.');
  // Population 110 000 → 113 000 inside the data, which still inflates to a valid dataset: refused as changed.
  const json = inflateRawSync(Buffer.from(data, 'base64url')).toString().replace(/"population":110000(\.0)?/, '"population":113000');
  expect(json).toContain('"population":113000');
  const forged = `${base}#share=2.${crc}.${deflateRawSync(Buffer.from(json), { level: 9 }).toString('base64url')}`;
  await page.goto(forged);
  await expect(page.locator('.notice.problem[role="alert"]')).toContainText('被改动过');
  await expect(page.getByTestId('cluster-lq')).toHaveText('4.95');
  // A link of a later format: the page says it is newer, not damaged.
  await page.goto(`${base}#share=3.${crc}.${data}`);
  await expect(page.locator('.notice.problem[role="alert"]')).toContainText('更新版本的计算器');
  // A link of the first release (no checksum) still opens, with a caution to check the figures.
  const xiqiao = execFileSync(bin, ['example', 'xiqiao']);
  const v1 = `${base}#share=1.${deflateRawSync(Buffer.from(JSON.stringify(JSON.parse(xiqiao.toString()))), { level: 9 }).toString('base64url')}`;
  await page.goto(v1);
  await page.locator('button[data-action="open-link"]').click();
  await expect(page.getByTestId('cluster-lq')).toHaveText('7.38');
  await expect(page.locator('.notice[role="status"]')).toContainText('旧版链接没有校验码');
});
