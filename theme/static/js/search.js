/* avance — search of the search page (buscar/), a progressive enhancement.
   Without this script the page explains that search needs JavaScript and links to the
   collections. With it: reads ?q=, and lists the entries that contain every word of the query
   (a word finds the words it starts: "gest" finds "gestión"), title matches first.
   The prebuilt index (SearchIndexBuilder, Sources/Search) is a folder read a little at a time, so
   that a query costs the same on a site of 30 entries and one of 30,000:
     index.json         the manifest: version, number of documents, keys of the shards
     terms/<hex>.json   a shard: folded term -> entries it is in (title, fields, body), encoded
     entries/<n>.json   what a result shows: title, collection, URL, excerpt (lang)
   A query fetches the manifest, one shard per word, and the entries of the results shown.
   No dependencies, no inline code (CSP: script-src 'self'). */
(function () {
  "use strict";

  var box = document.querySelector("[data-search-index]");
  if (!box || !window.fetch || !window.URLSearchParams || !window.Map || !window.TextEncoder ||
      !("normalize" in String.prototype)) return;

  var form = box.querySelector(".search-form");
  var input = box.querySelector(".search-input");
  var status = box.querySelector(".search-status");
  var list = box.querySelector(".search-results");
  var fallback = box.querySelector(".search-fallback");
  var manifestURL = new URL(box.getAttribute("data-search-index"), document.baseURI);
  // Entry URLs in the index are relative to the home page of the site's language; a translation
  // (`en/buscar/`) links to its own pages (`en/proyectos/…`) from its own home page.
  var home = box.getAttribute("data-home");
  var homeURL = new URL(home || "../", home ? document.baseURI : manifestURL);
  var limit = 100;
  var version = 2;
  var baseTitle = document.title;
  var manifest = null;
  var shards = new Map();
  var entries = new Map();
  var latest = 0;

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
    var seen = Object.create(null);
    return fold(query).split(" ").filter(function (word) {
      if (!word || seen[word]) return false;
      seen[word] = true;
      return true;
    });
  }

  function getJSON(url) {
    return fetch(url.href, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + response.statusText);
      return response.json();
    });
  }

  // One fetch per file, kept for the next query; a failed one is forgotten, to be tried again.
  function cached(store, key, url) {
    if (!store.has(key)) {
      store.set(key, getJSON(url).catch(function (error) {
        store.delete(key);
        throw error;
      }));
    }
    return store.get(key);
  }

  function loadManifest() {
    if (manifest) return manifest;
    manifest = getJSON(manifestURL).then(function (index) {
      if (index.version !== version) throw new Error("search index version " + index.version);
      return { documents: index.documents, keys: index.shards ? index.shards.split(" ") : [],
               terms: new URL(index.terms, manifestURL), entries: new URL(index.entries, manifestURL) };
    });
    manifest.catch(function () { manifest = null; });
    return manifest;
  }

  // The shard file of a key: the hexadecimal digits of its UTF-8 bytes (TermIndex.Shard.fileName).
  function fileName(key) {
    return Array.prototype.map.call(new TextEncoder().encode(key), function (byte) {
      return (byte < 16 ? "0" : "") + byte.toString(16);
    }).join("") + ".json";
  }

  // Where the terms a word finds are (TermIndex in Sources/Search/TermIndex.swift): the shard whose
  // key is the longest that starts the word, every term of it that starts with the word; but when
  // longer keys start with the word (a short word, in a group split by its next letters), only the
  // term equal to the word, in the shard of that key.
  function place(word, keys) {
    var longest = null;
    var deeper = false;
    keys.forEach(function (key) {
      if (key !== word && key.indexOf(word) === 0) deeper = true;
      if (word.indexOf(key) === 0 && (longest === null || key.length > longest.length)) longest = key;
    });
    if (deeper) return { key: longest === word ? word : null, exact: true };
    return { key: longest, exact: false };
  }

  var alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

  // The documents of a posting list (Postings in Sources/Search/Postings.swift): "~" and six
  // documents a character, or the gaps between documents in base 32, the last digit of each in
  // the first half of the alphabet.
  function decode(text, each) {
    var position;
    if (text.charAt(0) === "~") {
      for (position = 1; position < text.length; position++) {
        var bits = alphabet.indexOf(text.charAt(position));
        for (var bit = 0; bit < 6; bit++) if (bits & (1 << bit)) each((position - 1) * 6 + bit);
      }
      return;
    }
    var number = -1;
    var gap = 0;
    for (position = 0; position < text.length; position++) {
      var value = alphabet.indexOf(text.charAt(position));
      gap = gap * 32 + (value & 31);
      if (value < 32) {
        number += gap;
        each(number);
        gap = 0;
      }
    }
  }

  // For one word, where each document has it: 0 title, 1 fields, 2 body, 3 not at all.
  function placesOf(word, index) {
    var found = place(word, index.keys);
    var places = new Uint8Array(index.documents).fill(3);
    if (found.key === null) return Promise.resolve(places);
    return cached(shards, found.key, new URL(fileName(found.key), index.terms)).then(function (shard) {
      Object.keys(shard).forEach(function (term) {
        if (found.exact ? term !== word : term.indexOf(word) !== 0) return;
        shard[term].forEach(function (postings, where) {
          decode(postings, function (number) {
            if (places[number] > where) places[number] = where;
          });
        });
      });
      return places;
    });
  }

  // 3: every word in the title; 2: some word in the title; 1: every word in the title or the
  // fields; 0: some word only in the body. Ties keep the index's order (collections, entries).
  function search(places, documents) {
    var found = [];
    for (var number = 0; number < documents; number++) {
      var inTitle = 0;
      var inFields = 0;
      var missing = false;
      for (var word = 0; word < places.length && !missing; word++) {
        var where = places[word][number];
        if (where === 3) missing = true;
        if (where === 0) inTitle++;
        if (where <= 1) inFields++;
      }
      if (missing) continue;
      var rank = inTitle === places.length ? 3 : inTitle > 0 ? 2 : inFields === places.length ? 1 : 0;
      found.push({ number: number, rank: rank });
    }
    found.sort(function (a, b) { return b.rank - a.rank || a.number - b.number; });
    return found;
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

  function show(query, count, shown) {
    list.textContent = "";
    var values = { count: count, query: query.trim(), shown: shown.length };
    var message = say(count === 0 ? "no-results" : count === 1 ? "results-one" : "results-many", values);
    if (count > limit) message += " " + say("shown", values);
    status.textContent = message;
    shown.forEach(function (entry) { list.appendChild(item(entry)); });
    list.hidden = count === 0;
    box.setAttribute("data-state", "done");
  }

  function queryOfLocation() {
    return new URLSearchParams(window.location.search).get("q") || "";
  }

  function run(query) {
    var asked = ++latest;
    var terms = words(query);
    document.title = query.trim() ? query.trim() + " · " + baseTitle : baseTitle;
    if (!terms.length) {
      list.textContent = "";
      list.hidden = true;
      status.textContent = say("empty");
      box.setAttribute("data-state", "done");
      return;
    }
    status.textContent = say("loading");
    box.setAttribute("data-state", "loading");
    var count = 0;
    loadManifest()
      .then(function (index) {
        return Promise.all(terms.map(function (term) { return placesOf(term, index); })).then(function (places) {
          var found = search(places, index.documents);
          count = found.length;
          return Promise.all(found.slice(0, limit).map(function (match) {
            return cached(entries, match.number, new URL(match.number + ".json", index.entries));
          }));
        });
      })
      .then(function (shown) {
        if (asked === latest) show(query, count, shown);
      })
      .catch(function () {
        if (asked !== latest) return;
        list.textContent = "";
        list.hidden = true;
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
