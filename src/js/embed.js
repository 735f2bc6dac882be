// Embedded in another page's iframe (?embed=1): report the content height to the host whenever it changes, so
// the host can size the iframe without scroll bars, larger or smaller. The height is the body's: <html> keeps
// `height: auto`, so the body is as tall as what it holds, whereas the document's scrollHeight is never less
// than the iframe itself and would keep a grown iframe grown. The message carries no data, only the height.
let started = false;
let last = -1;

export function reportHeight() {
  if (started || window.parent === window) return;
  started = true;
  const body = document.body;
  const post = () => {
    // From the top of the document, so a margin above the first element counts too.
    const height = Math.ceil(body.getBoundingClientRect().bottom + window.scrollY);
    // Nothing drawn yet (0) is not a height for the host; an unchanged height is not news.
    if (height === 0 || height === last) return;
    last = height;
    window.parent.postMessage({ type: 'clustercalc:height', height }, '*');
  };
  // The body follows its content: the shell's screen, then the workbench that replaces it.
  new ResizeObserver(post).observe(body);
  post();
}
