/*
 * Japanese search worker for Material for MkDocs 9.8.1 (kenpo-wizard).
 *
 * Why: Material's lunr worker with `lang: ja` cuts text and queries with TinySegmenter at
 * katakana/kanji boundaries and re-segments kanji runs against the index, so queries such
 * as マイナ保険証, 資格情報のお知らせ or セブン銀行 return 「何も見つかりませんでした」.
 * This worker speaks the same message protocol (SETUP → READY, QUERY → RESULT, see
 * material/src/templates/assets/javascripts/integrations/search/worker/message) but matches
 * substrings of normalised text instead of segmented tokens: every official term is found
 * wherever it is written. The site is small (a few hundred sections), so a linear scan is
 * instant.
 *
 * Normalisation keeps string length (so positions map back to the original text):
 * full-width ASCII → half-width, ideographic space → space, lower case.
 */
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
var docs = [];

function normalize(text) {
  var out = "";
  for (var i = 0; i < text.length; i++) {
    var c = text.charCodeAt(i);
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;
    else if (c === 0x3000) c = 0x20;
    out += String.fromCharCode(c);
  }
  return out.toLowerCase();
}

function decode(text) {
  return text
    .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, "\"")
    .replace(/&#39;/g, "'").replace(/&nbsp;/g, " ").replace(/&amp;/g, "&");
}

function escapeHTML(text) {
  return text
    .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

function plain(html) {
  return decode(String(html || "").replace(/<[^>]*>/g, " ")).replace(/\s+/g, " ").trim();
}

function setup(data) {
  docs = data.docs.map(function (doc) {
    var title = plain(doc.title);
    var text = plain(doc.text);
    return {
      location: doc.location,
      title: title,
      text: text,
      ntitle: normalize(title),
      ntext: normalize(text),
      boost: typeof doc.boost === "number" ? doc.boost : 1,
      article: doc.location.indexOf("#") === -1
    };
  });
}

function count(haystack, needle) {
  var n = 0;
  for (var i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length))
    n++;
  return n;
}

function terms(query) {
  var seen = {};
  return normalize(query)
    .split(/[\s、。,]+/)
    .map(function (t) { return t.replace(/^[+\-~^*"]+|[~^*"]+$/g, ""); })
    .filter(function (t) {
      if (!t || seen[t]) return false;
      seen[t] = true;
      return true;
    });
}

/* Mark every occurrence of the terms in `text` (original) found via `ntext` (normalised). */
function mark(text, ntext, list, from, to) {
  var hits = [];
  list.forEach(function (t) {
    for (var i = ntext.indexOf(t, from); i !== -1 && i < to; i = ntext.indexOf(t, i + t.length))
      hits.push([i, Math.min(i + t.length, to)]);
  });
  hits.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
  var out = "", cursor = from;
  hits.forEach(function (h) {
    if (h[0] < cursor) return;
    out += escapeHTML(text.slice(cursor, h[0])) + "<mark>" +
      escapeHTML(text.slice(h[0], h[1])) + "</mark>";
    cursor = h[1];
  });
  return out + escapeHTML(text.slice(cursor, to));
}

/* Up to two snippets of ~120 characters around the first matches. */
function snippet(doc, list) {
  var first = [];
  list.forEach(function (t) {
    var i = doc.ntext.indexOf(t);
    if (i !== -1) first.push(i);
  });
  if (!first.length) {
    var head = doc.text.slice(0, 120);
    return head ? "<p>" + escapeHTML(head) + (doc.text.length > 120 ? "…" : "") + "</p>" : "";
  }
  first.sort(function (a, b) { return a - b; });
  var parts = [], end = -1;
  for (var k = 0; k < first.length && parts.length < 2; k++) {
    if (first[k] < end) continue;
    var from = Math.max(0, first[k] - 40), to = Math.min(doc.text.length, first[k] + 80);
    parts.push("<p>" + (from > 0 ? "…" : "") + mark(doc.text, doc.ntext, list, from, to) +
      (to < doc.text.length ? "…" : "") + "</p>");
    end = to;
  }
  return parts.join("");
}

function search(query) {
  var list = terms(query);
  if (!list.length) return { items: [] };
  var groups = {}, order = [];
  docs.forEach(function (doc) {
    var matched = {}, score = 0, found = 0;
    list.forEach(function (t) {
      var inTitle = count(doc.ntitle, t), inText = count(doc.ntext, t);
      matched[t] = inTitle + inText > 0;
      if (matched[t]) {
        found++;
        score += (inTitle ? 10 : 0) + (inText ? 1 + Math.log(inText) : 0);
      }
    });
    if (!found) return;
    score *= doc.boost * (found / list.length) * (found / list.length);
    if (doc.article) score *= 1.2;
    var path = doc.location.split("#")[0];
    if (!groups[path]) { groups[path] = []; order.push(path); }
    groups[path].push({
      location: doc.location,
      title: mark(doc.title, doc.ntitle, list, 0, doc.title.length),
      text: snippet(doc, list),
      score: score,
      terms: matched
    });
  });
  var items = order.map(function (path) {
    var group = groups[path].sort(function (a, b) { return b.score - a.score; });
    if (!group.some(function (item) { return item.location === path; })) {
      var article = docs.filter(function (d) { return d.location === path; })[0];
      if (article)
        group.push({
          location: article.location, title: escapeHTML(article.title), text: "",
          score: 0, terms: {}
        });
    }
    return group;
  });
  /* Pages ordered by their best section, then by their total */
  items.sort(function (a, b) {
    var best = b[0].score - a[0].score;
    if (best) return best;
    var sum = function (g) { return g.reduce(function (s, i) { return s + i.score; }, 0); };
    return sum(b) - sum(a);
  });
  return { items: items };
}

addEventListener("message", function (ev) {
  var message = ev.data;
  switch (message.type) {
    case SETUP:
      setup(message.data);
      postMessage({ type: READY });
      break;
    case QUERY:
      postMessage({ type: RESULT, data: search(message.data) });
      break;
  }
});
