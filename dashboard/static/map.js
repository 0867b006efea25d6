// The officers' map (/map): reports, grid counts, linked-report clusters and place labels from /api/map.
// Everything drawn is vector shapes and text, so it all shows without map tiles (no internet).
// Text from the data is only ever set with textContent, never as markup.
(function () {
  "use strict";

  var holder = document.getElementById("map");
  var form = document.getElementById("map-filter");
  var status = document.getElementById("map-status");
  var clusterList = document.getElementById("map-clusters");
  var placeList = document.getElementById("map-places");
  if (!holder || !window.L) {
    return;
  }

  var map = L.map(holder, { center: [51.505, -0.15], zoom: 12, minZoom: 3, maxZoom: 19 });
  // Leaflet writes the attribution as markup: the setting goes in as text.
  var credit = document.createElement("span");
  credit.textContent = holder.dataset.tileAttribution || "";
  L.tileLayer(holder.dataset.tileUrl, {
    attribution: credit.innerHTML,
    maxZoom: 19,
  }).addTo(map);
  var reports = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 50 });
  var overlay = L.layerGroup();
  map.addLayer(reports);
  map.addLayer(overlay);

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function reportLink(reference) {
    var link = element("a", null, reference);
    link.href = "/reports/" + encodeURIComponent(reference);
    return link;
  }

  // The category in words (the server sends them; a code is shown as words if they are missing).
  function words(p) {
    return p.category_label || String(p.category || "").replace(/_/g, " ");
  }

  function reportPopup(p) {
    var box = element("div", "map-popup");
    box.appendChild(reportLink(p.reference));
    box.appendChild(element("div", null, words(p) + (p.urgent ? " (still happening)" : "")));
    box.appendChild(element("div", null, p.place + " · " + String(p.status || "").replace(/^./, function (c) { return c.toUpperCase(); })));
    if (p.cluster) {
      box.appendChild(element("div", null, "linked: " + p.cluster));
    }
    return box;
  }

  function latLng(feature) {
    var c = feature.geometry.coordinates;
    return [c[1], c[0]];
  }

  function labelIcon(className, text, size) {
    return L.divIcon({ className: className, html: element("span", null, text), iconSize: size || null });
  }

  function addReport(feature) {
    var p = feature.properties;
    var marker = L.marker(latLng(feature), {
      icon: L.divIcon({ className: "report-marker" + (p.urgent ? " urgent" : ""), iconSize: [16, 16] }),
      title: p.reference + ", " + words(p) + ", " + p.place,
      alt: p.reference,
    });
    marker.bindPopup(reportPopup(p));
    reports.addLayer(marker);
  }

  function addBin(feature) {
    var n = feature.properties.count;
    var size = n >= 1000 ? 52 : n >= 100 ? 44 : 36;
    var marker = L.marker(latLng(feature), {
      icon: labelIcon("bin-marker", String(n), [size, size]),
      title: plural(n, "report") + " here (zoom in for each one)",
      alt: plural(n, "report"),
    });
    marker.on("click", function () {
      map.setView(marker.getLatLng(), Math.min(map.getZoom() + 2, 19));
    });
    overlay.addLayer(marker);
  }

  function addCluster(feature) {
    var p = feature.properties;
    var ring = L.circleMarker(latLng(feature), {
      radius: 14 + Math.min(p.reports, 20),
      className: "cluster-ring",
      fill: false,
    });
    var box = element("div", "map-popup");
    box.appendChild(element("strong", null, "Linked reports " + p.cluster));
    box.appendChild(element("div", null, plural(p.reports, "report") + " on the map"));
    var first = element("div", null, "one of them: ");
    first.appendChild(reportLink(p.first));
    box.appendChild(first);
    ring.bindPopup(box);
    overlay.addLayer(ring);
    var item = element("li");
    item.appendChild(element("span", null, p.cluster + ": " + plural(p.reports, "report") + " on the map, one of them "));
    item.appendChild(reportLink(p.first));
    clusterList.appendChild(item);
  }

  function plural(n, word) {
    return n + " " + word + (n === 1 ? "" : "s");
  }

  // Labels on the map for the busiest places only (the server sends them busiest first), more as
  // the map zooms in, so they do not pile up; the list under the map names them all.
  function labelLimit() {
    var zoom = map.getZoom();
    return zoom <= 11 ? 8 : zoom === 12 ? 15 : zoom === 13 ? 25 : Infinity;
  }

  function addPlace(feature) {
    var p = feature.properties;
    if (placeList.children.length < labelLimit()) {
      overlay.addLayer(
        L.marker(latLng(feature), {
          icon: labelIcon("place-label", p.name),
          interactive: false,
          keyboard: false,
        })
      );
    }
    placeList.appendChild(element("li", null, p.name + ": " + p.reports));
  }

  var draw = { report: addReport, bin: addBin, cluster: addCluster, place: addPlace };

  function query() {
    var params = new URLSearchParams(new FormData(form));
    params.set("bbox", map.getBounds().toBBoxString());
    params.set("zoom", String(map.getZoom()));
    return params;
  }

  var pending = null;
  var serial = 0;

  function load() {
    var mine = ++serial;
    status.textContent = "Loading the reports…";
    fetch("/api/map?" + query().toString(), {
      credentials: "same-origin",
      headers: { Accept: "application/geo+json" },
    })
      .then(function (response) {
        if (response.status === 401) {
          window.location.assign("/login");
          throw new Error("signed out");
        }
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.json();
      })
      .then(function (data) {
        if (mine !== serial) {
          return;
        }
        reports.clearLayers();
        overlay.clearLayers();
        clusterList.textContent = "";
        placeList.textContent = "";
        data.features.forEach(function (feature) {
          (draw[feature.properties.kind] || function () {})(feature);
        });
        var clusters = clusterList.children.length;
        status.textContent =
          "Reports matching the filter: " + data.matching + ". With a place in this view: " + data.in_view +
          (data.aggregated ? " (counted in squares: zoom in to see each report)" : "") +
          ". Linked-report clusters: " + clusters + ".";
        holder.dataset.loaded = String(mine);
      })
      .catch(function (error) {
        if (mine === serial) {
          status.textContent = "The map data could not be loaded (" + error.message + ").";
        }
      });
  }

  function later() {
    window.clearTimeout(pending);
    pending = window.setTimeout(load, 250);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var params = new URLSearchParams(new FormData(form));
    window.history.replaceState(null, "", "?" + params.toString());
    load();
  });
  map.on("moveend", later);
  load();
})();
