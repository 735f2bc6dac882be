// Measures the big-data path (issue 6): a county with 1 000 000 firms (`clustercalc example
// synthetic-county:20x1000000`, ~110 MB of JSON) picked on the first screen, read, checked and analysed in the
// analysis worker. Reports the time from picking the file to the results, the page's long tasks (the page must
// stay responsive: none over 200 ms), the worker's wasm memory, and the peak resident memory of Chromium's
// renderer process (the page and its worker) and of all its processes, sampled from /proc every 100 ms.
// A report, not a test. Usage: node perf/big-county.mjs [dist-dir] [port] [firms]
import { withPage } from './browser.mjs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dist = process.argv[2] ?? '../dist';
const port = Number(process.argv[3] ?? 8092);
const firms = Number(process.argv[4] ?? 1_000_000);
const bin = process.env.CLUSTERCALC_BIN ?? '../target/debug/clustercalc';
const dir = mkdtempSync(join(tmpdir(), 'clustercalc-county-'));
const file = join(dir, `county-${firms}.clustercalc.json`);
writeFileSync(file, execFileSync(bin, ['example', `synthetic-county:20x${firms}`], { maxBuffer: 1 << 30 }));
const fileMb = statSync(file).size / 1048576;

/** Processes below `root` (this node process): pid → { rss bytes, renderer? }. */
function chromiumProcesses(root) {
  const kids = new Map();
  for (const p of readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!kids.has(ppid)) kids.set(ppid, []);
      kids.get(ppid).push(Number(p));
    } catch { /* gone */ }
  }
  const out = [];
  const walk = (pid) => {
    for (const k of kids.get(pid) ?? []) {
      try {
        const cmd = readFileSync(`/proc/${k}/cmdline`, 'utf8');
        const rss = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${k}/status`, 'utf8'))?.[1] ?? 0) * 1024;
        if (cmd.includes('chrom')) out.push({ pid: k, rss, renderer: cmd.includes('--type=renderer') });
      } catch { /* gone */ }
      walk(k);
    }
  };
  walk(root);
  return out;
}

let peakRenderer = 0;
let peakAll = 0;
const sampler = setInterval(() => {
  const ps = chromiumProcesses(process.pid);
  peakRenderer = Math.max(peakRenderer, ps.filter((p) => p.renderer).reduce((a, p) => a + p.rss, 0));
  peakAll = Math.max(peakAll, ps.reduce((a, p) => a + p.rss, 0));
}, 100);

try {
  await withPage(dist, port, async (page, origin) => {
    await page.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(origin);
    await page.locator('input[data-choice="open"]').waitFor({ state: 'attached' });
    // Wait for the workbench prefetch, so the run measures the analysis, not the first download.
    await page.waitForTimeout(1500);
    const before = await page.evaluate(() => { const t = performance.now(); window.__longTasks = []; return t; });
    await page.locator('input[data-choice="open"]').setInputFiles(file);
    // While the worker runs, the page must answer: time round trips to the page's thread every 250 ms.
    const answers = [];
    let done = false;
    const facts = page.getByTestId('big-facts');
    const probe = (async () => {
      while (!done) {
        const t = Date.now();
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(0))));
        answers.push(Date.now() - t);
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
    await facts.waitFor({ timeout: 600_000 });
    done = true;
    await probe;
    const after = await page.evaluate(() => performance.now());
    const facts_text = await facts.textContent();
    const wasmBytes = Number(await page.getByTestId('big-dataset').getAttribute('data-wasm-bytes'));
    const longTasks = await page.evaluate(() => window.__longTasks);
    const lq = await page.getByTestId('cluster-lq').first().textContent();
    const maxLong = longTasks.reduce((a, t) => Math.max(a, t.duration), 0);
    answers.sort((a, b) => a - b);
    console.log(`big_county_firms=${firms} file_mb=${fileMb.toFixed(1)}`);
    console.log(`big_county_facts="${facts_text}" cluster_lq=${lq}`);
    console.log(`big_county_pick_to_results_s=${((after - before) / 1000).toFixed(1)}`);
    console.log(`big_county_long_tasks=${longTasks.length} max_long_task_ms=${maxLong.toFixed(0)}`);
    console.log(`big_county_frame_round_trip_ms median=${answers[answers.length >> 1] ?? 0} max=${answers[answers.length - 1] ?? 0} samples=${answers.length}`);
    console.log(`big_county_worker_wasm_mb=${(wasmBytes / 1048576).toFixed(0)}`);
  });
} finally {
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
}
console.log(`big_county_peak_renderer_rss_mb=${(peakRenderer / 1048576).toFixed(0)} peak_all_chromium_rss_mb=${(peakAll / 1048576).toFixed(0)}`);
