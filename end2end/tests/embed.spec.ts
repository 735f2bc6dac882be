// Embedding (issue 5): the example host page puts the calculator in an iframe with ?embed=1; the calculator shows
// no page chrome, opens the preset case in the requested language and reports its height, which the host uses.
import { test, expect, fullShot } from './fixtures';

test('the example host page embeds the Datang case and sizes the iframe to it', async ({ page }) => {
  await page.goto('/embed-host.html');
  const frame = page.frameLocator('#clustercalc');
  await expect(frame.getByTestId('cluster-lq')).toHaveText('4.95');
  // No page chrome inside the iframe: the title is hidden, the toolbar and steps stay.
  await expect(frame.getByRole('heading', { level: 1 })).toBeHidden();
  await expect(frame.locator('button[data-action="save"]')).toBeVisible();
  // The host grew the iframe to the reported content height (the default is 600 px).
  await expect.poll(async () => (await page.locator('#clustercalc').boundingBox())!.height).toBeGreaterThan(900);
  const inner = await frame.locator('html').evaluate((el) => el.scrollHeight);
  const outer = (await page.locator('#clustercalc').boundingBox())!.height;
  expect(Math.abs(inner - outer)).toBeLessThanOrEqual(2);
  await page.screenshot({ path: 'screenshots/embed-host.png' });
});

test('embed options: English and a case, without touching the user’s saved settings', async ({ page }) => {
  await page.goto('/?embed=1&lang=en&case=xiqiao');
  await expect(page.getByTestId('cluster-lq')).toHaveText('7.38');
  await expect(page.locator('button[data-action="save"]')).toHaveText('Save file');
  await expect(page.locator('html')).toHaveClass(/embed/);
  // The visitor's own settings are unchanged: a normal visit is still in Chinese.
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('小城镇产业集群计算器');
  // An unknown case or a script in a parameter is ignored.
  await page.goto('/?embed=1&case=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
  await expect(page.getByRole('button', { name: '继续上次的工作' }).or(page.getByTestId('cluster-lq'))).toBeVisible();
});

test('a host page chooses the parts: results only for a preset case', async ({ page }) => {
  await page.goto('/?embed=1&case=datang&sections=summary,lq,chain');
  await expect(page.getByTestId('cluster-lq')).toHaveText('4.95');
  await expect(page.locator('#lq-heading')).toBeVisible();
  // No data entry, no file actions, one result tab.
  await expect(page.locator('nav.steps')).toHaveCount(0);
  await expect(page.locator('button[data-action="save"], input[data-action="open"]')).toHaveCount(0);
  await expect(page.getByRole('tab')).toHaveText(['产业链']);
  await expect(page.getByTestId('chain-chart')).toBeVisible();
  await expect(page.locator('button[data-action="export-xlsx"]')).toBeVisible();
  await fullShot(page, 'screenshots/embed-sections.png');
});

test('the host iframe shrinks again when the calculator gets shorter (issue 18)', async ({ page }) => {
  // Every height the calculator posts, as the host page receives it (installed before the page's own script).
  await page.addInitScript(() => {
    if (window.top !== window) return;
    (window as any).__heights = [];
    window.addEventListener('message', (e) => {
      if (e.data?.type === 'clustercalc:height') (window as any).__heights.push(e.data.height);
    });
  });
  await page.goto('/embed-host.html');
  const frame = page.frameLocator('#clustercalc');
  const iframe = page.locator('#clustercalc');
  const heights = () => page.evaluate(() => (window as any).__heights as number[]);
  const iframeHeight = async () => (await iframe.boundingBox())!.height;
  // The content's own height, measured inside the iframe: what the host should show, no more.
  const content = () => frame.locator('body').evaluate((b) => Math.ceil(b.getBoundingClientRect().height));
  await expect(frame.getByTestId('cluster-lq')).toHaveText('4.95');
  await expect.poll(async () => Math.abs((await iframeHeight()) - (await content()))).toBeLessThanOrEqual(2);
  const workbench = await iframeHeight();

  // A long part: the printable report, several screens tall. The iframe grows to it.
  await frame.locator('button[data-action="report"]').click();
  await expect(frame.getByTestId('report')).toBeVisible();
  await expect.poll(iframeHeight).toBeGreaterThan(workbench + 500);
  const report = await iframeHeight();
  const posted = (await heights()).length;

  // Back to the short workbench: a smaller height is posted and the host shrinks the iframe to it.
  await frame.locator('button[data-action="close-report"]').click();
  await expect(frame.getByTestId('cluster-lq')).toHaveText('4.95');
  await expect.poll(async () => (await heights()).at(-1)!).toBeLessThan(report - 500);
  expect((await heights()).length).toBeGreaterThan(posted);
  await expect.poll(iframeHeight).toBeLessThan(report - 500);
  await expect.poll(async () => Math.abs((await iframeHeight()) - (await content()))).toBeLessThanOrEqual(2);
  // No blank band under the calculator: the iframe is as tall as the workbench was before the report.
  expect(Math.abs((await iframeHeight()) - workbench)).toBeLessThanOrEqual(2);
  console.log(`embed heights: workbench ${workbench}px, report ${report}px, back ${await iframeHeight()}px; ` +
    `posted ${JSON.stringify(await heights())}`);
  await page.screenshot({ path: 'screenshots/embed-host-shrunk.png', fullPage: true });
});

test('percent-encoded options are read as the host wrote them: sections=summary%2Clq is read-only results', async ({ page }) => {
  await page.goto('/?embed=1&case=datang&sections=summary%2Clq');
  await expect(page.getByTestId('cluster-lq')).toHaveText('4.95');
  await expect(page.locator('#lq-heading')).toBeVisible();
  // Results only: no entry form, no steps, no file actions, no result tabs beyond the two parts chosen.
  await expect(page.locator('nav.steps')).toHaveCount(0);
  await expect(page.locator('.entry')).toHaveCount(0);
  await expect(page.locator('input:not([type="checkbox"]):not([readonly]), select, textarea')).toHaveCount(0);
  await expect(page.locator('button[data-action="save"], input[data-action="open"], button[data-action="import"]')).toHaveCount(0);
  await expect(page.getByRole('tab')).toHaveCount(0);
  // Encoded the other usual ways (`+` and `%20` for a space, an encoded `=`-free key): the same parts.
  await page.goto('/?embed=1&case=datang&sections=summary%2C+lq&lang=%65n');
  await expect(page.getByTestId('cluster-lq')).toHaveText('4.95');
  await expect(page.locator('#lq-heading')).toBeVisible();
  await expect(page.locator('.entry')).toHaveCount(0);
  await expect(page.locator('button[data-action="report"]')).toHaveText('Survey report');
});
