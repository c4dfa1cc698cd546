"""Every language gives the same answers: the golden paths, the CLI's JSON, and no Japanese left
on a translated screen outside the names kept beside their translation (spec/translation.md)."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qsl

import pytest
from truth_sweep import TODAY, cases

from kenpo_wizard import web
from kenpo_wizard.cli import main, run_questionnaire
from kenpo_wizard.flow import FLOW, walk
from kenpo_wizard.i18n import KEPT_NAMES, SOURCE_LANGUAGE, language, languages
from kenpo_wizard.rules import assess
from kenpo_wizard.texts import explain
from kenpo_wizard.wareki import both, wareki, wareki_month, with_weekday

HERE = Path(__file__).parent
GOLDEN = HERE / "golden_paths.tsv"
TRANSLATED = [lang for lang in languages() if lang != SOURCE_LANGUAGE]
JAPANESE = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]+")
_NAMES = re.compile("|".join(re.escape(n) for n in sorted(KEPT_NAMES, key=len, reverse=True)))
# Under Pyodide every 7th path (the trimmed-stdlib run in Node walks them all in both languages).
EVERY = 7 if sys.platform == "emscripten" else 1


def japanese_left(text: str) -> list[str]:
    """The Japanese in ``text`` once the kept names are taken out."""
    return JAPANESE.findall(_NAMES.sub(" ", text))


class _Visible(HTMLParser):
    """Text a member sees or hears: text nodes and the attributes read aloud."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.unmarked: list[str] = []  # kept names outside a lang="ja" span

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._lang = dict(attrs).get("lang")
        for name, value in attrs:
            if name in ("aria-label", "title", "alt", "placeholder") and value:
                self.parts.append(value)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)
        if getattr(self, "_lang", None) != "ja" and _NAMES.search(data):
            self.unmarked.append(data)


def visible(html: str) -> _Visible:
    parser = _Visible()
    parser.feed(html)
    return parser


def golden_rows() -> list[list[str]]:
    lines = GOLDEN.read_text(encoding="utf-8").splitlines()[1:]
    return [line.split("\t") for line in lines[::EVERY] if line]


def test_english_is_shipped_with_a_compiled_catalog() -> None:
    assert "en" in languages()
    with language("en"):
        assert both(dt.date(2025, 12, 1)) == "1 December 2025 (Reiwa 7)"


@pytest.mark.slow
@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_golden_code_gives_the_same_answer_and_no_stray_japanese(lang: str) -> None:
    wrong: list[str] = []
    stray: dict[str, str] = {}
    unmarked: set[str] = set()
    # one path per (day, code): every path is swept once, in the source language (test_flow);
    # a translation is words, and each code's words are on its first path
    rows = {(day, code): (day, code, query) for day, _o, code, query in reversed(golden_rows())}
    for day, code, query in rows.values():
        shown = json.loads(web.step(query, day, lang=lang))
        on = dt.date.fromisoformat(day)
        source = assess(walk(FLOW, dict(parse_qsl(query)), on).facts, on).to_dict()
        if shown["kind"] != "result" or shown["result_code"] != code:
            wrong.append(f"{day} {query}: {shown['kind']} {shown['result_code']} != {code}")
        elif shown["answer"] != json.loads(json.dumps(source, ensure_ascii=False)):
            wrong.append(f"{day} {query}: the answer differs from the source language's")
        seen = visible(shown["html"])
        for run in japanese_left(" ".join([shown["title"], *seen.parts])):
            stray.setdefault(run, f"{day} {query}")
        unmarked.update(seen.unmarked)
    assert not wrong, wrong[:5]
    assert not stray, sorted(stray.items())[:20]
    assert not unmarked, sorted(unmarked)[:5]  # each kept name is marked lang="ja"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_question_screen_and_error_is_translated(lang: str) -> None:
    """Each question once per path prefix, the day form, and every tampered link."""
    first: dict[tuple[str, str, tuple[str, ...]], str] = {}  # one query per screen's wording
    for day, _outcome, _code, query in golden_rows():
        pairs = query.split("&")
        for n in range(len(pairs)):
            prefix = "&".join(pairs[:n])
            on = dt.date.fromisoformat(day)
            node = walk(FLOW, dict(parse_qsl(prefix)), on).node
            # a question's words depend on its node and the day's bands, not on earlier answers
            first.setdefault((day, node.id, tuple(sorted(pairs[:n]))[:1]), prefix)
        first.setdefault((day, "on", ()), query + "&edit=on")
    queries = {(day, query) for (day, _node, _first), query in first.items()}
    cases = json.loads((HERE / "tampered_links.json").read_text(encoding="utf-8"))["cases"]
    queries |= {("2026-01-05", query) for query, _message in cases.values()}
    queries |= {("2026-01-05", "on=2026-02-30"), ("2026-01-05", "age=abc")}
    stray: dict[str, str] = {}
    for day, query in sorted(queries):
        shown = json.loads(web.step(query, day, lang=lang))
        for run in japanese_left(" ".join([shown["title"], *visible(shown["html"]).parts])):
            stray.setdefault(run, f"{day} {query}")
    assert not stray, sorted(stray.items())[:20]


