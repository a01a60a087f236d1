/* Cartemploi map: server-side clusters (grid) shown with Leaflet.markercluster.
   Progressive enhancement: the list twin under the map holds the same results. */
(function () {
  "use strict";
  var el = document.getElementById("cartemploi-map");
  if (!el || typeof L === "undefined") { return; }

  var map = L.map(el, { scrollWheelZoom: false, maxZoom: 18, minZoom: 3 }).setView([46.6, 2.4], 6);
  if (el.dataset.tiles) {
    L.tileLayer(el.dataset.tiles, { attribution: el.dataset.attribution, maxZoom: 18 }).addTo(map);
  }
  var group = L.markerClusterGroup({
    showCoverageOnHover: false,
    iconCreateFunction: function (cluster) {
      var total = 0;
      cluster.getAllChildMarkers().forEach(function (m) { total += m.options.count || 1; });
      return clusterIcon(total);
    }
  });
  map.addLayer(group);

  function clusterIcon(count) {
    var size = count < 10 ? "small" : (count < 100 ? "medium" : "large");
    return L.divIcon({
      html: "<div><span>" + count + "</span></div>",
      className: "marker-cluster marker-cluster-" + size,
      iconSize: L.point(40, 40)
    });
  }

  function escapeHtml(text) {
    var div = document.createElement("div");
    div.textContent = text;
    return div.innerHTML;
  }

  function addCluster(c) {
    var marker = L.marker([c.lat, c.lon], {
      icon: clusterIcon(c.count), count: c.count,
      title: c.count + " " + el.dataset.labelCluster, alt: c.count + " " + el.dataset.labelCluster
    });
    marker.on("click", function () { map.setView([c.lat, c.lon], Math.min(map.getZoom() + 2, 18)); });
    group.addLayer(marker);
  }

  function addPoint(p) {
    var marker = L.marker([p.lat, p.lon], { title: p.title, alt: p.kind_label + " : " + p.title, count: 1 });
    marker.bindPopup(
      "<strong>" + escapeHtml(p.title) + "</strong><br>" + escapeHtml(p.kind_label) + " · " +
      escapeHtml(p.summary) + '<br><a href="' + p.url + '">' + escapeHtml(el.dataset.labelOpen) + "</a>"
    );
    group.addLayer(marker);
  }

  var pending = null;
  function refresh() {
    var b = map.getBounds();
    var bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(function (v) {
      return Math.max(-180, Math.min(180, v)).toFixed(4);
    });
    bbox[1] = Math.max(-90, bbox[1]); bbox[3] = Math.min(90, bbox[3]);
    var url = el.dataset.url + "?" + (el.dataset.query ? el.dataset.query + "&" : "") +
      "bbox=" + bbox.join(",") + "&zoom=" + map.getZoom();
    if (pending) { pending.abort(); }
    pending = new AbortController();
    fetch(url, { signal: pending.signal, headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : { clusters: [], points: [] }; })
      .then(function (data) {
        group.clearLayers();
        data.clusters.forEach(addCluster);
        data.points.forEach(addPoint);
        el.dataset.loaded = String(data.clusters.length + data.points.length);
      })
      .catch(function () {});
  }
  map.on("moveend", refresh);
  refresh();
})();
