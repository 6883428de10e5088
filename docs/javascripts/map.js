// Small maps on place pages. Leaflet is served by the site itself
// (docs/vendor/leaflet, from its npm package); only the map tiles come from
// OpenStreetMap, and only on a page with a map.
// Nothing from an article is ever inserted as HTML: the place name reaches the
// popup as text (textContent), so a name such as <img onerror=...> is shown, not run.
(function () {
  var script = document.currentScript;
  var BASE = script ? script.src.replace(/javascripts\/map\.js(\?.*)?$/, "vendor/leaflet/") : "vendor/leaflet/";
  var TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
  var loading = null;

  function loadLeaflet() {
    if (window.L) return Promise.resolve(window.L);
    if (loading) return loading;
    loading = new Promise(function (resolve, reject) {
      var css = document.createElement("link");
      css.rel = "stylesheet";
      css.href = BASE + "leaflet.css";
      document.head.appendChild(css);
      var js = document.createElement("script");
      js.src = BASE + "leaflet.js";
      js.onload = function () { resolve(window.L); };
      js.onerror = reject;
      document.head.appendChild(js);
    });
    return loading;
  }

  function placeholder(el, text) {
    // Replace the map box by a note (as text) that says why there is no map.
    el.textContent = "";
    el.classList.add("nb-map--offline");
    var p = document.createElement("p");
    p.textContent = text;
    el.appendChild(p);
  }

  function popupContent(name) {
    var span = document.createElement("span");
    span.className = "nb-map__name";
    span.textContent = name;  // text, never HTML
    return span;
  }

  function draw(L, el) {
    var lat = parseFloat(el.dataset.lat), lon = parseFloat(el.dataset.lon);
    if (isNaN(lat) || isNaN(lon)) return;
    el.setAttribute("data-drawn", "1");
    var name = el.dataset.name || "";
    var map = L.map(el, { scrollWheelZoom: false }).setView([lat, lon], 7);
    var loaded = 0, failed = 0, warned = false;
    L.tileLayer(TILES, {
      maxZoom: 18,
      attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
    })
      .on("tileload", function () { loaded += 1; })
      .on("tileerror", function () {
        failed += 1;
        if (!loaded && !warned && failed >= 2) {
          warned = true;
          var note = L.control({ position: "topright" });
          note.onAdd = function () {
            var div = L.DomUtil.create("div", "nb-map__offline");
            div.setAttribute("role", "status");
            div.textContent = "The map needs an internet connection to show its tiles.";
            return div;
          };
          note.addTo(map);
        }
      })
      .addTo(map);
    var marker = L.marker([lat, lon], { title: name, alt: name, keyboard: true }).addTo(map);
    marker.bindPopup(popupContent(name));
  }

  function drawMaps() {
    var maps = document.querySelectorAll(".nb-map:not([data-drawn])");
    if (!maps.length) return;
    if (navigator.onLine === false) {
      maps.forEach(function (el) {
        placeholder(el, "The map needs an internet connection; the coordinates are given above.");
      });
      return;
    }
    loadLeaflet().then(function (L) {
      maps.forEach(function (el) { draw(L, el); });
    }).catch(function () {
      maps.forEach(function (el) {
        placeholder(el, "The map could not be loaded; the coordinates are given above.");
      });
    });
  }

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(drawMaps);  // Material's instant navigation
  } else {
    document.addEventListener("DOMContentLoaded", drawMaps);
  }
})();