@pytest.mark.parametrize("lang", TRANSLATED)
def test_agent_mode_answers_alike(lang: str) -> None:
    query = "member_type=employee&mynumber_card=held&insurance_use=not_registered"
    source = json.loads(web.agent(query, "2026-01-05"))
    shown = json.loads(web.agent(query, "2026-01-05", lang=lang))
    assert shown.get("result_code") == source.get("result_code")
    assert not japanese_left(json.dumps(shown, ensure_ascii=False).replace("\\n", " "))


def test_an_unknown_language_shows_the_source_language() -> None:
    assert json.loads(web.step("", "2026-01-05", lang="xx")) == json.loads(
        web.step("", "2026-01-05")
    )


def test_dates_come_from_one_pattern_per_language() -> None:
    day = dt.date(2025, 12, 1)
    assert both(day) == "令和7年12月1日（2025年12月1日）"
    assert both(dt.date(2019, 5, 1)) == "令和元年5月1日（2019年5月1日）"
    with language("en"):
        assert both(day) == "1 December 2025 (Reiwa 7)"
        assert both(dt.date(2019, 5, 1)) == "1 May 2019 (Reiwa 1)"
        assert wareki(day) == both(day)  # English always gives both
        assert wareki_month(dt.date(2025, 11, 1)) == "November 2025 (Reiwa 7)"
        assert with_weekday(dt.date(2024, 12, 2)).startswith("Monday 2 December 2024")
    assert wareki(day) == "令和7年12月1日"  # and back to Japanese after the block


SCENARIOS = [
    [
        "--on",
        "2025-12-02",
        "--fact",
        "mynumber_card=held",
        "--fact",
        "insurance_use=not_registered",
    ],
    ["--on", "2024-12-01", "--fact", "age=72"],
    ["--on", "2026-04-01", "--fact", "eligibility_lost_on=2026-03-01"],
    ["--on", "2030-01-10", "--fact", "mynumber_card=none"],
    ["--on", "2025-01-10", "--fact", "joined_on=2025-01-06", "--fact", "mynumber_card=none"],
]


@pytest.mark.parametrize("lang", TRANSLATED)
@pytest.mark.parametrize("args", SCENARIOS, ids=lambda a: " ".join(a[1::2]))
def test_cli_json_is_the_same_and_the_summary_is_translated(
    lang: str, args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["assess", *args, "--json"]) == 0
    source = capsys.readouterr().out
    assert main(["--lang", lang, "assess", *args, "--json"]) == 0
    assert capsys.readouterr().out == source
    assert main(["assess", "--lang", lang, *args]) == 0
    summary = capsys.readouterr().out
    assert summary.strip() and not japanese_left(summary), japanese_left(summary)


def test_cli_rejects_an_unknown_language_in_japanese(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "xx", "assess"]) == 2
    assert "--lang" in capsys.readouterr().err


@pytest.mark.parametrize("lang", TRANSLATED)
def test_questionnaire_in_another_language(lang: str, capsys: pytest.CaptureFixture[str]) -> None:
    replies = iter(["2026-01-05", *["1"] * 20])
    out = io.StringIO()
    with language(lang):
        assert run_questionnaire(None, lambda _prompt: next(replies), out) == 0
    text = out.getvalue()
    assert not japanese_left(text), japanese_left(text)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_an_answer_gives_each_japanese_name_once_and_on_each_document_to_show(lang: str) -> None:
    """spec/translation.md: the kept name after its first use only; what to show keeps it."""
    gloss = re.compile(r" \((" + _NAMES.pattern + r")\)")
    for case in cases(TODAY):
        with language(lang):
            x = explain(case.answer)
        seen: list[str] = gloss.findall(x.headline)
        seen += [n for _label, text in x.todo for n in gloss.findall(text)]
        for part in x.parts:
            if part.key == "show":
                assert all(gloss.search(item) for item in part.items), (case.code, part.items)
            elif part.key != "todo":  # its lines are x.todo's
                seen += [n for item in part.items for n in gloss.findall(item)]
        twice = {n for n in seen if seen.count(n) > 1}
        assert not twice, (case.code, twice)
    # the source language's answer is untouched: its names stand without brackets
    with language(SOURCE_LANGUAGE):
        assert not any(gloss.search(explain(c.answer).headline) for c in cases(TODAY))
