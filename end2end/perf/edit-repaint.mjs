// Measures edit → recomputed results → repaint for a big town (50 industries, 5 000 firms; the benchmark town
// from `clustercalc example synthetic-town:50x5000`): 20 edits of one employment cell, each waited for, reading
// the app's own `clustercalc:edit-to-paint` measures (src/perf.rs), typed through Playwright and then dispatched
// from inside the page. A report, not a test.
// Usage: node perf/edit-repaint.mjs [dist-dir] [port]
import { withPage } from './browser.mjs';
import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dist = process.argv[2] ?? '../dist';
const port = Number(process.argv[3] ?? 8090);
const bin = process.env.CLUSTERCALC_BIN ?? '../target/debug/clustercalc';
const file = join(mkdtempSync(join(tmpdir(), 'clustercalc-')), 'big-town.clustercalc.json');
writeFileSync(file, execFileSync(bin, ['example', 'synthetic-town:50x5000'], { maxBuffer: 64 << 20 }));

await withPage(dist, port, async (page, origin) => {
  // A second opinion from the browser itself: the Event Timing API's duration of each edit's input event (from the
  // event to the next paint after its handlers, what Chrome's INP reports; 8 ms granularity).
  await page.addInitScript(() => {
    window.__inputEvents = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'input') window.__inputEvents.push(e.duration);
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  });
  await page.goto(origin);
  await page.locator('input[data-choice="open"]').setInputFiles(file);
  await page.getByRole('navigation').getByRole('button', { name: '行业就业' }).click();
  const cell = page.getByLabel('本镇就业（人） 1', { exact: true });
  await cell.waitFor();
  const times = [];
  const parts = { validate: [], analyze: [] };
  for (let i = 0; i < 21; i++) {
    await page.evaluate(() => performance.clearMeasures());
    await cell.fill(String(300 + i));
    await page.waitForFunction(() => performance.getEntriesByName('clustercalc:edit-to-paint').length > 0);
    const d = await page.evaluate(() => performance.getEntriesByName('clustercalc:edit-to-paint')[0].duration);
    const p = await page.evaluate(() => ({
      validate: performance.getEntriesByName('clustercalc:validate').reduce((a, e) => a + e.duration, 0),
      analyze: performance.getEntriesByName('clustercalc:analyze').reduce((a, e) => a + e.duration, 0),
    }));
    if (i > 0) { // the first edit warms caches
      times.push(d);
      parts.validate.push(p.validate);
      parts.analyze.push(p.analyze);
    }
  }
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  console.log(`edit_to_paint_ms runs=${times.map((x) => x.toFixed(1)).join(',')}`);
  console.log(`edit_to_paint_median_ms=${at(0.5).toFixed(1)}`);
  console.log(`edit_to_paint_p90_ms=${at(0.9).toFixed(1)}`);
  const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  // Input events under 16 ms are not reported by the browser: count them as 16 (the threshold).
  const events = await page.evaluate(() => window.__inputEvents);
  const inp = [...events, ...Array(Math.max(0, 21 - events.length)).fill(16)].slice(1);
  console.log(`event_timing_input_median_ms=${med(inp).toFixed(0)} (reported over 16 ms: ${events.length} of 21; values ${events.join(',')})`);
  console.log(`of_which_validate_median_ms=${med(parts.validate).toFixed(1)} analyze_median_ms=${med(parts.analyze).toFixed(1)}`);

  // The same edits made from inside the page: the input event is dispatched by page script, so the time has no
  // DevTools round trip in it (Playwright's fill goes through the DevTools protocol, which costs the page's
  // thread a task of its own before the frame). The app's handler, reactive work and repaint are the same.
  const inPage = [];
  for (let i = 0; i < 21; i++) {
    await page.evaluate(() => performance.clearMeasures());
    await cell.evaluate((el, v) => {
      el.value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, String(400 + i));
    await page.waitForFunction(() => performance.getEntriesByName('clustercalc:edit-to-paint').length > 0);
    const d = await page.evaluate(() => performance.getEntriesByName('clustercalc:edit-to-paint')[0].duration);
    if (i > 0) inPage.push(d);
  }
  const sortedIn = [...inPage].sort((a, b) => a - b);
  console.log(`in_page_edit_to_paint_ms runs=${inPage.map((x) => x.toFixed(1)).join(',')}`);
  console.log(`in_page_edit_to_paint_median_ms=${sortedIn[sortedIn.length >> 1].toFixed(1)} p90_ms=${sortedIn[Math.floor(0.9 * sortedIn.length)].toFixed(1)}`);
});
