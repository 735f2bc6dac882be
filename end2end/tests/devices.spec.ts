// The app on a tablet (768 × 1024, touch) and on a projector (large text at 1024 × 768): every step of the
// Datang case fits the width (no sideways scrolling of the page) and the results stay readable.
import { test, expect } from './fixtures';

for (const [name, viewport, large] of [
  ['tablet', { width: 768, height: 1024 }, false],
  ['projector', { width: 1024, height: 768 }, true],
] as const) {
  test(`${name}: every step fits the screen`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto('/');
    if (large) await page.getByLabel('大字').check();
    await page.locator('button[data-example="datang"]').click();
    await expect(page.getByTestId('cluster-lq')).toHaveText('4.95');
    if (large) await expect(page.locator('html')).toHaveClass(/large-text/);
    const steps = page.getByRole('navigation').getByRole('button');
    const n = await steps.count();
    expect(n).toBeGreaterThan(5);
    for (let i = 0; i < n; i++) {
      await steps.nth(i).click();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `step ${i + 1} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
    }
    await steps.nth(2).click();
    await page.screenshot({ path: `screenshots/device-${name}.png`, fullPage: false });
  });
}
