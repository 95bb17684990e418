// Draws the dashboard's charts from the figures the server rendered into #kpi[data-kpi].
(function () {
  'use strict';
  var root = document.getElementById('kpi');
  var data = JSON.parse(root.dataset.kpi);
  var num = function (v) { return v === null || v === undefined ? null : Number(v); };
  var money = function (v) {
    return Number(v).toLocaleString('en', { maximumFractionDigits: 0 }) + ' ' + data.currency;
  };
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.font.family = 'system-ui, sans-serif';

  var charts = {};
  charts.aging = new Chart(document.getElementById('aging-chart'), {
    type: 'bar',
    data: {
      labels: data.aging.labels,
      datasets: [{
        label: 'Open balance',
        data: data.aging.values.map(num),
        backgroundColor: ['#4c9f70', '#f2c14e', '#f08a4b', '#d1495b', '#8c2f39']
      }]
    },
    options: {
      plugins: { legend: { display: false } },
      scales: { y: { ticks: { callback: money } } }
    }
  });

  var dsoSets = [
    { label: 'DSO', data: data.dsoTrend.dso.map(num), borderColor: '#2b6cb0', backgroundColor: '#2b6cb0', tension: 0.2 },
    { label: 'Best possible DSO', data: data.dsoTrend.bestPossible.map(num), borderColor: '#4c9f70', backgroundColor: '#4c9f70', tension: 0.2 }
  ];
  if (data.dsoTrend.target.length) {
    dsoSets.push({ label: 'Target', data: data.dsoTrend.target.map(num), borderColor: '#d1495b',
      backgroundColor: '#d1495b', borderDash: [6, 4], pointRadius: 0 });
  }
  charts.dso = new Chart(document.getElementById('dso-chart'), {
    type: 'line',
    data: { labels: data.dsoTrend.labels, datasets: dsoSets },
    options: { scales: { y: { beginAtZero: true, title: { display: true, text: 'days' } } } }
  });

  charts.forecast = new Chart(document.getElementById('forecast-chart'), {
    type: 'bar',
    data: {
      labels: data.forecast.labels,
      datasets: [
        { label: 'Expected', data: data.forecast.expected.map(num), backgroundColor: '#2b6cb0' },
        { label: 'Came in', data: data.forecast.actual.map(num), backgroundColor: '#4c9f70' }
      ]
    },
    options: { scales: { y: { ticks: { callback: money } } } }
  });

  charts.overdue = new Chart(document.getElementById('overdue-chart'), {
    type: 'bar',
    data: {
      labels: data.topOverdue.labels,
      datasets: [{ label: 'Overdue', data: data.topOverdue.values.map(num), backgroundColor: '#d1495b' }]
    },
    options: {
      indexAxis: 'y',
      plugins: { legend: { display: false } },
      scales: { x: { ticks: { callback: money } } }
    }
  });

  charts.dunning = new Chart(document.getElementById('dunning-chart'), {
    type: 'bar',
    data: {
      labels: data.dunning.labels,
      datasets: [{ label: 'Paid within 14 days (%)', data: data.dunning.rates.map(num), backgroundColor: '#6b4fbb' }]
    },
    options: {
      plugins: { legend: { display: false } },
      scales: { y: { beginAtZero: true, max: 100, title: { display: true, text: '%' } } }
    }
  });

  window.kpiCharts = charts;
  document.body.dataset.chartsReady = 'true';
})();
