// Draws every <canvas data-chart='{"type","labels","datasets"}'> with Chart.js. The numbers are in
// the page (and in the CSV links); this only draws them.
(function () {
  'use strict';
  var palette = ['#0d6efd', '#20c997', '#fd7e14', '#6f42c1', '#dc3545', '#6c757d'];
  function draw() {
    if (typeof Chart === 'undefined') { return; }
    document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
      var spec = JSON.parse(canvas.dataset.chart);
      spec.datasets.forEach(function (d, i) {
        d.backgroundColor = palette[i % palette.length];
        d.borderColor = palette[i % palette.length];
        d.data = d.data.map(function (v) { return v === null ? null : Number(v); });
      });
      new Chart(canvas, {
        type: spec.type,
        data: { labels: spec.labels, datasets: spec.datasets },
        options: { responsive: true, maintainAspectRatio: false, animation: false }
      });
    });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
})();
