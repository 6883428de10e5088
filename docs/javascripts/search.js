// The header search box, answered by Pagefind (pagefind/ at the site's root).
//
// Pagefind's script, its WebAssembly and the index chunks a query needs load on
// first use, so a reader who never searches downloads nothing. Result text is
// put into the page as text only (never as HTML): titles and excerpts come from
// articles, and nothing from an article may run in a reader's browser.
(function () {
  "use strict";
  var RESULTS = 10;
  var PHRASE_RESULTS = 20;  // a phrase query looks at this many pages for the exact words
  // Words too common to narrow a search: a phrase is looked up by its other words (each word
  // costs the reader one index chunk), then pages holding the exact phrase come first.
  var COMMON = new Set(("a an the of in on at to is are was were be been it its this that these those and or " +
    "but for with as by from has have had not no we you he she they i our his her their").split(" "));
  var box = document.querySelector("[data-nb-search]");
  if (!box) return;
  var input = box.querySelector("[data-nb-search-query]");
  var list = box.querySelector("[data-nb-search-results]");
  var meta = box.querySelector("[data-nb-search-meta]");
  var toggle = document.getElementById("__search");
  var kind = "";
  var pagefind = null;
  var run = 0;

  function siteRoot() {
    var config = document.getElementById("__config");
    var base = ".";
    try { base = JSON.parse(config.textContent).base || "."; } catch (e) { /* keep "." */ }
    return new URL(base.replace(/\/?$/, "/"), window.location.href);
  }

  function load() {
    if (!pagefind) {
      var root = siteRoot();
      pagefind = import(new URL("pagefind/pagefind.js", root).href).then(function (pf) {
        // No worker (one file less to download; a query takes milliseconds on the page's thread).
        var options = { basePath: new URL("pagefind/", root).pathname, baseUrl: root.pathname, excerptLength: 24, noWorker: true };
        return pf.options(options).then(function () { return pf; });
      });
    }
    return pagefind;
  }

  // Pagefind's excerpt is escaped text with <mark> around the matches: parsed
  // in an inert document, and only text and <mark> are carried over.
  function excerptNodes(excerpt) {
    var doc = new DOMParser().parseFromString("<p>" + excerpt + "</p>", "text/html");
    var out = document.createDocumentFragment();
    doc.body.firstChild.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  function safeHref(url) {
    // Pagefind's URLs are paths on this site; anything else is not a link.
    return typeof url === "string" && url.charAt(0) === "/" && url.charAt(1) !== "/" ? url : null;
  }

  var LABELS = { brief: "Brief", person: "Person", place: "Place", organisation: "Organisation" };

  function item(data) {
    var href = safeHref(data.url);
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var a = document.createElement("a");
    a.className = "md-search-result__link";
    if (href) a.setAttribute("href", href);
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var h = document.createElement("h1");
    h.textContent = (data.meta && data.meta.title) || href || "";
    article.appendChild(h);
    var label = [LABELS[data.meta && data.meta.kind] || "", (data.meta && data.meta.date) || ""].filter(Boolean);
    if (label.length) {
      var small = document.createElement("p");
      small.className = "nb-search__label";
      small.textContent = label.join(" · ");
      article.appendChild(small);
    }
    var p = document.createElement("p");
    p.appendChild(excerptNodes(data.excerpt || ""));
    article.appendChild(p);
    a.appendChild(article);
    li.appendChild(a);
    return li;
  }

  function normalise(text) {
    return text.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"')
      .replace(/[^\p{L}\p{N}']+/gu, " ").trim();
  }

  // The words Pagefind is asked for, and the phrase to prefer (null for one or two words).
  function plan(query) {
    var words = normalise(query).split(" ").filter(Boolean);
    if (words.length < 3) return { terms: query, phrase: null };
    var rare = words.filter(function (w) { return !COMMON.has(w); });
    return { terms: (rare.length ? rare : words).join(" "), phrase: " " + words.join(" ") + " " };
  }

  function search() {
    var query = input.value.trim();
    var mine = ++run;
    if (!query) {
      list.textContent = "";
      meta.textContent = "Type to start searching";
      return;
    }
    load().then(function (pf) {
      var options = kind ? { filters: { kind: kind } } : {};
      var wanted = plan(query);
      return pf.search(wanted.terms, options).then(function (found) {
        if (mine !== run) return null;  // a newer query took over
        meta.textContent = found.results.length === 1 ? "1 matching page" : found.results.length + " matching pages";
        var top = found.results.slice(0, wanted.phrase ? PHRASE_RESULTS : RESULTS);
        return Promise.all(top.map(function (r) { return r.data(); })).then(function (pages) {
          if (!wanted.phrase) return pages;
          var exact = function (page) { return (" " + normalise(page.content || "") + " ").indexOf(wanted.phrase) >= 0; };
          return pages.filter(exact).concat(pages.filter(function (p) { return !exact(p); })).slice(0, RESULTS);
        });
      });
    }).then(function (pages) {
      if (!pages || mine !== run) return;
      list.textContent = "";
      pages.forEach(function (data) { list.appendChild(item(data)); });
    }).catch(function () {
      meta.textContent = "Search is not available (the search index was not built)";
    });
  }

  // Searched once typing pauses (not Pagefind's debouncedSearch, which fetches the
  // index chunks of every half-typed word on the way).
  var timer = 0;
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    run++;
    timer = window.setTimeout(search, 300);
  });
  input.addEventListener("focus", function () { if (toggle) toggle.checked = true; load(); });
  box.querySelector("form").addEventListener("submit", function (event) { event.preventDefault(); search(); });
  box.querySelector("form").addEventListener("reset", function () { window.setTimeout(search, 0); });
  box.querySelector("[data-nb-search-filters]").addEventListener("click", function (event) {
    var button = event.target.closest("button[data-kind]");
    if (!button) return;
    kind = button.getAttribute("data-kind");
    box.querySelectorAll("[data-nb-search-filters] button").forEach(function (b) {
      b.setAttribute("aria-pressed", b === button ? "true" : "false");
    });
    search();
  });
  if (toggle) {
    toggle.addEventListener("change", function () {
      if (toggle.checked) { input.focus(); } else { input.blur(); }
    });
  }
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle && toggle.checked) {
      toggle.checked = false;
      input.blur();
    } else if ((event.key === "/" || event.key === "s") && toggle && !toggle.checked &&
               !/^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName)) {
      event.preventDefault();
      toggle.checked = true;
      input.focus();
    }
  });
})();
