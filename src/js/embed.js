// Embedded in another page's iframe (?embed=1): report the content height to the host whenever it changes, so
// the host can size the iframe without scroll bars. The message carries no data, only the height.
let started = false;

export function reportHeight() {
  if (started || window.parent === window) return;
  started = true;
  const post = () =>
    window.parent.postMessage(
      { type: 'clustercalc:height', height: Math.ceil(document.documentElement.scrollHeight) },
      '*',
    );
  new ResizeObserver(post).observe(document.body);
  post();
}
