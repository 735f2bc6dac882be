// Loads the workbench module (everything after the start screen) once, on demand or as a prefetch after the first
// render, reporting downloaded bytes. A failed load can be retried: the cached promise is dropped on error.
let loading = null;
let loaded = null;

async function fetchBytes(url, onProgress) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status} ${url}`);
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const chunks = [];
  let n = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    n += value.length;
    onProgress(n);
  }
  const out = new Uint8Array(n);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

async function load(onProgress) {
  const base = document.baseURI;
  const build = document.querySelector('meta[name="clustercalc-build"]')?.content ?? '';
  const js = new URL(`clustercalc-workbench.js?v=${build}`, base).href;
  const wasm = new URL(`clustercalc-workbench_bg.wasm?v=${build}`, base).href;
  const [mod, bytes] = await Promise.all([import(js), fetchBytes(wasm, onProgress)]);
  await mod.default({ module_or_path: bytes });
  loaded = mod;
}

export function loadWorkbench(onProgress) {
  if (!loading) {
    loading = load(onProgress).catch((e) => {
      loading = null;
      throw e;
    });
  }
  return loading;
}

// Call only after loadWorkbench resolved. `file`: a big dataset file picked on the first screen, or null.
export function mountWorkbench(request, file) {
  if (file) loaded.mountWithFile(request, file);
  else loaded.mount(request);
}
