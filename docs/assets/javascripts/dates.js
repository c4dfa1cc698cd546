/*
 * Dates in the browser, formatted from the engine's own era table (kenpo_wizard.wareki,
 * carried by every page as <script id="kenpo-eras" type="application/json">), so 和暦 is
 * computed in one place for the engine, the site and the page scripts.
 * window.kenpoDates: tokyoToday(), wareki(y, m, d), both(iso), eras.
 */
(function () {
  "use strict";
  var data = document.getElementById("kenpo-eras");
  var eras = data ? JSON.parse(data.textContent) : [];

  function key(y, m, d) { return y * 10000 + m * 100 + d; }

  // Today in Japan: UTC+9, which has had no daylight saving since 1951.
  function tokyoToday() {
    var t = new Date(Date.now() + 9 * 3600 * 1000);
    return t.toISOString().slice(0, 10);
  }

  function wareki(y, m, d) {
    for (var i = 0; i < eras.length; i++) {
      var e = eras[i];
      if (key(y, m, d) >= key(e[2], e[3], e[4])) {
        var n = y - e[2] + 1;
        return e[1] + (n === 1 ? "元" : n) + "年" + m + "月" + d + "日";
      }
    }
    return "";
  }

  function both(iso) {
    var p = iso.split("-").map(Number);
    return wareki(p[0], p[1], p[2]) + "（" + p[0] + "年" + p[1] + "月" + p[2] + "日）";
  }

  window.kenpoDates = { eras: eras, tokyoToday: tokyoToday, wareki: wareki, both: both };
})();
