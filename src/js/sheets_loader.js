// The spreadsheet module (.xlsx in and out), loaded the first time it is needed. Reading runs in a worker
// (src/js/clustercalc-sheets-worker.js) with progress and cancel; where no worker can start (file://, a host
// policy) it runs on the page. Writing (small: templates and result tables) runs on the page. This file is
// copied by wasm-bindgen to snippets/<crate>/src/js/, four levels below the build's root.
import { startWorker } from './app_files.js';

const root = new URL('../../../../', import.meta.url);
const build = () => document.querySelector('meta[name="clustercalc-build"]')?.content ?? '';
let loading = null;

function load() {
  if (!loading) {
    const js = new URL(`clustercalc-sheets.js?v=${build()}`, root).href;
    const wasm = new URL(`clustercalc-sheets_bg.wasm?v=${build()}`, root).href;
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
// so the next use starts a fresh one, and the caller is told the file is damaged.
async function call(name, ...args) {
  const mod = await load();
  try {
    return mod[name](...args);
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) {
      loading = null;
      throw `damaged: ${e.message}`;
    }
    throw e;
  }
}

// A worker for one read, or null where none can start (file://, a host policy): then the page reads.
function startSheetsWorker() {
  if (!root.protocol.startsWith('http')) return null;
  try {
    return startWorker('clustercalc-sheets-worker.js', build());
  } catch {
    return null;
  }
}

let current = null;

// Stops the read under way: its promise rejects with "cancelled".
export function cancelRead() {
  if (current) {
    current.worker.terminate();
    current.reject('cancelled: by the user');
    current = null;
  }
}

// JSON text [{name, rows}] of every sheet; rejects with "<code>: <detail>". `onProgress(phase, done, total)`.
export function readWorkbook(view, onProgress) {
  // A copy: `view` looks into the caller's memory, which may move before the read starts.
  const bytes = view.slice();
  const worker = startSheetsWorker();
  if (!worker) return call('readWorkbook', bytes, onProgress);
  cancelRead();
  return new Promise((resolve, reject) => {
    let ready = false;
    const finish = () => {
      worker.terminate();
      if (current?.worker === worker) current = null;
    };
    current = { worker, reject };
    worker.onmessage = (ev) => {
      const m = ev.data;
      if (m.type === 'ready') ready = true;
      else if (m.type === 'unavailable') {
        finish();
        call('readWorkbook', bytes, onProgress).then(resolve, reject);
      }
      else if (m.type === 'progress') onProgress?.(m.phase, m.done, m.total);
      else {
        finish();
        if (m.type === 'done') resolve(m.json);
        else reject(m.message);
      }
    };
    worker.onerror = (ev) => {
      ev.preventDefault();
      finish();
      // Before the module was ready the worker itself could not start: read on the page instead. After, the
      // worker died on this workbook (out of memory): the page does not try it again.
      if (ready) reject('damaged: the worker stopped');
      else call('readWorkbook', bytes, onProgress).then(resolve, reject);
    };
    const copy = bytes.slice();
    worker.postMessage({ bytes: copy.buffer }, [copy.buffer]);
  });
}

// The .xlsx bytes of [{name, rows}] (JSON text).
export async function writeWorkbook(json) {
  return call('writeWorkbook', json);
}
