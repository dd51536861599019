// The console's charts: each <canvas data-chart-src> fetches its data from the console (same session) and is drawn
// with Chart.js. data-chart-state says loading, drawn or failed, data-chart-points how many points (labels) it drew
// and data-chart-values how many non-zero values its datasets hold.
(function () {
  'use strict';
  var colours = { ordered: '#2f6fb3', backordered: '#d08a00', shipped: '#2e8b57', cancelled: '#b23b3b',
                  demand: '#8fb3d9', forecast: '#17324d', band: 'rgba(47,111,179,0.15)', stock: '#2e8b57', reorder: '#b23b3b',
                  // A week out of stock: its own strong colour. Drawn in a faint grey, it also lent the Demand key its grey
                  // when the first week was out of stock (a legend key takes its dataset's first colour).
                  outOfStock: '#d9822b' };

  // Each chart's data carries its axis labels in the console's date words ("7 Dec"), made by the server's Format.
  function trend(data) {
    var days = data.days, labels = data.labels;
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
    var labels = chart.labels;
    var pad = history.map(function () { return null; });
    var before = ahead.map(function () { return null; });
    // Demand in two bar series, so each has one colour and its own key; grouped: false keeps each week's bar full width.
    function demand(censored) {
      return history.map(function (w) { return w.censored === censored ? w.demand : null; }).concat(before);
    }
    return { type: 'bar', data: { labels: labels, datasets: [
      { type: 'bar', label: 'Demand', data: demand(false), backgroundColor: colours.demand, grouped: false },
      { type: 'bar', label: 'Demand in a week out of stock (may have been higher)', data: demand(true),
        backgroundColor: colours.outOfStock, grouped: false },
      { type: 'line', label: '80% low', data: pad.concat(ahead.map(function (w) { return w.low; })), borderColor: 'transparent',
        pointRadius: 0, fill: false },
      { type: 'line', label: '80% interval', data: pad.concat(ahead.map(function (w) { return w.high; })), borderColor: 'transparent',
        backgroundColor: colours.band, pointRadius: 0, fill: '-1' },
      { type: 'line', label: chart.forecastLabel, data: pad.concat(ahead.map(function (w) { return w.forecast; })),
        borderColor: colours.forecast, pointRadius: 2 },
      { type: 'line', label: 'Projected stock', data: pad.concat(ahead.map(function (w) { return w.projectedStock; })),
        borderColor: colours.stock, pointRadius: 2 },
      { type: 'line', label: 'Reorder point', data: labels.map(function () { return chart.reorderPoint; }),
        borderColor: colours.reorder, borderDash: [6, 4], pointRadius: 0 }
    ] } };
  }

  function line(label, data, colour, extra) {
    // Straight segments: a smoothed line overshoots a rate past 0% or 100%.
    var dataset = { label: label, data: data, borderColor: colour, backgroundColor: colour, tension: 0, pointRadius: 2, spanGaps: true };
    Object.keys(extra || {}).forEach(function (key) { dataset[key] = extra[key]; });
    return dataset;
  }

  // The overview's weekly KPIs (rates in percent, waits in days), one row per week.
  function kpiRates(data) {
    var weeks = data.weeks;
    function pick(key) { return weeks.map(function (w) { return w[key]; }); }
    return { type: 'line', data: { labels: data.labels, datasets: [
      line('Lines filled at once %', pick('lineFillPercent'), colours.shipped),
      line('Lines that waited %', pick('backorderPercent'), colours.backordered),
      line('Promises kept %', pick('promiseKeptPercent'), colours.ordered),
      line('Supplier on time in full %', pick('supplierOnTimeInFullPercent'), colours.forecast, { borderDash: [6, 4] })
    ] }, scales: { y: { min: 0, max: 100 } } };
  }

  function kpiWaits(data) {
    var weeks = data.weeks;
    function pick(key) { return weeks.map(function (w) { return w[key]; }); }
    return { type: 'bar', data: { labels: data.labels, datasets: [
      line('Average wait (days)', pick('averageWaitDays'), colours.ordered, { type: 'line', yAxisID: 'y' }),
      line('90% waited at most (days)', pick('p90WaitDays'), colours.cancelled, { type: 'line', yAxisID: 'y' }),
      { type: 'bar', label: 'Stock-out days (SKU-days)', data: pick('stockOutDays'), backgroundColor: colours.demand, yAxisID: 'stockOuts' }
    ] }, scales: { y: { position: 'left', beginAtZero: true, title: { display: true, text: 'days' } },
                   stockOuts: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false }, title: { display: true, text: 'SKU-days' } } } };
  }

  var causeColours = { demand_spike: '#d08a00', supplier_late: '#b23b3b', supplier_short: '#e07a5f', planning: '#2f6fb3',
                       record_error: '#7b5ea7', policy: '#5d6874', unknown: '#b8c0c8' };

  // Backorder events per week, stacked by main cause.
  function causes(data) {
    return { type: 'bar', data: { labels: data.labels, datasets: Object.keys(data.events).map(function (cause) {
      return { label: cause.replace('_', ' '), data: data.events[cause], backgroundColor: causeColours[cause] || '#999', stack: 'causes' };
    }) }, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } };
  }

  var builders = { trend: trend, sku: sku, kpiRates: kpiRates, kpiWaits: kpiWaits, causes: causes };
  // Charts that draw the same data share one request.
  var requests = {};
  function load(src) {
    if (!requests[src]) {
      requests[src] = fetch(src, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(function (response) {
          if (!response.ok) { throw new Error('the server answered ' + response.status); }
          return response.json();
        });
    }
    return requests[src];
  }

  function draw(root) {
    var canvases = root.querySelectorAll ? root.querySelectorAll('canvas[data-chart-src]') : [];
    Array.prototype.forEach.call(canvases, function (canvas) {
      if (canvas.dataset.chartState) { return; }
      canvas.dataset.chartState = 'loading';
      load(canvas.dataset.chartSrc)
        .then(function (data) {
          var config = builders[canvas.dataset.chartKind](data);
          // A slow mover is forecast by months and drawn by weeks: the heading said "(weekly)" of both.
          var heading = document.getElementById(canvas.dataset.chartHeading || '');
          if (heading && data.forecastGrain === 'month') {
            heading.textContent = heading.dataset.monthly;
          }
          config.options = { responsive: true, maintainAspectRatio: false, animation: false,
                             interaction: { mode: 'index', intersect: false }, plugins: { legend: { position: 'bottom',
                             labels: { filter: function (item) { return item.text !== '80% low'; } } } } };
          if (config.scales) { config.options.scales = config.scales; delete config.scales; }
          new Chart(canvas, config);
          canvas.dataset.chartPoints = String(config.data.labels.length);
          // How many values the datasets hold (nulls and zeros left out): a chart of nothing is not drawn data.
          canvas.dataset.chartValues = String(config.data.datasets.reduce(function (sum, dataset) {
            return sum + dataset.data.filter(function (value) { return typeof value === 'number' && value !== 0; }).length;
          }, 0));
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

// A Copy button beside a link (the order page's cancel link for the customer): data-copy names the link. The clipboard
// API first; where it is refused, the link's text is selected and copied the old way; failing both, it says so.
(function () {
  'use strict';
  function said(button, text) {
    var status = document.getElementById(button.id + '-said');
    if (status) { status.textContent = text; }
  }
  function copyBySelecting(link) {
    var range = document.createRange();
    range.selectNodeContents(link);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    try { return document.execCommand('copy'); } catch (e) { return false; }
  }
  document.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('button[data-copy]') : null;
    if (!button) { return; }
    var link = document.getElementById(button.dataset.copy);
    if (!link) { return; }
    var text = link.href || link.textContent;
    function fallback() {
      said(button, copyBySelecting(link) ? 'Copied.' : 'Could not copy: the link is selected, copy it with Ctrl+C.');
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { said(button, 'Copied.'); }, fallback);
    } else {
      fallback();
    }
  });
})();
