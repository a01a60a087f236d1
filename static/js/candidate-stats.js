// Charts drawn from their data-table twin: the table stays the accessible source of truth.
(function () {
  "use strict";
  if (typeof Chart === "undefined") return;
  document.querySelectorAll("canvas[data-chart-for]").forEach(function (canvas) {
    var table = document.getElementById(canvas.dataset.chartFor);
    if (!table) return;
    var labels = [];
    var values = [];
    table.querySelectorAll("tbody tr").forEach(function (row) {
      var th = row.querySelector("th");
      var td = row.querySelector("td");
      if (!th || !td) return;
      labels.push(th.textContent.trim());
      values.push(Number(td.textContent.trim()));
    });
    if (!labels.length) return;
    new Chart(canvas, {
      type: "bar",
      data: { labels: labels, datasets: [{ label: table.caption.textContent, data: values, backgroundColor: "#1f5f4a" }] },
      options: { animation: false, plugins: { legend: { display: false } } },
    });
  });
})();
