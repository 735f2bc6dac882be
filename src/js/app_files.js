// Where the app's own files are: resolved from this module's URL, not the page's, so that a host page that
// imports the workbench (the JavaScript API's mountInto) from another folder or another origin finds them too.
// wasm-bindgen copies this file to snippets/<crate>/src/js/, four levels below the build's root.
const root = new URL('../../../../', import.meta.url);

// Starts the module worker `script` (a file of the build's root) of build `build`. A page cannot start a worker
// from another origin's script: there a same-origin blob worker imports it (the host's CSP then needs
// `worker-src blob:`). Throws when no worker can start here (file://, or a policy that forbids it).
export function startWorker(script, build) {
  const url = new URL(`${script}?v=${encodeURIComponent(build)}`, root);
  if (url.origin === self.location.origin) return new Worker(url, { type: 'module' });
  const src = URL.createObjectURL(new Blob([`import ${JSON.stringify(url.href)};`], { type: 'text/javascript' }));
  try {
    return new Worker(src, { type: 'module' });
  } finally {
    // The worker has taken its script's URL when it was made.
    URL.revokeObjectURL(src);
  }
}

// The analysis worker (src/big.rs); on a throw the caller opens the file on the page.
export function startAnalysisWorker(build) {
  return startWorker('clustercalc-analysis-worker.js', build);
}
