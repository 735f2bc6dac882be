// Offline after the first visit (issue 5): the service worker precaches the build; with the network gone the
// app starts, loads the workbench, analyses a case study and loads the spreadsheet module from the cache.
import { test, expect } from './fixtures';

test('after one visit the calculator works with no network', async ({ page, context }) => {
  await page.goto('/');
  await expect(page.locator('button[data-example="datang"]')).toBeVisible();
  // Installed and activated, with every file of the build in its cache.
  const cached = await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    const keys = await caches.keys();
    const cache = await caches.open(keys.find((k) => k.startsWith('clustercalc-'))!);
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
  for (const f of ['/', '/index.html', '/clustercalc-web_bg.wasm', '/clustercalc-workbench_bg.wasm', '/clustercalc-sheets_bg.wasm']) {
    expect(cached, f).toContain(f);
  }

  await context.setOffline(true);
  await page.reload();
  await page.locator('button[data-example="datang"]').click();
  await expect(page.getByTestId('cluster-lq')).toHaveText('4.95');
  // The spreadsheet module, never loaded while online, comes from the cache too.
  await page.locator('button[data-action="import"]').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('button[data-action="template-industries-xlsx"]').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/industries-template\.xlsx$/);
  await context.setOffline(false);
});
