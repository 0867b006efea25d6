// Trends chart (/trends): reports per day by category, drawn with uPlot from /api/trends.
// The same numbers are in the table under the chart (rendered by the server). Days are written as
// in the UK ("6 Dec"), counts are whole numbers, and each category has its own colour and dash.
(function () {
  "use strict";

  var holder = document.getElementById("trends-chart");
  if (!holder || !window.uPlot) {
    return;
  }
  // Distinguishable on white, and each at least 3:1 against it (WCAG 1.4.11).
  var COLOURS = ["#1b6ca8", "#b3450e", "#2f7d32", "#8e24aa", "#a0216a", "#5d4037", "#00796b", "#455a64", "#c62828"];
  // A line style each, so two series never look alike even where they overlap or colour is not seen.
  var DASHES = [[], [10, 5], [2, 4], [12, 4, 2, 4], [6, 3], [1, 3, 6, 3], [16, 6], [4, 2, 4, 8], [8, 2, 2, 2]];
  var WIDTHS = [2.5, 2.5, 3, 2.5, 2.5, 3, 2.5, 2.5, 2.5];
  var DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "Europe/London" });
  var FULL_DAY = new Intl.DateTimeFormat("en-GB", {
    weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "Europe/London",
  });

  function whole(value) {
    return value == null ? "–" : String(Math.round(value));
  }

  function draw(data) {
    var days = data.days.map(function (day) {
      return Date.parse(day + "T12:00:00Z") / 1000;
    });
    var most = 1;
    var series = [{ label: "Day", value: function (u, ts) { return ts == null ? "–" : FULL_DAY.format(new Date(ts * 1000)); } }];
    var columns = [days];
    var styles = []; // each series' colour and dash, readable from the page
    data.categories.forEach(function (category, index) {
      series.push({
        label: data.labels[category],
        stroke: COLOURS[index % COLOURS.length],
        dash: DASHES[index % DASHES.length],
        width: WIDTHS[index % WIDTHS.length],
        points: { show: false },
        value: function (u, v) { return whole(v); },
      });
      styles.push(COLOURS[index % COLOURS.length] + " " + DASHES[index % DASHES.length].join(","));
      columns.push(data.series[category]);
      most = Math.max.apply(null, [most].concat(data.series[category]));
    });
    var width = Math.max(300, holder.clientWidth || 600);
    var chart = new uPlot(
      {
        width: width,
        height: width < 500 ? 240 : 320,
        series: series,
        // The legend's swatch shows each line's style too (dotted, dashed or solid).
        legend: {
          markers: {
            dash: function (u, index) {
              var dash = DASHES[(index - 1) % DASHES.length];
              return !dash.length ? "solid" : dash[0] <= 2 ? "dotted" : "dashed";
            },
          },
        },
        scales: {
          x: { time: true },
          // From 0, and at least to 1: a day's count is a whole number of reports.
          y: { range: function () { return [0, Math.max(1, most)]; } },
        },
        axes: [
          {
            values: function (u, splits) {
              var labels = splits.map(function (ts) { return DAY.format(new Date(ts * 1000)); });
              holder.dataset.dayLabels = labels.join("|"); // what the axes say, readable from the page
              return labels;
            },
          },
          {
            label: "Reports a day",
            incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
            values: function (u, splits) {
              var labels = splits.map(function (v) { return Number.isInteger(v) ? String(v) : ""; });
              holder.dataset.countLabels = labels.join("|");
              return labels;
            },
          },
        ],
      },
      columns,
      holder
    );
    holder.dataset.styles = styles.join("|");
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
