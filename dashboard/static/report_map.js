// The small map on a report page: <div id="report-map" data-lat data-lon data-label>.
// The marker and its label are vector and text, so they show without map tiles.
(function () {
  "use strict";

  var holder = document.getElementById("report-map");
  if (!holder || !window.L) {
    return;
  }
  var lat = parseFloat(holder.dataset.lat);
  var lon = parseFloat(holder.dataset.lon);
  if (!isFinite(lat) || !isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
    return;
  }
  var map = L.map(holder, { center: [lat, lon], zoom: 15, scrollWheelZoom: false });
  if (holder.dataset.tileUrl) {
    var credit = document.createElement("span");
    credit.textContent = holder.dataset.tileAttribution || ""; // Leaflet writes it as markup
    L.tileLayer(holder.dataset.tileUrl, { attribution: credit.innerHTML, maxZoom: 19 }).addTo(map);
  }
  var label = document.createElement("span");
  label.textContent = holder.dataset.label || "";
  L.marker([lat, lon], {
    icon: L.divIcon({ className: "report-marker", iconSize: [16, 16] }),
    title: holder.dataset.label || "the report's place",
    alt: holder.dataset.label || "the report's place",
  }).addTo(map);
  L.marker([lat, lon], {
    icon: L.divIcon({ className: "place-label", html: label, iconSize: null }),
    interactive: false,
    keyboard: false,
  }).addTo(map);
  holder.dataset.loaded = "1";
})();
