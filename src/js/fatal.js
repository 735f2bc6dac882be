// The calculator's last line of defence. A trap in the workbench module (a bug's panic, or memory exhausted:
// WebAssembly.RuntimeError) stops that module for good — none of its buttons works afterwards, 保存文件 included.
// This plain script then covers the calculator with a notice in the user's language that offers the data as a
// recovery file (the copy kept here when browser storage could not hold it, else the last autosave) and a
// reload, which opens the autosave again. The words come from the app (src/i18n.rs) through fatalTexts.
const RECOVERY = Symbol.for('clustercalc.recovery');
const AUTOSAVE = 'clustercalc:autosave';
let texts = null;
let root = null;
let shown = false;

// The dataset JSON that browser storage could not take (too big, full, or no storage): the recovery file's text.
export function keepRecovery(text) {
  globalThis[RECOVERY] = text;
}

export function dropRecovery() {
  delete globalThis[RECOVERY];
}

function recoveryText() {
  if (typeof globalThis[RECOVERY] === 'string') return globalThis[RECOVERY];
  try {
    return localStorage.getItem(AUTOSAVE);
  } catch {
    return null;
  }
}

// The words of the notice in the current language: { title, body, nothing, save, reload, file }.
export function fatalTexts(t) {
  texts = t;
}

function show(error) {
  if (shown || !texts) return;
  shown = true;
  console.error('clustercalc: the calculator stopped', error);
  const data = recoveryText();
  const box = document.createElement('div');
  box.className = 'fatal-backdrop';
  const dialog = document.createElement('div');
  dialog.className = 'fatal panel';
  dialog.setAttribute('role', 'alertdialog');
  dialog.setAttribute('aria-labelledby', 'clustercalc-fatal-title');
  dialog.dataset.testid = 'fatal';
  const h = document.createElement('h2');
  h.id = 'clustercalc-fatal-title';
  h.textContent = texts.title;
  const p = document.createElement('p');
  p.textContent = data ? texts.body : texts.nothing;
  dialog.append(h, p);
  const actions = document.createElement('p');
  if (data) {
    const save = document.createElement('button');
    save.className = 'primary';
    save.textContent = texts.save;
    save.dataset.action = 'fatal-save';
    save.addEventListener('click', () => {
      const url = URL.createObjectURL(new Blob([data], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = texts.file;
      a.rel = 'noopener';
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    });
    actions.append(save, ' ');
  }
  const reload = document.createElement('button');
  reload.textContent = texts.reload;
  reload.dataset.action = 'fatal-reload';
  reload.addEventListener('click', () => location.reload());
  actions.append(reload);
  dialog.append(actions);
  box.append(dialog);
  (root ?? document.body).append(box);
  dialog.querySelector('button')?.focus();
}

// Watches for a trap from now on; `element` is where the calculator is mounted (the notice covers it).
export function armFatal(element) {
  if (root) return;
  root = element;
  addEventListener('error', (e) => {
    if (e.error instanceof WebAssembly.RuntimeError) show(e.error);
  });
  addEventListener('unhandledrejection', (e) => {
    if (e.reason instanceof WebAssembly.RuntimeError) show(e.reason);
  });
}
