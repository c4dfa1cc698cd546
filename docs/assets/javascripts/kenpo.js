/*
 * kenpo-wizard site: the "today" marker of the schedule, computed in the browser in Japan
 * time (Asia/Tokyo). Each milestone is marked 過去 / 本日 / 期間中 / 今後.
 * `?today=YYYY-MM-DD` in the address shows the schedule as of another day (for checks and
 * for call-center agents answering about a given day).
 * Words and dates are the page's language: <script id="kenpo-page"> carries them from the
 * site's catalog (kenpo_site/page_data.py); the Japanese below is the fallback.
 * On the wizard page the language selector keeps the answers (the address's ?… and #…).
 */
(function () {
  "use strict";

  var TEXT = {
    past: "過去", current: "期間中", today: "本日", upcoming: "今後",
    today_line: "今日（日本時間）：{date}",
    today_note: "今日（日本時間）：{date}。各項目に「過去」「期間中」「今後」を表示しています。",
    as_of: "本日 {date} 時点（日本時間）",
    table: "表{n}", same_name: "{name}（{n}）", scrolls: "{name}（横にスクロールできます）"
  };
  (function () {
    var node = document.getElementById("kenpo-page");
    var text = node ? (JSON.parse(node.textContent).text || {}) : {};
    Object.keys(text).forEach(function (k) { TEXT[k] = text[k]; });
  })();
  function word(key, values) {
    return TEXT[key].replace(/\{(\w+)\}/g, function (all, name) {
      return values && name in values ? String(values[name]) : all;
    });
  }

  // ?today=YYYY-MM-DD shows the guide as of another day (checks, call-center agents).
  function tokyoToday() {
    var param = new URLSearchParams(location.search).get("today");
    if (param && /^\d{4}-\d{2}-\d{2}$/.test(param)) return param;
    return window.kenpoDates.tokyoToday();
  }
  var warekiOf = window.kenpoDates.both;

  function status(today, start, end) {
    if (today < start) return ["upcoming", word("upcoming")];
    if (today > end) return ["past", word("past")];
    return start === end ? ["current", word("today")] : ["current", word("current")];
  }

  function xOf(scale, iso) {
    var width = scale.right - scale.left, segs = scale.segments;
    if (iso <= segs[0][0]) return scale.left + segs[0][2] * width;
    var last = segs[segs.length - 1];
    if (iso >= last[1]) return scale.left + last[3] * width;
    var t = Date.parse(iso);
    for (var i = 0; i < segs.length; i++) {
      var s = segs[i];
      if (iso >= s[0] && iso <= s[1]) {
        var frac = (t - Date.parse(s[0])) / (Date.parse(s[1]) - Date.parse(s[0]));
        return scale.left + (s[2] + frac * (s[3] - s[2])) * width;
      }
    }
    return scale.left + (segs[0][3] + segs[1][2]) / 2 * width;
  }

  // The build marks the list for its own day; this re-marks it for today (the same on the
  // build day, so nothing moves).
  function mark(root, today) {
    var items = root.querySelectorAll("[data-kenpo-milestone]");
    var before = null;
    Array.prototype.forEach.call(root.querySelectorAll("[data-kenpo-today-marker]"), function (m) {
      m.parentNode.removeChild(m);
    });
    Array.prototype.forEach.call(items, function (li) {
      var st = status(today, li.getAttribute("data-start"), li.getAttribute("data-end"));
      li.classList.remove("is-past", "is-current", "is-upcoming");
      li.classList.add("is-" + st[0]);
      var label = li.querySelector("[data-kenpo-status]");
      if (label) label.textContent = st[1];
      if (!before && st[0] === "upcoming") before = li;
    });
    var text = word("today_line", { date: warekiOf(today) });
    var list = items.length ? items[0].parentNode : null;
    if (list) {
      var marker = document.createElement("li");
      marker.className = "kenpo-ms kenpo-ms--today";
      marker.setAttribute("data-kenpo-today-marker", "");
      marker.textContent = text;
      list.insertBefore(marker, before);
    }
    var para = root.querySelector("[data-kenpo-today]");
    if (para) {
      para.textContent = word("today_note", { date: warekiOf(today) });
      para.hidden = false;
    }
    var svg = root.querySelector("svg[data-kenpo-scale]");
    if (svg) {
      var scale = JSON.parse(svg.getAttribute("data-kenpo-scale"));
      Array.prototype.forEach.call(svg.querySelectorAll("[data-kenpo-marker]"), function (g) {
        var st = status(today, g.getAttribute("data-start"), g.getAttribute("data-end"));
        g.classList.add("is-" + st[0]);
      });
      var line = svg.querySelector("[data-kenpo-today-line]");
      if (line) {
        line.setAttribute("transform", "translate(" + xOf(scale, today).toFixed(1) + " 0)");
        line.setAttribute("visibility", "visible");
      }
    }
  }

  /* "いまの状況": keep only the period that contains today (all stay visible without JS). */
  function todayStatus(root, today) {
    var items = root.querySelectorAll("li[data-start]");
    Array.prototype.forEach.call(items, function (li) {
      var inside = li.getAttribute("data-start") <= today && today <= li.getAttribute("data-end");
      li.hidden = !inside;
    });
    var label = root.querySelector("[data-kenpo-today-date]");
    if (label) label.textContent = word("as_of", { date: warekiOf(today) });
    root.classList.add("kenpo-today--js");
  }

  function init() {
    var today = tokyoToday();
    document.documentElement.setAttribute("data-kenpo-today", today);
    Array.prototype.forEach.call(
      document.querySelectorAll("[data-kenpo-today-status]"),
      function (root) { todayStatus(root, today); }
    );
    Array.prototype.forEach.call(
      document.querySelectorAll("[data-kenpo-timeline]"),
      function (root) { mark(root, today); }
    );
  }

  /* Material wraps plain tables in a horizontally scrollable box; a scrollable region must
     be reachable by keyboard (axe scrollable-region-focusable) and named. Runs after
     Material has mounted the page (document$ emits to Material's subscribers first). */
  function focusableScrollwraps() {
    var used = {};
    Array.prototype.forEach.call(
      /* the code table fits its column (kenpo.css): nothing to scroll */
      document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex]):not(.kw-codes *)"),
      function (wrap, i) {
        var caption = wrap.querySelector("caption");
        var name = caption ? caption.textContent.trim() : word("table", { n: i + 1 });
        if (used[name]) name = word("same_name", { name: name, n: i + 1 });
        used[name] = true;
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", word("scrolls", { name: name }));
      }
    );
  }
  if (window.document$ && typeof window.document$.subscribe === "function")
    window.document$.subscribe(focusableScrollwraps);
  else
    addEventListener("load", focusableScrollwraps);

  /* The header's drawer and search toggles are checkboxes; a browser that restores form
     state on back navigation must not reopen them (see site_hooks.on_post_page). */
  addEventListener("pageshow", function (ev) {
    if (!ev.persisted) return;
    var drawer = document.getElementById("__drawer");
    if (drawer && drawer.checked) drawer.click();
  });

  /* The language selector (and the head's <link rel="alternate" hreflang>) names this page
     in each language, as the build found it (mkdocs-static-i18n and the kenpo plugin).
     Material's own script for it expects links to each language's home: it would fetch
     "<link>/sitemap.xml" for every head link (404s) and send a click on the selector to its
     guess instead. So the head's links are hidden from it while it looks (at
     DOMContentLoaded: its listener, added first, runs before ours), and a click on the
     selector follows the selector's own link. */
  if (document.readyState === "loading") {
    var hreflang = document.querySelectorAll('link[rel="alternate"][hreflang]');
    Array.prototype.forEach.call(hreflang, function (l) { l.setAttribute("rel", "kenpo-alternate"); });
    document.addEventListener("DOMContentLoaded", function () {
      Array.prototype.forEach.call(hreflang, function (l) { l.setAttribute("rel", "alternate"); });
    }, { once: true });
  }

  /* On the wizard the answers are the address (?key=value…, #…): the selector leads to the
     same answers in the other language. The address changes as the member answers, so the
     link is set when it is about to be followed (pointer, keyboard, focus, menu). */
  var wizardPage = !!document.getElementById("kenpo-wizard");
  function selectorLink(ev) {
    var a = ev.target && ev.target.closest && ev.target.closest("a.md-select__link[hreflang]");
    if (!a) return;
    if (ev.type === "click") ev.stopPropagation(); /* not to Material's handler on <body> */
    if (!wizardPage) return;
    var url = new URL(a.getAttribute("href"), location.href);
    url.search = location.search;
    url.hash = location.hash;
    a.setAttribute("href", url.href);
  }
  ["pointerdown", "focusin", "click", "auxclick", "contextmenu"].forEach(function (type) {
    document.addEventListener(type, selectorLink, true);
  });

  if (document.readyState === "loading")
    document.addEventListener("DOMContentLoaded", init);
  else
    init();

  // The service worker (site/sw.js) makes the guide and the wizard work offline after one
  // visit. On the wizard page it is registered once the engine has started (or failed), so
  // its caching never competes with the engine's own download.
  function registerServiceWorker() {
    if (!("serviceWorker" in navigator) || !window.__md_scope) return;
    navigator.serviceWorker.register(new URL("sw.js", window.__md_scope)).catch(function () {});
  }
  if (document.getElementById("kenpo-wizard")) {
    document.addEventListener("kenpo:engine", registerServiceWorker, { once: true });
  } else {
    addEventListener("load", registerServiceWorker);
  }
})();
