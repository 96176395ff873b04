// The bare page's whole program: sample sigmoid and its derivative in plain JavaScript and
// draw them once with Chart.js, with the options the explorer uses (no animation, no
// parsing, fixed x-range, no points).
/* global Chart */
(function draw() {
  const XMIN = -10;
  const XMAX = 10;
  const canvas = document.getElementById('sigmoid-chart');
  const n = Math.max(64, Math.min(1600, Math.round(canvas.parentElement.clientWidth)));
  const f = new Array(n);
  const df = new Array(n);
  for (let i = 0; i < n; i += 1) {
    const x = XMIN + ((XMAX - XMIN) * i) / (n - 1);
    // Sign-split so exp never overflows.
    const s = x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    f[i] = { x, y: s };
    df[i] = { x, y: s * (1 - s) };
  }
  const line = (label, data, color, dash) => ({
    label, data, borderColor: color, borderWidth: 2.25, borderDash: dash, pointRadius: 0, tension: 0, fill: false,
  });
  // eslint-disable-next-line no-new
  new Chart(canvas, {
    type: 'line',
    data: { datasets: [line('f', f, '#0072b2', []), line('df', df, '#d55e00', [7, 4])] },
    options: {
      animation: false,
      parsing: false,
      normalized: true,
      responsive: true,
      maintainAspectRatio: false,
      events: [],
      plugins: { legend: { display: false }, tooltip: { enabled: false } },
      scales: {
        x: { type: 'linear', min: XMIN, max: XMAX },
        y: { type: 'linear', grace: '6%' },
      },
    },
  });
}());
