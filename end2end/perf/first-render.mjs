// Measures the time to first meaningful render of the release build in headless Chromium: the median of 5
// reloads of the page (performance mark "clustercalc:rendered", set right after the app mounts) and of first
// contentful paint. A report, not a test: it prints numbers and fails only when the page does not render.
// Usage: node perf/first-render.mjs [dist-dir] [port]
import { withPage } from './browser.mjs';

const dist = process.argv[2] ?? '../dist';
const port = Number(process.argv[3] ?? 8089);
await withPage(dist, port, async (page, origin) => {
  const rendered = [];
  const fcp = [];
  for (let i = 0; i < 6; i++) {
    await page.goto(origin, { waitUntil: 'load' });
    await page.waitForFunction(() => performance.getEntriesByName('clustercalc:rendered').length > 0, null, { timeout: 10000 });
    const t = await page.evaluate(() => ({
      rendered: performance.getEntriesByName('clustercalc:rendered')[0].startTime,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    }));
    if (i > 0) { rendered.push(t.rendered); fcp.push(t.fcp); } // the first load warms the server's file cache
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`first_render_ms runs=${rendered.map((x) => x.toFixed(0)).join(',')}`);
  console.log(`first_render_median_ms=${median(rendered).toFixed(0)}`);
  console.log(`first_contentful_paint_median_ms=${median(fcp).toFixed(0)}`);
});
