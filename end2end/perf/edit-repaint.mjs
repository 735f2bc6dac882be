// Measures edit → recomputed results → repaint for a big town (50 industries, 5 000 firms; the benchmark town
// from `clustercalc example synthetic-town:50x5000`), reading the app's own `clustercalc:edit-to-paint` measures
// (src/perf.rs: from the start of the input handler to the end of the frame that paints the new results).
// A report, not a test.
//
// How, and why so:
// - The edited field has focus and the mouse is parked off the page, as when someone types a column of figures.
//   (A focused field shows a caret, which the browser composites: the page must be cheap to layerize with it.)
// - The first 60 edits warm up and are reported apart: V8 runs wasm with a baseline compiler first and optimises
//   the hot functions after a few dozen calls, so the first edits are slower.
// - Each series interleaves its edits over the same minute with the others' (rounds), so that the machine's
//   drift (a shared 2-core VM) does not favour one series.
// - Series: `in_page` dispatches the input event from page script, which is what typing does; `fill` types
//   through Playwright's DevTools protocol, which adds a round trip of its own to the page's thread; `noop_field`
//   edits a text field with no handler on the same page, the browser's own floor for one changed field;
//   `firm_in_page` types one firm's employment in the firm list (after the others, not interleaved). With the
//   display's 60 Hz refresh on, a result waits for the next refresh; the second browser run, with the frame rate
//   unlimited, shows the work alone.
// Usage: node perf/edit-repaint.mjs [dist-dir] [port]
import { withPage, typeInPage } from './browser.mjs';
import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dist = process.argv[2] ?? '../dist';
const port = Number(process.argv[3] ?? 8090);
const bin = process.env.CLUSTERCALC_BIN ?? '../target/debug/clustercalc';
const file = join(mkdtempSync(join(tmpdir(), 'clustercalc-')), 'big-town.clustercalc.json');
writeFileSync(file, execFileSync(bin, ['example', 'synthetic-town:50x5000'], { maxBuffer: 64 << 20 }));
const WARM = 60;
const ROUNDS = 6;
const PER_ROUND = 10;

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const summary = (xs) => `median_ms=${quantile(xs, 0.5).toFixed(1)} p90_ms=${quantile(xs, 0.9).toFixed(1)} n=${xs.length}`;

async function run(label, withFill) {
  await withPage(dist, port, async (page, origin) => {
    // The browser's own view of each input event (Event Timing, what Chrome's INP reports: from the event to the
    // next paint after its handlers, in 8 ms steps; only events over 16 ms are reported).
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
    await page.mouse.move(0, 0);
    await cell.focus();
    // A field with no handler, on the same page, for the floor.
    await page.evaluate(() => {
      const i = document.createElement('input');
      i.type = 'text';
      i.id = 'perf-noop';
      i.setAttribute('aria-label', 'perf');
      document.querySelector('.entry h2').after(i);
    });
    const measured = async (act) => {
      await page.evaluate(() => performance.clearMeasures());
      await act();
      await page.waitForFunction(() => performance.getEntriesByName('clustercalc:edit-to-paint').length > 0);
      return page.evaluate(() => performance.getEntriesByName('clustercalc:edit-to-paint')[0].duration);
    };
    const inPage = (v) => measured(() => typeInPage(cell, v));
    const fill = (v) => measured(() => cell.fill(String(v)));
    // The floor: the same mark → frame → timeout path around a field nobody listens to.
    const noop = (v) => page.evaluate((v) => new Promise((done) => {
      const el = document.getElementById('perf-noop');
      const t0 = performance.now();
      el.value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0)));
    }), String(v));

    const warm = [];
    for (let i = 0; i < WARM; i++) warm.push(await inPage(300 + i));
    await cell.focus();
    const series = { in_page: [], ...(withFill ? { fill: [] } : {}), noop_field: [] };
    const analyze = [];
    for (let r = 0; r < ROUNDS; r++) {
      for (let i = 0; i < PER_ROUND; i++) {
        series.in_page.push(await inPage(400 + r * PER_ROUND + i));
        analyze.push(await page.evaluate(() => performance.getEntriesByName('clustercalc:analyze').reduce((a, e) => a + e.duration, 0)));
      }
      if (withFill) {
        await page.evaluate(() => { window.__inputEvents = []; });
        for (let i = 0; i < PER_ROUND; i++) series.fill.push(await fill(500 + r * PER_ROUND + i));
      }
      for (let i = 0; i < PER_ROUND; i++) series.noop_field.push(await noop(600 + i));
      await cell.focus();
    }
    console.log(`[${label}]`);
    console.log(`  first_${WARM}_edits ${summary(warm)} (first three ${warm.slice(0, 3).map((x) => x.toFixed(1)).join(', ')})`);
    for (const [name, xs] of Object.entries(series)) console.log(`  ${name} ${summary(xs)}`);
    console.log(`  of_which_analyze_median_ms=${quantile(analyze, 0.5).toFixed(2)}`);
    if (withFill) {
      const events = await page.evaluate(() => window.__inputEvents);
      console.log(`  event_timing_fill_last_round: ${events.length} of ${PER_ROUND} input events over 16 ms (${events.join(',')})`);
    }
    // The same town's firm list (50 rows a page of 5 000): one firm's employment, typed in the page.
    await page.getByRole('navigation').getByRole('button', { name: '企业', exact: true }).click();
    const firm = page.getByLabel('从业人数（人） 1', { exact: true });
    await firm.waitFor();
    await firm.focus();
    const firmEdit = (v) => measured(() => typeInPage(firm, v));
    for (let i = 0; i < 20; i++) await firmEdit(10 + i);
    const firms = [];
    for (let i = 0; i < ROUNDS * PER_ROUND; i++) firms.push(await firmEdit(40 + i));
    console.log(`  firm_in_page ${summary(firms)}`);
  });
}

await run('display refresh 60 Hz', true);
process.env.CHROMIUM_EXTRA = '--disable-frame-rate-limit --disable-gpu-vsync';
await run('frame rate unlimited: the work alone', false);
