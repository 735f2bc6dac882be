// Loads the spreadsheet module (.xlsx in and out) the first time it is needed. It sits beside the workbench module
// in the build; this file is copied by wasm-bindgen to snippets/<crate>/src/js/, four levels below it. A failed
// load can be retried: the cached promise is dropped on error.
let loading = null;

function load() {
  if (!loading) {
    const build = document.querySelector('meta[name="clustercalc-build"]')?.content ?? '';
    const js = new URL(`../../../../clustercalc-sheets.js?v=${build}`, import.meta.url).href;
    const wasm = new URL(`../../../../clustercalc-sheets_bg.wasm?v=${build}`, import.meta.url).href;
    loading = import(js)
      .then(async (mod) => {
        await mod.default({ module_or_path: wasm });
        return mod;
      })
      .catch((e) => {
        loading = null;
        throw e;
      });
  }
  return loading;
}

// A trap inside the module (a panic in a library on a damaged file) leaves that instance unusable: it is dropped,
// so the next use starts a fresh one, and the caller shows the file as unreadable.
async function call(name, arg) {
  const mod = await load();
  try {
    return mod[name](arg);
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) loading = null;
    throw e;
  }
}

// JSON text [{name, rows}] of every sheet; rejects with a message.
export async function readWorkbook(bytes) {
  return call('readWorkbook', bytes);
}

// The .xlsx bytes of [{name, rows}] (JSON text).
export async function writeWorkbook(json) {
  return call('writeWorkbook', json);
}
