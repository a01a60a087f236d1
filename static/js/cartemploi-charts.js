/* Draw a Chart.js bar chart above each data table marked by [data-chart-for].
   The table stays the source and the accessible twin; the chart is decoration for sight. */
(function () {
  "use strict";
  if (typeof Chart === "undefined") { return; }
  var palette = ["#1f5f4a", "#8a3b12", "#3b5b92", "#6b4f1d", "#5b2a6e"];

  function numberOf(cell) {
    var raw = cell.hasAttribute("data-value") ? cell.getAttribute("data-value") : cell.textContent;
    var value = parseFloat(raw);
    return isNaN(value) ? null : value;
  }

  document.querySelectorAll("[data-chart-for]").forEach(function (box) {
    var table = document.getElementById(box.dataset.chartFor);
    if (!table) { return; }
    var heads = Array.prototype.slice.call(table.querySelectorAll("thead th"));
    var columns = [];
    heads.forEach(function (th, i) { if (i > 0 && !th.hasAttribute("data-no-chart")) { columns.push(i); } });
    var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr"))
      .filter(function (tr) { return tr.children.length === heads.length; });
    if (!rows.length) { return; }
    var canvas = document.createElement("canvas");
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", (table.caption ? table.caption.textContent.trim() + " — " : "") +
      (box.dataset.chartLabel || "graphique, données détaillées dans le tableau qui suit"));
    box.appendChild(canvas);
    new Chart(canvas, {
      type: box.dataset.chartType || "bar",
      data: {
        labels: rows.map(function (tr) { return tr.children[0].textContent.trim(); }),
        datasets: columns.map(function (col, k) {
          return {
            label: heads[col].textContent.trim(),
            backgroundColor: palette[k % palette.length],
            data: rows.map(function (tr) { return numberOf(tr.children[col]); })
          };
        })
      },
      options: { responsive: true, animation: false }
    });
  });
})();
