/* search.js: filters the list of items and guides on the search page (search.html) as the user types.
 * Progressive enhancement: the page works without this script (the full list is the no-JavaScript
 * experience). Matching is done on the list already in the page: an entry stays visible when the
 * query (trimmed, case-insensitive, full-width forms folded) is contained in its code or its name.
 * No network requests, no external resources. */
(function () {
  "use strict";

  var input = document.getElementById("q");
  var list = document.getElementById("results");
  var status = document.getElementById("search-status");
  if (!input || !list || !status) {
    return;
  }
  var form = input.form;
  var items = Array.prototype.slice.call(list.getElementsByTagName("li"));

  /* Lower case, and full-width letters and digits (０２ or ＡＢ typed with a Chinese IME) as ASCII. */
  function fold(text) {
    var s = String(text || "");
    if (typeof s.normalize === "function") {
      s = s.normalize("NFKC");
    }
    return s.toLowerCase();
  }

  var entries = items.map(function (li) {
    return {
      li: li,
      code: fold(li.getAttribute("data-code")),
      name: fold(li.getAttribute("data-name"))
    };
  });

  var lastQuery = null;

  function update() {
    var query = fold(input.value).trim();
    if (query === lastQuery) {
      return;
    }
    lastQuery = query;
    var shown = 0;
    entries.forEach(function (entry) {
      var match = query === "" || entry.code.indexOf(query) !== -1 || entry.name.indexOf(query) !== -1;
      entry.li.hidden = !match;
      if (match) {
        shown += 1;
      }
    });
    status.textContent = query === "" ? "共 " + entries.length + " 项" : "找到 " + shown + " 项";
  }

  /* A query passed in the address (search.html?q=居住), e.g. by submitting the form. */
  function queryFromAddress() {
    var match = /[?&]q=([^&#]*)/.exec(window.location.search);
    if (!match) {
      return "";
    }
    try {
      return decodeURIComponent(match[1].replace(/\+/g, " "));
    } catch (e) {
      return "";
    }
  }

  input.addEventListener("input", update);
  /* Chinese input methods fire input events while composing; filter again when a word is chosen. */
  input.addEventListener("compositionend", update);
  if (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      lastQuery = null;
      update();
    });
  }

  var initial = queryFromAddress();
  if (initial && !input.value) {
    input.value = initial;
  }
  update();
})();
