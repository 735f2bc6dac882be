// The single-file build (issue 5): one HTML file with everything inlined — the workbench and spreadsheet modules
// (wasm as base64), their JavaScript bundled by esbuild, the stylesheet — that runs from file:// or a USB stick
// with no server and no network. It runs under its own strict Content-Security-Policy: the one inline script and
// the one inline style are allowed by their SHA-256 hashes, plus 'wasm-unsafe-eval'; nothing else.
//
// Usage: node single-file.mjs [dist-dir] [out-file]   (after `trunk build --release`; scripts/single-file.sh)
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const dist = resolve(process.argv[2] ?? '../dist');
const out = resolve(process.argv[3] ?? '../dist-single/clustercalc.html');
const b64 = (file) => readFileSync(join(dist, file)).toString('base64');

// The workbench and spreadsheet wasm, decoded only when used.
const entry = `
import { initSync, mount } from ${JSON.stringify(join(dist, 'clustercalc-workbench.js'))};
import { WORKBENCH } from 'inline:wasm';
const bytes = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
initSync({ module: bytes(WORKBENCH) });
// What the start screen would pass on: the saved view settings, and a share link in the fragment if any.
let prefs = 'lang=zh';
try { prefs = localStorage.getItem('clustercalc:prefs') || prefs; } catch (_) {}
const link = location.hash.startsWith('#share=') ? location.hash.slice('#share='.length) : '';
mount(prefs + ';choice=' + (link ? 'link\\n' + link : 'restore'));
`;

// The spreadsheet loader, for the single file: the module is bundled in and its wasm inlined.
const sheetsLoader = `
import init, * as sheets from ${JSON.stringify(join(dist, 'clustercalc-sheets.js'))};
import { SHEETS } from 'inline:wasm';
let ready = null;
function load() {
  if (!ready) ready = init({ module_or_path: Uint8Array.from(atob(SHEETS), (c) => c.charCodeAt(0)) }).then(() => sheets);
  return ready;
}
// No worker from file://: the workbook is read on the page; a trap is reported as a damaged workbook and the
// instance is dropped. Nothing runs in the background, so there is nothing to cancel.
async function call(name, ...args) {
  const mod = await load();
  try {
    return mod[name](...args);
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) {
      ready = null;
      throw 'damaged: ' + e.message;
    }
    throw e;
  }
}
export async function readWorkbook(bytes, onProgress) { return call('readWorkbook', bytes.slice(), onProgress); }
export async function writeWorkbook(json) { return call('writeWorkbook', json); }
export function cancelRead() {}
`;

const inline = {
  name: 'inline',
  setup(b) {
    b.onResolve({ filter: /^inline:wasm$/ }, () => ({ path: 'wasm', namespace: 'inline' }));
    b.onLoad({ filter: /.*/, namespace: 'inline' }, () => ({
      contents: `export const WORKBENCH = ${JSON.stringify(b64('clustercalc-workbench_bg.wasm'))};
                 export const SHEETS = ${JSON.stringify(b64('clustercalc-sheets_bg.wasm'))};`,
      loader: 'js',
    }));
    // The workbench imports its loader snippet by a relative path; the single file gets the inline one.
    b.onLoad({ filter: /sheets_loader\.js$/ }, () => ({ contents: sheetsLoader, loader: 'js', resolveDir: dist }));
  },
};

const result = await build({
  stdin: { contents: entry, resolveDir: dist, loader: 'js' },
  bundle: true,
  format: 'esm',
  minify: true,
  write: false,
  logLevel: 'warning',
  plugins: [inline],
});
const script = result.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
// The app's style sheet and the report document's (core/src/present/report.css), one inline style.
const css = readFileSync(join(dist, 'main.css'), 'utf8') + readFileSync(join(dist, 'report.css'), 'utf8');
const sha = (s) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
const csp = [
  "default-src 'none'",
  `script-src ${sha(script)} 'wasm-unsafe-eval'`,
  `style-src ${sha(css)}`,
  'img-src data: blob:',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const html = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>小城镇产业集群计算器</title>
<style>${css}</style>
</head>
<body>
<script type="module">${script}</script>
</body>
</html>
`;
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, html);
console.log(`single_file_bytes=${Buffer.byteLength(html)} ${out}`);
