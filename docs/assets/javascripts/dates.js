/*
 * Dates in the browser, formatted from the engine's own era table (kenpo_wizard.wareki,
 * carried by every page as <script id="kenpo-eras" type="application/json">), so 和暦 is
 * computed in one place for the engine, the site and the page scripts.
 * In the page's language: the engine's date patterns and words come with the page too
 * (<script id="kenpo-page">, its "dates": "1 December 2025 (Reiwa 7)" in English); without
 * them the dates are Japanese.
 * window.kenpoDates: tokyoToday(), wareki(y, m, d), both(iso), eras, and t(msgid, values)
 * for the page scripts' words.
 */
(function () {
  "use strict";
  function json(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }
  var eras = json("kenpo-eras") || [];
  var page = json("kenpo-page") || {};
  var words = page.dates || {
    both: "{era}{era_year}年{month}月{day}日（{year}年{month}月{day}日）",
    wareki: "{era}{era_year}年{month}月{day}日",
    eras: {},
    first_year: "元",
    months: [],
    weekdays: "月火水木金土日".split("")
  };

  function key(y, m, d) { return y * 10000 + m * 100 + d; }

  // Today in Japan: UTC+9, which has had no daylight saving since 1951.
  function tokyoToday() {
    var t = new Date(Date.now() + 9 * 3600 * 1000);
    return t.toISOString().slice(0, 10);
  }

  // The fields of kenpo_wizard.wareki's patterns; null before the supported eras.
  function fields(y, m, d) {
    for (var i = 0; i < eras.length; i++) {
      var e = eras[i];
      if (key(y, m, d) >= key(e[2], e[3], e[4])) {
        var n = y - e[2] + 1;
        var monday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7; // Monday = 0
        return {
          era: words.eras[e[1]] || e[1],
          era_year: n === 1 ? words.first_year : String(n),
          year: String(y),
          month: String(m),
          month_name: words.months[m - 1] || m + "月",
          day: String(d),
          weekday: words.weekdays[monday] || ""
        };
      }
    }
    return null;
  }

  function format(pattern, f) {
    return f ? pattern.replace(/\{(\w+)\}/g, function (all, name) {
      return Object.prototype.hasOwnProperty.call(f, name) ? f[name] : all;
    }) : "";
  }

  function wareki(y, m, d) {
    return format(words.wareki, fields(y, m, d));
  }

  function both(iso) {
    var p = iso.split("-").map(Number);
    return format(words.both, fields(p[0], p[1], p[2]));
  }

  // The wizard's and the agent's words: t("…") is the Japanese text (the msgid); outside
  // Japanese their page carries the translations the build made (kenpo_site:
  // #kenpo-messages, {msgid: msgstr}). {name} placeholders are filled from values.
  var messages = {};
  try {
    messages = json("kenpo-messages") || {};
  } catch (error) {
    // a damaged list of words: the Japanese source words are shown
  }
  function t(msgid, values) {
    var text = Object.prototype.hasOwnProperty.call(messages, msgid) ? messages[msgid] : msgid;
    return text.replace(/\{(\w+)\}/g, function (m, k) {
      return values && k in values ? String(values[k]) : m;
    });
  }

  window.kenpoDates = { eras: eras, tokyoToday: tokyoToday, wareki: wareki, both: both, t: t };
})();
