/* global Chart -- from vendor/chart.js/chart.umd.min.js, loaded before the modules */

Chart.defaults.font.family = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';
// figures, not motion: a chart is complete as soon as it is drawn
Chart.defaults.animation = false;

const COLOURS = ['#1f5fa8', '#e07b24', '#3a9a5b', '#c8443a', '#7a5cb8', '#8c8c8c'];

/**
 * A bar chart drawn on the canvas and redrawn in place. The canvas is an image for assistive technology;
 * the same figures are in the table next to it.
 */
export function barChart(canvas, { stacked = false, horizontal = false } = {}) {
  const categories = { stacked, ticks: { autoSkip: false } };
  const counts = { stacked, beginAtZero: true, ticks: { precision: 0 } };
  const chart = new Chart(canvas, {
    type: 'bar',
    data: { labels: [], datasets: [] },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      scales: horizontal ? { x: counts, y: categories } : { x: categories, y: counts },
      plugins: { legend: { position: 'bottom' } },
    },
  });
  return {
    /** @param {string[]} labels @param {{label: string, values: number[]}[]} series */
    show(labels, series) {
      chart.data.labels = labels;
      chart.data.datasets = series.map((s, i) => ({
        label: s.label,
        data: s.values,
        backgroundColor: COLOURS[i % COLOURS.length],
      }));
      chart.update();
    },
  };
}
