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
 * Members do not write the leaflet's words, so each query word is expanded with the site's
 * vocabulary (src/kenpo_site/search_terms.toml, sent in the index as config.kenpo):
 *   - a word matches a section if it or any of its alternatives is found there
 *     (なくした → 紛失, 70歳 → 70から74歳・高齢受給者, 退職 → 資格喪失);
 *   - a word found nowhere loses its ending (退職したら → 退職) or is cut at its particles
 *     (利用登録のやり方 → 利用登録 + やり方);
 *   - a word inside a longer official term counts only if the query holds that term
 *     (保険証 inside マイナ保険証).
 * Ranking: a term in a section's heading weighs most, in its page's title next, in the text
 * least; the employers' and call-center pages come after the members' pages unless the
 * query is about an employer's work.
 *
 * Each page's result leads to its best section: Material renders a page's first link from
 * the item without "#" in its location; each group here ends with the page's entry pointed
 * at its best section instead (Material 9.8.1 then takes the group's last item as the page,
 * templates/search/index.tsx renderSearchResultItem), so the first link lands on the
 * section, not on the page top.
 *
 * A result code (A-K7QA, K7QA, a-k7qa) finds its own row of the call-center table
 * (call-center/#code-A-K7QA), with no `h` highlight: Material's highlighter splits at "-"
 * and would mark every 「A」 of the page. The row is marked by :target (kenpo.css).
 *
 * Normalisation keeps string length (so positions map back to the original text):
 * full-width ASCII → half-width, ideographic space → space, lower case.
 *
 * Languages: the index holds the pages of every language (mkdocs-static-i18n merges them;
 * config.kenpo_languages maps each language to its folder, "" for Japanese, "en/" for
 * English). The page names its language in the worker's address (?lang=en, set in
 * overrides/main.html): a search shows that language's pages, and the other languages' only
 * when none of its own match (an English word typed on a Japanese page still finds the
 * English pages). The vocabulary's page weights and answers apply to a page's counterparts
 * too (en/comparison/ weighs as comparison/, and en/comparison/#返却のまとめ answers 退職 and
 * "quit": the generated blocks keep their headings' ids in every language).
 */
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
var docs = [], codes = [], titles = {};
var folders = [], pageLanguage = ""; /* [[folder, lang]] longest first; the page's language */
var vocab = {
  synonyms: {}, phrases: [], endings: [], split: [], ignore: [], inside: {}, answers: {}, weights: {}, openings: {},
  staff: { pages: [], words: [], answers: {} }
};

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

function pageOf(location) {
  return location.split("#")[0];
}

function setupVocabulary(raw) {
  var v = raw || {};
  var synonyms = {};
  Object.keys(v.synonyms || {}).forEach(function (k) {
    synonyms[normalize(k)] = v.synonyms[k].map(normalize);
  });
  var inside = {};
  Object.keys(v.inside || {}).forEach(function (k) {
    inside[normalize(k)] = v.inside[k].map(normalize);
  });
  var answers = {};
  Object.keys(v.answers || {}).forEach(function (k) { answers[normalize(k)] = v.answers[k]; });
  var staffAnswers = {}, given = (v.staff && v.staff.answers) || {};
  Object.keys(given).forEach(function (k) { staffAnswers[normalize(k)] = given[k]; });
  /* Words of several words ("new job", "lost my job"): one query word each, longest first */
  var phrases = Object.keys(synonyms).concat(Object.keys(answers))
    .filter(function (k, i, all) { return k.indexOf(" ") !== -1 && all.indexOf(k) === i; })
    .sort(function (a, b) { return b.length - a.length; });
  vocab = {
    synonyms: synonyms,
    phrases: phrases,
    endings: (v.endings || []).map(normalize),
    split: (v.split || []).map(normalize),
    ignore: (v.ignore || []).map(normalize),
    inside: inside,
    answers: answers,
    weights: v.weights || {},
    openings: v.openings || {},
    staff: {
      pages: (v.staff && v.staff.pages) || [],
      words: ((v.staff && v.staff.words) || []).map(normalize),
      answers: staffAnswers
    }
  };
}

/* The language of a location and the location without its language's folder. */
function languageOf(location) {
  for (var i = 0; i < folders.length; i++) {
    var folder = folders[i][0];
    if (location.slice(0, folder.length) === folder)
      return { lang: folders[i][1], base: location.slice(folder.length) };
  }
  return { lang: "", base: location };
}

function setupLanguages(map, lang) {
  folders = Object.keys(map || {})
    .map(function (l) { return [map[l], l]; })
    .sort(function (a, b) { return b[0].length - a[0].length; });
  var fallback = folders.length ? folders[folders.length - 1][1] : ""; /* the "" folder */
  pageLanguage = lang && map && map[lang] !== undefined ? lang : fallback;
}

function setup(data, lang) {
  setupVocabulary(data.config && data.config.kenpo);
  setupLanguages(data.config && data.config.kenpo_languages, lang);
  docs = [];
  codes = [];
  titles = {};
  data.docs.forEach(function (doc) {
    var title = plain(doc.title);
    var text = plain(doc.text);
    var where = languageOf(doc.location);
    var d = {
      location: doc.location,
      page: pageOf(doc.location),
      lang: where.lang,
      key: where.base, /* the location in the source language: comparison/#返却のまとめ */
      base: pageOf(where.base), /* and its page */
      title: title,
      text: text,
      ntitle: normalize(title),
      ntext: normalize(text),
      boost: typeof doc.boost === "number" ? doc.boost : 1,
      article: doc.location.indexOf("#") === -1
    };
    if (doc.kenpo_code) {
      d.code = normalize(doc.kenpo_code).replace(/-/g, "");
      codes.push(d);
      return;
    }
    if (d.article) titles[d.page] = d;
    docs.push(d);
  });
  /* The contact block at the end of each page is indexed under the page's own title, with
     no text: a second, empty hit for the page. */
  docs = docs.filter(function (d) {
    var article = titles[d.page];
    if (!d.text && /#kenpo-contact-title$/.test(d.location)) return false;
    return d.article || d.text || !article || d.title !== article.title;
  });
  docs.forEach(function (d) {
    var article = titles[d.page];
    d.npage = article ? article.ntitle : "";
    d.staff = vocab.staff.pages.indexOf(d.base) !== -1;
    d.weight = typeof vocab.weights[d.base] === "number" ? vocab.weights[d.base] : 1;
    if (d.article && typeof vocab.openings[d.base] === "number") d.weight *= vocab.openings[d.base];
  });
}

/* ------------------------------------------------------------------ query words */

function words(query) {
  var text = " " + normalize(query).replace(/[\s、。,?？!！]+/g, " ") + " ";
  var found = [];
  vocab.phrases.forEach(function (p) {
    var at = text.indexOf(" " + p + " ");
    if (at === -1) return;
    found.push(p);
    text = text.slice(0, at) + " " + text.slice(at + p.length + 1);
  });
  return found.concat(text
    .split(" ")
    .map(function (t) { return t.replace(/^[+\-~^*"]+|[~^*"]+$/g, ""); })
    .filter(Boolean));
}

function variants(word) {
  var list = [word];
  (vocab.synonyms[word] || []).forEach(function (v) {
    if (list.indexOf(v) === -1) list.push(v);
  });
  return list;
}

/* Whether a heading or page title holds the word (an official term: 資格情報のお知らせ). */
function inHeadings(word) {
  return variants(word).some(function (v) {
    return docs.some(function (d) { return !d.staff && d.ntitle.indexOf(v) !== -1; });
  });
}

/* A query word as the site can match it: kept whole if the vocabulary knows it or a heading
   holds it; else its ending is dropped (退職したら → 退職) and, if it is still not found in
   the members' pages as a whole, it is cut at its particles (利用登録のやり方 → 利用登録 +
   やり方, 扶養から外れたら → 扶養 + 外れ). */
function analyse(word, depth) {
  if (depth > 6 || vocab.synonyms[word] || inHeadings(word)) return [word];
  if (vocab.ignore.indexOf(word) !== -1) return [];
  /* a question word run into the rest (いつ届く, どこで登録): the rest, without its particle */
  for (var q = 0; q < vocab.ignore.length; q++) {
    var lead = vocab.ignore[q];
    if (latin(lead) || word.length - lead.length < 2 || word.slice(0, lead.length) !== lead) continue;
    var tail = word.slice(lead.length);
    for (var k = 0; k < vocab.split.length && !vocab.synonyms[tail] && !inHeadings(tail); k++) {
      var part = vocab.split[k];
      if (tail.length - part.length >= 2 && tail.slice(0, part.length) === part) {
        tail = tail.slice(part.length);
        break;
      }
    }
    return analyse(tail, depth + 1);
  }
  for (var e = 0; e < vocab.endings.length; e++) {
    var end = vocab.endings[e];
    if (word.length - end.length >= 2 && word.slice(-end.length) === end)
      return analyse(word.slice(0, -end.length), depth + 1);
  }
  for (var i = 1; i < word.length - 1; i++) {
    for (var p = 0; p < vocab.split.length; p++) {
      var particle = vocab.split[p];
      if (word.substr(i, particle.length) !== particle) continue;
      var rest = word.slice(i + particle.length);
      if (!rest) continue;
      return analyse(word.slice(0, i), depth + 1).concat(analyse(rest, depth + 1));
    }
  }
  return [word];
}

/* The query's terms: each a word as typed (or what is left of it) and its alternatives. */
function terms(query) {
  var seen = {}, list = [];
  words(query).forEach(function (w, n) {
    analyse(w, 0).forEach(function (t) {
      if (!t || seen[t] || vocab.ignore.indexOf(t) !== -1) return;
      seen[t] = true;
      list.push({ word: t, variants: variants(t), group: n });
    });
  });
  if (!list.length) {
    var whole = normalize(query).trim();
    if (whole) list.push({ word: whole, variants: [whole], group: 0 });
  }
  return list;
}

/* ------------------------------------------------------------------ matching */

/* Whether a string starts with a letter or digit of the Latin alphabet (an English word). */
function latin(text) {
  return /^[a-z0-9]/.test(text);
}

/* An English word is found at the start of a word only ("use" is not in "because", "no" is
   not in "know"); its end may run on ("card" finds "cards", "expir" finds "expires").
   Japanese has no spaces: anywhere. */
function startsWord(haystack, i, needle) {
  return !latin(needle) || i === 0 || !/[a-z0-9]/.test(haystack.charAt(i - 1));
}

/* The occurrences of `needle` in `haystack` (normalised), as above: [start, ...]. */
function occurrences(haystack, needle) {
  var out = [];
  for (var i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1))
    if (startsWord(haystack, i, needle)) out.push(i);
  return out;
}

/* Occurrences of `needle`, leaving out those inside a longer official term the query lacks. */
function count(haystack, needle, nquery) {
  var longer = (vocab.inside[needle] || []).filter(function (l) {
    return nquery.indexOf(l) === -1;
  });
  var n = 0;
  occurrences(haystack, needle).forEach(function (i) {
    var shadowed = longer.some(function (l) {
      var off = l.indexOf(needle);
      while (off !== -1) {
        if (i - off >= 0 && haystack.substr(i - off, l.length) === l) return true;
        off = l.indexOf(needle, off + 1);
      }
      return false;
    });
    if (!shadowed) n++;
  });
  return n;
}

/* Mark every occurrence of the strings in `text` (original) found via `ntext` (normalised). */
function mark(text, ntext, list, from, to) {
  var hits = [];
  list.forEach(function (t) {
    occurrences(ntext, t).forEach(function (i) {
      if (i >= from && i < to) hits.push([i, Math.min(i + t.length, to)]);
    });
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

/* An English snippet starts and ends between words ("…the certificate", never "…flet;"). */
function wordStart(text, from, limit) {
  if (from === 0 || !/[A-Za-z0-9]/.test(text.charAt(from - 1))) return from;
  var space = text.indexOf(" ", from);
  return space !== -1 && space < limit ? space + 1 : from;
}

function wordEnd(text, to) {
  if (to >= text.length || !/[A-Za-z0-9]/.test(text.charAt(to))) return to;
  var space = text.lastIndexOf(" ", to);
  return space > to - 20 ? space : to;
}

/* Up to two snippets of ~120 characters around the first matches. */
function snippet(doc, list) {
  var first = [];
  list.forEach(function (t) {
    var found = occurrences(doc.ntext, t);
    if (found.length) first.push(found[0]);
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
    from = wordStart(doc.text, from, first[k]);
    to = wordEnd(doc.text, to);
    parts.push("<p>" + (from > 0 ? "…" : "") + mark(doc.text, doc.ntext, list, from, to) +
      (to < doc.text.length ? "…" : "") + "</p>");
    end = to;
  }
  return parts.join("");
}

/* How well `doc` answers `term`, and which of its variants it holds. */
function weigh(doc, term, nquery) {
  var best = 0, used = [], heading = false;
  term.variants.forEach(function (v, i) {
    var inTitle = count(doc.ntitle, v, nquery);
    var inPage = count(doc.npage, v, nquery); /* a page's opening: its title is both */
    var inText = count(doc.ntext, v, nquery);
    if (!(inTitle || inPage || inText)) return;
    used.push(v);
    if (inTitle || inPage) heading = true;
    /* a long table repeats a word often: the count adds little */
    var s = (inTitle ? 10 : 0) + (inPage ? 3 : 0) + (inText ? 1 + 0.3 * Math.log(inText) : 0);
    if (i > 0) s *= 0.9; /* the member's own word, where the site uses it, a little first */
    if (s > best) best = s;
  });
  return { score: best, used: used, heading: heading };
}

/* Positions of the term's variants in the text (occurrences inside longer terms too). */
function positions(ntext, term) {
  var out = [];
  term.variants.forEach(function (v) {
    occurrences(ntext, v).forEach(function (i) { out.push([i, i + v.length]); });
  });
  return out;
}

/* Whether two successive terms are written next to each other (a few characters apart, in
   the query's order): 資格確認書を紛失, カードリーダーが使用できない. */
function together(doc, list) {
  var all = doc.ntitle + "\n" + doc.ntext;
  for (var k = 0; k + 1 < list.length; k++) {
    var a = positions(all, list[k]), b = positions(all, list[k + 1]);
    var near = a.some(function (p) {
      return b.some(function (q) { return q[0] >= p[1] && q[0] - p[1] <= 3; });
    });
    if (near) return true;
  }
  return false;
}

function codeSearch(nquery) {
  var m = /^([abt])?-?([0-9a-z]{4})$/.exec(nquery.replace(/\s+/g, ""));
  if (!m) return null;
  var hits = codes.filter(function (d) {
    return m[1] ? d.code === m[1] + m[2] : d.code.slice(1) === m[2];
  });
  if (!hits.length) return null;
  var page = titles[hits[0].page];
  return {
    items: hits.map(function (d) {
      var item = {
        location: d.location,
        title: mark(d.title, d.ntitle, [d.code.slice(0, 1) + "-" + d.code.slice(1)], 0,
          d.title.length),
        text: "<p>" + escapeHTML(d.text) + "</p>",
        score: 100,
        terms: {} /* no ?h=: Material would highlight every 「A」 on the page */
      };
      return [item, {
        location: d.location, title: escapeHTML(page ? page.title : d.title), text: "",
        score: 100, terms: {}
      }];
    })
  };
}

function search(query) {
  var nquery = normalize(query).trim();
  var byCode = codeSearch(nquery);
  if (byCode) return byCode;
  var list = terms(query);
  if (!list.length) return { items: [] };
  var staffQuery = vocab.staff.words.some(function (w) { return nquery.indexOf(w) !== -1; });
  var groups = {}, order = [];
  docs.forEach(function (doc) {
    var matched = {}, score = 0, found = 0, headed = 0, marks = [];
    list.forEach(function (t) {
      var w = weigh(doc, t, nquery);
      if (w.used.length) {
        found++;
        if (w.heading) headed++;
        score += w.score;
        w.used.forEach(function (v) { matched[v] = true; marks.push(v); });
      } else {
        matched[t.word] = false;
      }
    });
    if (!found) return;
    score *= doc.boost * doc.weight * (found / list.length) * (found / list.length);
    if (list.length > 1 && headed === list.length) score *= 1.5; /* every word in its headings */
    if (list.length > 1 && found === list.length && together(doc, list)) score *= 2.5;
    var answers = staffQuery ? vocab.staff.answers : vocab.answers;
    list.forEach(function (t) {
      if (answers[t.word] === doc.key) score += 15; /* in every language */
    });
    if (doc.staff) score *= staffQuery ? 1.5 : 0.3;
    if (doc.article) score *= 1.1; /* a tie goes to the page's opening */
    if (!groups[doc.page]) { groups[doc.page] = []; order.push(doc.page); }
    groups[doc.page].push({
      location: doc.location,
      title: mark(doc.title, doc.ntitle, marks, 0, doc.title.length),
      text: snippet(doc, marks),
      score: score,
      terms: matched
    });
  });
  var items = order.map(function (path) {
    var group = groups[path].sort(function (a, b) { return b.score - a.score; });
    if (group[0].location === path) return group; /* the page's opening is its best part */
    var article = titles[path];
    /* Drop the page-top entry: the page's link (the group's last item, see above) leads to
       the best section. */
    group = group.filter(function (item) { return item.location !== path; });
    group.push({
      location: group[0].location,
      title: escapeHTML(article ? article.title : group[0].title),
      text: "",
      score: group[0].score,
      terms: group[0].terms
    });
    return group;
  });
  /* The page's own language; the others only when it has nothing */
  var own = items.filter(function (group) { return languageOf(group[0].location).lang === pageLanguage; });
  if (own.length) items = own;
  /* Pages ordered by their best section, then by their total */
  items.sort(function (a, b) {
    var best = b[0].score - a[0].score;
    if (best) return best;
    var sum = function (g) { return g.reduce(function (s, i) { return s + i.score; }, 0); };
    return sum(b) - sum(a);
  });
  return { items: items };
}

if (typeof module === "object" && module.exports) {
  /* Node (tests/site/search_worker.mjs): the same functions, without a worker. */
  module.exports = { setup: setup, search: search, terms: terms };
} else {
  var language = new URLSearchParams(self.location.search).get("lang") || "";
  addEventListener("message", function (ev) {
    var message = ev.data;
    switch (message.type) {
      case SETUP:
        setup(message.data, language);
        postMessage({ type: READY });
        break;
      case QUERY:
        postMessage({ type: RESULT, data: search(message.data) });
        break;
    }
  });
}
