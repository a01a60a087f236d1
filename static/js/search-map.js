/* The map twin of the results list: same hits, same order. An enhancement only: the list
   is the content, and every marker links to a hit that the list already shows. */
(function () {
  "use strict";
  var element = document.getElementById("search-map");
  var data = document.getElementById("search-markers");
  if (!element || !data || !window.L) return;

  var markers = JSON.parse(data.textContent);
  if (!markers.length) return;

  var map = L.map(element, { scrollWheelZoom: false });
  var tiles = element.getAttribute("data-tile-url");
  if (tiles) {
    L.tileLayer(tiles, { attribution: element.getAttribute("data-attribution"), maxZoom: 18 }).addTo(map);
  }
  var bounds = [];
  markers.forEach(function (item) {
    var marker = L.marker([item.lat, item.lon], { title: item.rank + ". " + item.title, alt: item.rank + ". " + item.title });
    var link = document.createElement("a");
    link.href = item.url;
    link.textContent = item.title;
    if (item.lang) link.lang = item.lang; // French free text on a page in another language
    marker.bindPopup(link).addTo(map);
    bounds.push([item.lat, item.lon]);
  });
  map.fitBounds(bounds, { padding: [30, 30], maxZoom: 12 });
})();
