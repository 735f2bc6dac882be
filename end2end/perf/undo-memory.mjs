// Memory of undo on a big firm list (issue 19: undo used to copy the whole dataset per edit, so 66 edits after
// importing 330 000 firms filled the 4 GB wasm memory). Opens a 30 000-firm town (the CLI's synthetic county,
// small enough to stay in the page), makes 80 edit groups on town fields (alternating two fields, so each is
// its own undo step), and reports the growth of the renderer's private memory (USS) and the time the edits
// took; then undoes five steps and checks that the last five edits are gone. A report, not a timed test: it
// fails only when undo does not bring the values back.
// Usage: node perf/undo-memory.mjs [dist-dir] [port]
import { withPage, typeInPage } from './browser.mjs';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dist = process.argv[2] ?? '../dist';
const port = Number(process.argv[3] ?? 8094);
const bin = process.env.CLUSTERCALC_BIN ?? '../target/debug/clustercalc';
const FIRMS = 30_000;
const EDITS = 80;
const file = join(mkdtempSync(join(tmpdir(), 'clustercalc-')), 'undo-town.clustercalc.json');
writeFileSync(file, execFileSync(bin, ['example', `synthetic-county:2x${FIRMS}`], { maxBuffer: 64 << 20 }));

/** Private memory (USS) of Chromium's renderer processes, bytes. */
function rendererUss() {
  let total = 0;
  for (const p of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      const cmd = readFileSync(`/proc/${p}/cmdline`, 'utf8');
      if (!cmd.includes('chrom') || !cmd.includes('--type=renderer')) continue;
      const roll = readFileSync(`/proc/${p}/smaps_rollup`, 'utf8');
      const kb = (n) => Number(new RegExp(`${n}:\\s+(\\d+) kB`).exec(roll)?.[1] ?? 0);
      total += (kb('Private_Clean') + kb('Private_Dirty')) * 1024;
    } catch { /* gone */ }
  }
  return total;
}

const mb = (b) => (b / 1048576).toFixed(0);
await withPage(dist, port, async (page, url) => {
  await page.goto(url);
  await page.locator('input[data-choice="open"]').setInputFiles(file);
  await page.getByRole('navigation').getByRole('button', { name: '乡镇基本情况' }).click();
  const pop = page.getByLabel('常住人口').first();
  const labour = page.getByLabel('劳动力').first();
  await pop.waitFor();
  await page.waitForTimeout(1500);
  const before = rendererUss();
  const t0 = Date.now();
  for (let k = 0; k < EDITS; k++) {
    await typeInPage(k % 2 ? pop : labour, 1000 + k);
    await page.waitForTimeout(20);
  }
  const ms = Date.now() - t0;
  await page.waitForTimeout(1500);
  const after = rendererUss();
  const undo = page.getByRole('button', { name: '撤销', exact: true });
  for (let k = 0; k < 5; k++) await undo.click();
  // Re-enter the step so that the fields show the dataset (a field keeps its own text until it is left).
  await page.getByRole('navigation').getByRole('button', { name: '行业就业' }).click();
  await page.getByRole('navigation').getByRole('button', { name: '乡镇基本情况' }).click();
  const got = [await pop.inputValue(), await labour.inputValue()].map((v) => v.replace(/,/g, ''));
  const want = [String(1000 + EDITS - 7), String(1000 + EDITS - 6)];
  console.log(`undo_memory: ${EDITS} edit groups on a ${FIRMS.toLocaleString('en-US')}-firm town: renderer private memory ${mb(before)} → ${mb(after)} MB (+${mb(after - before)} MB); the edits took ${ms} ms`);
  console.log(`undo_memory: after 5 undos population ${got[0]} and labour force ${got[1]} (want ${want[0]} and ${want[1]})`);
  if (got[0] !== want[0] || got[1] !== want[1]) {
    console.error('undo did not bring the values back');
    process.exitCode = 1;
  }
});
