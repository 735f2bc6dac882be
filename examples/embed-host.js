// Host side of the embedding example: sizes the iframe to the height the calculator reports. Only messages
// from the iframe's own window and of the calculator's type are used.
const frame = document.getElementById('clustercalc');
frame.style.border = '0';
window.addEventListener('message', (e) => {
  if (e.source !== frame.contentWindow || !e.data || e.data.type !== 'clustercalc:height') return;
  const h = Number(e.data.height);
  if (Number.isFinite(h) && h > 0 && h < 100000) frame.style.height = `${h}px`;
});
