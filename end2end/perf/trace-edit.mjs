// Diagnostic: a Chrome trace of edits in the 50 × 5 000 benchmark town, summarised by event name (self time on
// the page's main thread during the edits). Usage: node perf/trace-edit.mjs [dist] [port] [fill|in-page]
// `in-page` dispatches the input events from page script (no DevTools round trip in the edit).
import { withPage, typeInPage } from './browser.mjs';
import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dist = process.argv[2] ?? '../dist';
const port = Number(process.argv[3] ?? 8093);
const inPage = process.argv[4] === 'in-page';
const bin = process.env.CLUSTERCALC_BIN ?? '../target/debug/clustercalc';
const dir = mkdtempSync(join(tmpdir(), 'clustercalc-'));
const file = join(dir, 'big-town.clustercalc.json');
writeFileSync(file, execFileSync(bin, ['example', 'synthetic-town:50x5000'], { maxBuffer: 64 << 20 }));

await withPage(dist, port, async (page, origin) => {
  await page.goto(origin);
  await page.locator('input[data-choice="open"]').setInputFiles(file);
  // QUERY=?sections=entry,lq (say) reloads into the same session with only those parts shown.
  if (process.env.QUERY) {
    await page.getByRole('navigation').waitFor();
    await page.goto(origin + process.env.QUERY);
  }
  await page.getByRole('navigation').getByRole('button', { name: '行业就业' }).click();
  const cell = page.getByLabel('本镇就业（人） 1', { exact: true });
  await cell.waitFor();
  for (let i = 0; i < 3; i++) { await cell.fill(String(250 + i)); await page.waitForTimeout(100); }
  const traceFile = join(dir, 'trace.json');
  await page.context().browser().startTracing(page, { path: traceFile, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink', 'blink.user_timing', 'v8', 'disabled-by-default-v8.gc', 'toplevel', 'disabled-by-default-devtools.timeline.frame', 'cc', 'gpu'] });
  for (let i = 0; i < 10; i++) {
    await page.evaluate(() => performance.clearMeasures());
    if (inPage) {
      await typeInPage(cell, 300 + i);
    } else {
      await cell.fill(String(300 + i));
    }
    await page.waitForFunction(() => performance.getEntriesByName('clustercalc:edit-to-paint').length > 0);
    await page.waitForTimeout(50);
  }
  await page.context().browser().stopTracing();
  const events = JSON.parse(readFileSync(traceFile, 'utf8')).traceEvents ?? [];
  // The renderer main thread: the thread named CrRendererMain.
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const mine = events.filter((e) => e.ph === 'X' && e.pid === main.pid && e.tid === main.tid);
  const byName = new Map();
  for (const e of mine) byName.set(e.name, (byName.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
  const top = [...byName.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25);
  for (const [n, ms] of top) console.log(`${(ms / 10).toFixed(2)} ms/edit  ${n}`);
  // One edit, task by task: from its mark to the next 40 ms.
  const marks = events.filter((e) => e.name === 'clustercalc:edit').map((e) => e.ts).sort((a, b) => a - b);
  const t0 = marks[5];
  const tasks = mine.filter((e) => e.name === 'RunTask' && e.ts + e.dur >= t0 - 2000 && e.ts <= t0 + 60000 && e.dur > 300);
  for (const t of tasks) {
    const inside = (e, p) => e !== p && e.ts >= p.ts && e.ts + (e.dur ?? 0) <= p.ts + p.dur;
    const all = events.filter((e) => e.ph === 'X' && e.pid === main.pid && e.tid === main.tid && inside(e, t));
    const depth = (e) => all.filter((p) => p.dur > e.dur && inside(e, p)).length;
    const kids = all.filter((e) => depth(e) <= 2 && e.dur > 200)
      .map((e) => `${'  '.repeat(depth(e))}${e.name}@${((e.ts - t0) / 1000).toFixed(1)}:${(e.dur / 1000).toFixed(1)}`).join('\n      ');
    console.log(`task at ${((t.ts - t0) / 1000).toFixed(1)} ms, ${(t.dur / 1000).toFixed(1)} ms:\n      ${kids}`);
    const any = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ts >= t.ts && e.ts <= t.ts + t.dur && e !== t)
      .map((e) => `${e.name}(${e.ph}${e.dur ? ':' + (e.dur / 1000).toFixed(1) : ''})`);
    console.log(`      all: ${[...new Set(any)].slice(0, 30).join(' ')}`);
  }
  const frames = events.filter((e) => e.name === 'clustercalc:painted' || e.name === 'clustercalc:edit').filter((e) => e.ts >= t0 - 1 && e.ts <= t0 + 80000);
  for (const f of frames) console.log(`${f.name} at ${((f.ts - t0) / 1000).toFixed(1)} ms`);
});
