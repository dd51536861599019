// The console's charts: each <canvas data-chart-src> fetches its data from the console (same session) and is drawn
// with Chart.js. data-chart-state says loading, drawn or failed, and data-chart-points how many points it drew.
(function () {
  'use strict';
  var colours = { ordered: '#2f6fb3', backordered: '#d08a00', shipped: '#2e8b57', cancelled: '#b23b3b',
                  demand: '#8fb3d9', forecast: '#17324d', band: 'rgba(47,111,179,0.15)', stock: '#2e8b57', reorder: '#b23b3b' };

  function trend(days) {
    var labels = days.map(function (d) { return d.day; });
    function series(label, key) {
      return { label: label, data: days.map(function (d) { return d[key]; }), borderColor: colours[key],
               backgroundColor: colours[key], tension: 0.2, pointRadius: 2 };
    }
    return { type: 'line', data: { labels: labels, datasets: [series('Ordered', 'unitsOrdered'), series('Backordered', 'unitsBackordered'),
      series('Shipped', 'unitsShipped'), series('Cancelled', 'unitsCancelled')] } };
  }
  // Colours are keyed by the short names above; map the JSON fields to them.
  colours.unitsOrdered = colours.ordered; colours.unitsBackordered = colours.backordered;
  colours.unitsShipped = colours.shipped; colours.unitsCancelled = colours.cancelled;

  function sku(chart) {
    var history = chart.history || [], ahead = chart.forecast || [];
    var labels = history.map(function (w) { return w.week; }).concat(ahead.map(function (w) { return w.week; }));
    var pad = history.map(function () { return null; });
    var before = ahead.map(function () { return null; });
    return { type: 'bar', data: { labels: labels, datasets: [
      { type: 'bar', label: 'Demand', data: history.map(function (w) { return w.demand; }).concat(before),
        backgroundColor: history.map(function (w) { return w.censored ? '#d9d9d9' : colours.demand; }) },
      { type: 'line', label: '80% low', data: pad.concat(ahead.map(function (w) { return w.low; })), borderColor: 'transparent',
        pointRadius: 0, fill: false },
      { type: 'line', label: '80% interval', data: pad.concat(ahead.map(function (w) { return w.high; })), borderColor: 'transparent',
        backgroundColor: colours.band, pointRadius: 0, fill: '-1' },
      { type: 'line', label: 'Forecast (' + chart.method + ')', data: pad.concat(ahead.map(function (w) { return w.forecast; })),
        borderColor: colours.forecast, pointRadius: 2 },
      { type: 'line', label: 'Projected stock', data: pad.concat(ahead.map(function (w) { return w.projectedStock; })),
        borderColor: colours.stock, pointRadius: 2 },
      { type: 'line', label: 'Reorder point', data: labels.map(function () { return chart.reorderPoint; }),
        borderColor: colours.reorder, borderDash: [6, 4], pointRadius: 0 }
    ] } };
  }

  var builders = { trend: trend, sku: sku };

  function draw(root) {
    var canvases = root.querySelectorAll ? root.querySelectorAll('canvas[data-chart-src]') : [];
    Array.prototype.forEach.call(canvases, function (canvas) {
      if (canvas.dataset.chartState) { return; }
      canvas.dataset.chartState = 'loading';
      fetch(canvas.dataset.chartSrc, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(function (response) {
          if (!response.ok) { throw new Error('the server answered ' + response.status); }
          return response.json();
        })
        .then(function (data) {
          var config = builders[canvas.dataset.chartKind](data);
          config.options = { responsive: true, maintainAspectRatio: false, animation: false,
                             interaction: { mode: 'index', intersect: false }, plugins: { legend: { position: 'bottom',
                             labels: { filter: function (item) { return item.text !== '80% low'; } } } } };
          new Chart(canvas, config);
          canvas.dataset.chartPoints = String(config.data.labels.length);
          canvas.dataset.chartState = 'drawn';
        })
        .catch(function (error) {
          canvas.dataset.chartState = 'failed';
          var note = document.createElement('p');
          note.className = 'error';
          note.textContent = 'The chart could not be drawn: ' + error.message;
          canvas.parentNode.after(note);
        });
    });
  }

  document.addEventListener('DOMContentLoaded', function () { draw(document); });
  document.addEventListener('htmx:load', function (event) { draw(event.detail.elt); });
})();
