/* avance — search of the search page (buscar/), a progressive enhancement.
   Without this script the page explains that search needs JavaScript and links to the
   collections. With it: reads ?q=, loads the prebuilt index (search-index.json, whose text is
   already folded by the build), and lists the entries that contain every word of the query,
   title matches first. No dependencies, no inline code (CSP: script-src 'self'). */
(function () {
  "use strict";

  var box = document.querySelector("[data-search-index]");
  if (!box || !window.fetch || !window.URLSearchParams || !("normalize" in String.prototype)) return;

  var form = box.querySelector(".search-form");
  var input = box.querySelector(".search-input");
  var status = box.querySelector(".search-status");
  var list = box.querySelector(".search-results");
  var fallback = box.querySelector(".search-fallback");
  var indexURL = new URL(box.getAttribute("data-search-index"), document.baseURI);
  // Entry URLs in the index are relative to the home page of the site's language; a translation
  // (`en/buscar/`) links to its own pages (`en/proyectos/…`) from its own home page.
  var home = box.getAttribute("data-home");
  var homeURL = home ? new URL(home, document.baseURI) : indexURL;
  var limit = 100;
  var baseTitle = document.title;
  var entries = null;
  var loading = null;

  // Must match SearchText.fold in Sources/Search/SearchText.swift, which folds the index.
  var marks = /[\p{M}]/gu;
  var separators = /[^\p{L}\p{N}]+/gu;
  function fold(text) {
    return text.toLowerCase().normalize("NFKD").replace(marks, "").replace(/ς/g, "σ")
      .replace(separators, " ").trim().toLowerCase();
  }

  // Interface strings come from the theme's i18n file, as data- attributes: "{count}", "{query}".
  function say(name, values) {
    var text = box.getAttribute("data-" + name) || "";
    return text.replace(/\{(\w+)\}/g, function (all, key) {
      return Object.prototype.hasOwnProperty.call(values || {}, key) ? String(values[key]) : all;
    });
  }

  function words(query) {
    var seen = {};
    return fold(query).split(" ").filter(function (word) {
      if (!word || seen[word]) return false;
      seen[word] = true;
      return true;
    });
  }

  function has(text, term) {
    return text.indexOf(term) >= 0;
  }

  // 3: every word in the title; 2: some word in the title; 1: every word in the title or the
  // fields; 0: some word only in the body. Ties keep the index's order (collections, entries).
  function rank(entry, terms) {
    var inTitle = terms.filter(function (term) { return has(entry.foldedTitle, term); }).length;
    if (inTitle === terms.length) return 3;
    if (inTitle > 0) return 2;
    return terms.every(function (term) { return has(entry.foldedTitle, term) || has(entry.foldedFields, term); })
      ? 1 : 0;
  }

  function matches(entry, terms) {
    return terms.every(function (term) {
      return has(entry.foldedTitle, term) || has(entry.foldedFields, term) || has(entry.foldedBody, term);
    });
  }

  function search(terms) {
    var found = [];
    entries.forEach(function (entry, position) {
      if (matches(entry, terms)) found.push({ entry: entry, rank: rank(entry, terms), position: position });
    });
    found.sort(function (a, b) { return b.rank - a.rank || a.position - b.position; });
    return found.map(function (match) { return match.entry; });
  }

  function element(name, className, text) {
    var node = document.createElement(name);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function item(entry) {
    var li = element("li", "search-result");
    var heading = element("h2", "search-result-title");
    var link = element("a", "", entry.title);
    if (entry.lang) link.lang = entry.lang;
    link.href = new URL(entry.url, homeURL).href;
    heading.appendChild(link);
    li.appendChild(heading);
    li.appendChild(element("p", "search-result-kind", entry.collection));
    if (entry.excerpt) li.appendChild(element("p", "search-result-excerpt", entry.excerpt));
    return li;
  }

  function show(query) {
    var terms = words(query);
    list.textContent = "";
    list.hidden = true;
    document.title = query.trim() ? query.trim() + " · " + baseTitle : baseTitle;
    if (!terms.length) {
      status.textContent = say("empty");
      box.setAttribute("data-state", "done");
      return;
    }
    var found = search(terms);
    var values = { count: found.length, query: query.trim(), shown: Math.min(limit, found.length) };
    var message = say(found.length === 0 ? "no-results" : found.length === 1 ? "results-one" : "results-many", values);
    if (found.length > limit) message += " " + say("shown", values);
    status.textContent = message;
    found.slice(0, limit).forEach(function (entry) { list.appendChild(item(entry)); });
    list.hidden = found.length === 0;
    box.setAttribute("data-state", "done");
  }

  function queryOfLocation() {
    return new URLSearchParams(window.location.search).get("q") || "";
  }

  function run(query) {
    if (entries) return show(query);
    status.textContent = say("loading");
    box.setAttribute("data-state", "loading");
    if (loading) return;
    loading = fetch(indexURL.href, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + response.statusText);
        return response.json();
      })
      .then(function (index) {
        entries = index.entries || [];
        show(input.value);
      })
      .catch(function () {
        loading = null;
        status.textContent = say("error");
        box.setAttribute("data-state", "error");
        fallback.querySelector(".search-fallback-note").hidden = true;
        fallback.hidden = false;
      });
  }

  form.hidden = false;
  fallback.hidden = true;
  input.value = queryOfLocation();

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var url = new URL(window.location.href);
    url.searchParams.set("q", input.value);
    window.history.pushState(null, "", url.href);
    run(input.value);
  });

  window.addEventListener("popstate", function () {
    input.value = queryOfLocation();
    run(input.value);
  });

  // The header's search box on this page holds the query too.
  var headerInput = document.getElementById("site-search-q");
  if (headerInput) headerInput.value = input.value;

  if (input.value.trim()) run(input.value);
})();
