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
        if (cmd.includes('chrom')) {
          // Private memory (USS: what this process alone holds), not RSS, which also counts Chromium's shared
          // code pages once in every process.
          const roll = readFileSync(`/proc/${k}/smaps_rollup`, 'utf8');
          const kb = (name) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(roll)?.[1] ?? 0);
          out.push({ pid: k, rss: kb('Rss') * 1024, uss: (kb('Private_Clean') + kb('Private_Dirty')) * 1024,
            renderer: cmd.includes('--type=renderer'), type: /--type=([a-z-]+)/.exec(cmd)?.[1] ?? 'browser' });
        }
      } catch { /* gone */ }
      walk(k);
    }
  };
  walk(root);
  return out;
}

// Peaks of the renderer processes (the page and its worker live in one) and of all of Chromium's processes.
const peak = { rendererRss: 0, rendererUss: 0, allUss: 0 };
let baseline = null;
const timeline = [];
const sampler = setInterval(() => {
  const ps = chromiumProcesses(process.pid);
  const sum = (list, k) => list.reduce((a, p) => a + p[k], 0);
  const renderers = ps.filter((p) => p.renderer);
  peak.rendererRss = Math.max(peak.rendererRss, sum(renderers, 'rss'));
  peak.rendererUss = Math.max(peak.rendererUss, sum(renderers, 'uss'));
  peak.allUss = Math.max(peak.allUss, sum(ps, 'uss'));
  if (baseline !== null) timeline.push(Math.round(sum(renderers, 'uss') / 1048576));
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
    const ps = chromiumProcesses(process.pid);
    baseline = ps.filter((p) => p.renderer).reduce((a, p) => a + p.uss, 0);
    console.log(`big_county_processes_before ${ps.map((p) => `${p.type}:rss=${(p.rss / 1048576).toFixed(0)},uss=${(p.uss / 1048576).toFixed(0)}`).join(' ')}`);
    Object.assign(peak, { rendererRss: 0, rendererUss: 0, allUss: 0 });
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
    console.log(`big_county_long_tasks=${longTasks.length} max_long_task_ms=${maxLong.toFixed(0)} at_s=${longTasks.map((t) => `${((t.start - before) / 1000).toFixed(2)}:${t.duration.toFixed(0)}ms`).join(',')}`);
    const handover = await page.evaluate(() => performance.getEntriesByName('clustercalc:big-handover').map((e) => e.duration));
    console.log(`big_county_handover_parse_ms=${handover.map((d) => d.toFixed(0)).join(',')} results_at_s=${((after - before) / 1000).toFixed(2)}`);
    console.log(`big_county_frame_round_trip_ms median=${answers[answers.length >> 1] ?? 0} max=${answers[answers.length - 1] ?? 0} samples=${answers.length}`);
    console.log(`big_county_worker_wasm_mb=${(wasmBytes / 1048576).toFixed(0)}`);
  });
} finally {
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
}
const mb = (b) => (b / 1048576).toFixed(0);
console.log(`big_county_renderer_uss_mb before=${mb(baseline)} peak=${mb(peak.rendererUss)} (rss peak ${mb(peak.rendererRss)}) all_chromium_uss_peak_mb=${mb(peak.allUss)}`);
console.log(`big_county_renderer_uss_timeline_mb_every_0.5s=${timeline.filter((_, i) => i % 5 === 0).join(',')}`);
