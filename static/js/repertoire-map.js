/* The map twin of the répertoire list: same filters, fetched as GeoJSON, clustered. */
(function () {
  "use strict";
  var node = document.getElementById("carte");
  if (!node || !window.L || !node.dataset.url) { return; }
  var map = L.map(node, { scrollWheelZoom: false }).setView([46.0, 1.6], 8);
  L.tileLayer(node.dataset.tiles, { attribution: node.dataset.attribution, maxZoom: 18 }).addTo(map);
  var cluster = L.markerClusterGroup();
  fetch(node.dataset.url, { headers: { Accept: "application/json" } })
    .then(function (response) { return response.json(); })
    .then(function (data) {
      var bounds = [];
      data.features.forEach(function (feature) {
        var lonlat = feature.geometry.coordinates;
        var link = document.createElement("a");
        link.href = feature.properties.url;
        link.textContent = feature.properties.name;
        var popup = document.createElement("div");
        popup.appendChild(link);
        popup.appendChild(document.createElement("br"));
        popup.appendChild(document.createTextNode(feature.properties.commune));
        var marker = L.marker([lonlat[1], lonlat[0]], { title: feature.properties.name, alt: feature.properties.name });
        marker.bindPopup(popup);
        cluster.addLayer(marker);
        bounds.push([lonlat[1], lonlat[0]]);
      });
      map.addLayer(cluster);
      if (bounds.length) { map.fitBounds(bounds, { padding: [24, 24], maxZoom: 13 }); }
    })
    .catch(function () { node.hidden = true; });
})();
