// The spreadsheet worker: reads an .xlsx workbook with the spreadsheet module (sheets/) off the page's thread, so
// that a big or hostile workbook never freezes the page and the user can cancel (the page terminates the worker).
// Started by src/js/sheets_loader.js, one worker per read. It fetches nothing but the spreadsheet module's own
// files and answers only the page that started it.
//
// Messages in:  { bytes: ArrayBuffer }
// Messages out: { type: "unavailable" }   the module could not load here: the page reads the workbook itself
//               { type: "ready" }   the module is loaded; a later failure is the workbook's, not the worker's
//               { type: "progress", phase: "check" | "sheet", done, total }
//               { type: "done", json }        JSON text [{name, rows}]
//               { type: "error", message }    "<code>: <detail>", the code one of the reader's problems
const build = new URL(import.meta.url).searchParams.get('v') ?? '';
let mod = null;

async function load() {
  if (!mod) {
    const m = await import(new URL(`./clustercalc-sheets.js?v=${build}`, import.meta.url).href);
    await m.default({ module_or_path: new URL(`./clustercalc-sheets_bg.wasm?v=${build}`, import.meta.url) });
    mod = m;
  }
  return mod;
}

self.onmessage = async (ev) => {
  let m;
  try {
    m = await load();
  } catch (e) {
    self.postMessage({ type: 'unavailable', message: String(e?.message ?? e) });
    return;
  }
  self.postMessage({ type: 'ready' });
  let last = 0;
  try {
    const json = m.readWorkbook(new Uint8Array(ev.data.bytes), (phase, done, total) => {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      self.postMessage({ type: 'progress', phase, done, total });
    });
    self.postMessage({ type: 'done', json });
  } catch (e) {
    // A trap (a library's panic, or memory exhausted) is the workbook's problem; this worker is not used again.
    const message =
      e instanceof WebAssembly.RuntimeError ? `damaged: ${e.message}` : typeof e === 'string' ? e : String(e?.message ?? e);
    self.postMessage({ type: 'error', message });
  }
};
