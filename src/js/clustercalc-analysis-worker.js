// The analysis worker: a module Web Worker that reads, validates and analyses a big dataset file (a county with a
// million firms) with the workbench module's `analyzeFile`, so the page's thread stays free to draw and to answer
// the cancel button. Started by src/big.rs; the page cancels by terminating it. It fetches nothing but the
// workbench's own files (already in the browser's cache or the service worker's) and sends results only to the
// page that started it.
//
// Messages in:  { file: File, lang: "zh" | "en" }
// Messages out: { type: "progress", phase: "load" | "read" | "analyze", done, total }
//               { type: "done", report: string, dataset: string, firms: number, wasmBytes: number }
//               { type: "error", path, reason, message }
//
// Its files are resolved from this module's URL, not the worker's location: started from a host page on another
// origin, the worker is a blob that imports this module (src/js/app_files.js).
const build = new URL(import.meta.url).searchParams.get('v') ?? '';
let engine = null;

async function load() {
  if (!engine) {
    const mod = await import(new URL(`./clustercalc-workbench.js?v=${build}`, import.meta.url).href);
    const wasm = await mod.default({
      module_or_path: new URL(`./clustercalc-workbench_bg.wasm?v=${build}`, import.meta.url),
    });
    engine = { mod, memory: wasm.memory };
  }
  return engine;
}

self.onmessage = async (ev) => {
  const { file, lang } = ev.data;
  try {
    self.postMessage({ type: 'progress', phase: 'load', done: 0, total: 1 });
    const { mod, memory } = await load();
    const out = mod.analyzeFile(file, lang, (phase, done, total) =>
      self.postMessage({ type: 'progress', phase, done, total }),
    );
    self.postMessage({
      type: 'done',
      report: out.report,
      dataset: out.dataset,
      firms: out.firms,
      wasmBytes: memory.buffer.byteLength,
    });
  } catch (e) {
    self.postMessage({
      type: 'error',
      path: e?.path ?? '',
      reason: e?.reason ?? '',
      message: e?.message ?? String(e),
    });
  }
};
