// Small maps on place pages. Leaflet and the map tiles load in the reader's
// browser only when a page has a map; the site build itself needs no network.
(function () {
  var LEAFLET = "https://unpkg.com/leaflet@1.9.4/dist/leaflet";
  var loading = null;

  function loadLeaflet() {
    if (window.L) return Promise.resolve(window.L);
    if (loading) return loading;
    loading = new Promise(function (resolve, reject) {
      var css = document.createElement("link");
      css.rel = "stylesheet";
      css.href = LEAFLET + ".css";
      document.head.appendChild(css);
      var js = document.createElement("script");
      js.src = LEAFLET + ".js";
      js.onload = function () { resolve(window.L); };
      js.onerror = reject;
      document.head.appendChild(js);
    });
    return loading;
  }

  function drawMaps() {
    var maps = document.querySelectorAll(".nb-map:not([data-drawn])");
    if (!maps.length) return;
    loadLeaflet().then(function (L) {
      maps.forEach(function (el) {
        var lat = parseFloat(el.dataset.lat), lon = parseFloat(el.dataset.lon);
        if (isNaN(lat) || isNaN(lon)) return;
        el.setAttribute("data-drawn", "1");
        var map = L.map(el, { scrollWheelZoom: false }).setView([lat, lon], 7);
        L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
          maxZoom: 18,
          attribution: "&copy; OpenStreetMap contributors"
        }).addTo(map);
        L.marker([lat, lon]).addTo(map).bindPopup(el.dataset.name || "");
      });
    }).catch(function () {
      // Offline or blocked: hide the empty box; the page still shows the coordinates.
      maps.forEach(function (el) { el.style.display = "none"; });
    });
  }

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(drawMaps);  // Material's instant navigation
  } else {
    document.addEventListener("DOMContentLoaded", drawMaps);
  }
})();
