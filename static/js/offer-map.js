// Map twin of the offer list: the same offers as the list below, drawn with Leaflet.
// Without JavaScript (or without Leaflet) the map container stays hidden and the list is enough.
(function () {
  "use strict";
  var container = document.getElementById("offer-map");
  var data = document.getElementById("offer-points");
  if (!container || !data || typeof L === "undefined") return;
  var points = JSON.parse(data.textContent);
  container.classList.add("offer-map--ready");
  var map = L.map(container, { scrollWheelZoom: false });
  L.tileLayer(container.dataset.tiles, {
    maxZoom: 18,
    attribution: "&copy; OpenStreetMap",
  }).addTo(map);
  var bounds = [];
  points.forEach(function (p) {
    var marker = L.marker([p.lat, p.lon], { title: p.title, alt: p.title }).addTo(map);
    var link = document.createElement("a");
    link.href = p.url;
    link.textContent = p.title;
    var box = document.createElement("div");
    box.appendChild(link);
    box.appendChild(document.createTextNode(" — " + p.type + ", " + p.commune));
    marker.bindPopup(box);
    bounds.push([p.lat, p.lon]);
  });
  if (bounds.length) {
    map.fitBounds(bounds, { padding: [30, 30], maxZoom: 12 });
  } else {
    map.setView([46.2, 1.9], 7);
  }
})();
