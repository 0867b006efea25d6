// Trends chart (/trends): reports per day by category, drawn with uPlot from /api/trends.
// The same numbers are in the table under the chart (rendered by the server).
(function () {
  "use strict";

  var holder = document.getElementById("trends-chart");
  if (!holder || !window.uPlot) {
    return;
  }
  // Distinguishable on white, and each at least 3:1 against it (WCAG 1.4.11).
  var COLOURS = ["#1b6ca8", "#b3450e", "#2f7d32", "#8e24aa", "#a0216a", "#5d4037", "#00796b", "#455a64", "#c62828"];

  function draw(data) {
    var days = data.days.map(function (day) {
      return Date.parse(day + "T12:00:00Z") / 1000;
    });
    var series = [{ label: "Day" }];
    var columns = [days];
    data.categories.forEach(function (category, index) {
      series.push({
        label: data.labels[category],
        stroke: COLOURS[index % COLOURS.length],
        width: 2,
        points: { show: false },
      });
      columns.push(data.series[category]);
    });
    var width = Math.max(300, holder.clientWidth || 600);
    var chart = new uPlot(
      {
        width: width,
        height: width < 500 ? 240 : 320,
        series: series,
        scales: { x: { time: true } },
        axes: [{}, { label: "reports a day" }],
      },
      columns,
      holder
    );
    holder.dataset.drawn = String(data.total);
    window.addEventListener("resize", function () {
      chart.setSize({ width: Math.max(300, holder.clientWidth || 600), height: chart.height });
    });
  }

  fetch("/api/trends" + window.location.search, { credentials: "same-origin", headers: { Accept: "application/json" } })
    .then(function (response) {
      if (!response.ok) {
        throw new Error("HTTP " + response.status);
      }
      return response.json();
    })
    .then(draw)
    .catch(function (error) {
      holder.textContent = "The chart could not be drawn (" + error.message + "); the table below has the numbers.";
    });
})();
