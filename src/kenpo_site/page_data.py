"""What the guide's page scripts (dates.js, kenpo.js) show, in the page's language.

Every page carries it as JSON (``<script id="kenpo-page" type="application/json">``, see
overrides/main.html), made by the kenpo plugin for each language's build: the date patterns
of the engine's catalog (kenpo_wizard.wareki: "令和7年12月1日（2025年12月1日）", in English
"1 December 2025 (Reiwa 7)") and the site catalog's few words of the schedule's "today"
marker. The scripts keep the Japanese text as their fallback, so a page without the JSON
still reads right in Japanese.
"""

from __future__ import annotations

from typing import Any

from kenpo_wizard import i18n as engine_i18n
from kenpo_wizard.wareki import ERAS, MONTH_NAMES, WEEKDAYS

from .i18n import N_, _

# kenpo_wizard.wareki's patterns, word for word (the engine's catalog translates them;
# tests/site/test_page_data.py checks that they still format as the engine does).
# Fields: era era_year year month month_name day weekday.
BOTH = "{era}{era_year}年{month}月{day}日（{year}年{month}月{day}日）"
WAREKI = "{era}{era_year}年{month}月{day}日"

# kenpo.js's words: the key it reads → the Japanese text (a site catalog message).
TEXT: dict[str, str] = {
    "past": N_("過去"),
    "current": N_("期間中"),
    "today": N_("本日"),
    "upcoming": N_("今後"),
    # i18n: {date} is today's date, written as the page's dates are
    "today_line": N_("今日（日本時間）：{date}"),
    "today_note": N_(
        "今日（日本時間）：{date}。各項目に「過去」「期間中」「今後」を表示しています。"
    ),
    "as_of": N_("本日 {date} 時点（日本時間）"),
    # i18n: the name of a table without a caption; {n} counts the page's tables
    "table": N_("表{n}"),
    "same_name": N_("{name}（{n}）"),
    "scrolls": N_("{name}（横にスクロールできます）"),
}


def date_patterns() -> dict[str, Any]:
    """The engine's date patterns and words in the current language, for dates.js."""
    t = engine_i18n._
    return {
        "both": t(BOTH),
        "wareki": t(WAREKI),
        "eras": {e.name: t(e.name) for e in ERAS},
        "first_year": t("元"),
        "months": [t(m) for m in MONTH_NAMES],
        # Monday first, as Python's weekday(); in context "weekday" (月 is also a month)
        "weekdays": [engine_i18n.C_("weekday", w) for w in WEEKDAYS],
    }


def page_data() -> dict[str, Any]:
    return {"dates": date_patterns(), "text": {key: _(text) for key, text in TEXT.items()}}
