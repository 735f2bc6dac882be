// Scripting the calculator from a host page: load the workbench module, call engine methods, mount the app.
import init, { analyze, callMethod, mountInto } from './clustercalc-workbench.js';

await init({ module_or_path: new URL('./clustercalc-workbench_bg.wasm', import.meta.url) });

const town = { local: { 17: 6000, 18: 1500, 52: 2500 }, reference: { 17: 120000, 18: 90000, 52: 800000 } };
const lq = JSON.parse(callMethod('location-quotient', JSON.stringify(town), 'en'));
document.getElementById('lq').textContent = JSON.stringify(lq.lq);

try {
  callMethod('keynes', JSON.stringify({ c: 1.5, t: 0.1, m: 0.2 }), 'en');
} catch (e) {
  document.getElementById('error').textContent = e.message; // `path: reason`, as the CLI prints it
}

const dataset = await (await fetch(new URL('./datang.json', import.meta.url))).text();
const report = JSON.parse(analyze(dataset, 'en'));
document.getElementById('analysis').textContent = String(report.clusters[0].lq.employment);

mountInto(document.getElementById('calculator'), 'lang=en;embed=1;choice=example:xiqiao');
