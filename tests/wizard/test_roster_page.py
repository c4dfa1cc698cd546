"""The clerks' roster page (issue 21), in a browser at a phone's and a desk's size: a pasted
roster and a Shift_JIS file give the tasks by week, a broken row is named by row and column
while every other row is still checked, the downloads are what Excel and a calendar open,
and nothing leaves the browser once the engine is loaded (no request at all, no row in the
address)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page
from test_a11y import axe
from wizkit import READY_TIMEOUT_MS

ROOT = "#kenpo-roster"
SHOTS = Path("/tmp/shots")
PERIOD = ("2026-12-01", "2027-01-31")
# From the leaflet's cases: a new hire without a card, a leaver holding a 資格確認書, a
# dependant turning 75 in the period, and a row with an impossible birth date (row 5).
ROWS = [
    [
        "番号",
        "本人・家族",
        "生年月日",
        "資格取得日",
        "資格喪失日",
        "マイナンバーカード",
        "資格確認書",
    ],
    ["A01", "本人", "1990-04-01", "2026-12-07", "", "なし", ""],
    ["B02", "本人", "1970-05-10", "", "2026-12-16", "あり", "あり"],
    ["C03", "家族", "1951-12-20", "", "", "あり", ""],
    ["D04", "本人", "1980-02-30", "", "", "あり", ""],
]
PASTED = "\n".join("\t".join(r) for r in ROWS) + "\n"  # as Excel copies a range


def open_ready(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/employers/roster/")
    page.wait_for_function(
        "document.getElementById('kenpo-roster').dataset.mode === 'ready'",
        timeout=READY_TIMEOUT_MS,
    )
    page.fill("#roster-from", PERIOD[0])
    page.fill("#roster-to", PERIOD[1])


def check(page: Page) -> str:
    """Press 確認する and wait for the report (or an error); the root's state."""
    runs = int(page.get_attribute(ROOT, "data-runs") or 0)
    page.click("[data-roster-check]")
    page.wait_for_function(
        f"""() => {{ const r = document.getElementById('kenpo-roster');
            return r.dataset.state === 'error' || Number(r.dataset.runs || 0) > {runs}; }}""",
        timeout=READY_TIMEOUT_MS,
    )
    return page.get_attribute(ROOT, "data-state") or ""


def tasks(page: Page) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = page.eval_on_selector_all(
        ".kw-roster__task",
        "els => els.map(e => ({kind: e.dataset.kind, row: Number(e.dataset.row), day: e.dataset.day,"
        " text: e.innerText, code: e.querySelector('.kw-roster__code')?.href || ''}))",
    )
    return found


def no_sideways_scroll(page: Page) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))


@pytest.mark.parametrize("size", [(375, 812), (1280, 800)], ids=["375x812", "1280x800"])
def test_a_pasted_roster_gives_tasks_by_week_and_names_the_broken_row(
    page_factory: Any, requests_seen: Any, base_url: str, size: tuple[int, int]
) -> None:
    page = page_factory(*size)
    open_ready(page, base_url)
    address = page.url
    seen = len(requests_seen.urls)  # the engine is loaded: from here nothing may be fetched
    page.fill("#roster-paste", PASTED)
    page.press("#roster-paste", "End")
    assert check(page) == "done"
    found = tasks(page)
    by_row = {t["row"]: {x["kind"] for x in found if x["row"] == t["row"]} for t in found}
    assert "submit" in by_row[2]  # the new hire without a card: forms to submit
    assert "collect" in by_row[3]  # the leaver's 資格確認書, from the 資格喪失日
    assert "turns_75" in by_row[4]  # the dependant turning 75 in the period
    assert 5 not in by_row  # the broken row gives no task ...
    problems = page.inner_text(".kw-roster__problems")
    assert "5行目" in problems and "生年月日" in problems  # ... but is named, row and column
    assert "4 / 4" in page.inner_text("[data-roster-progress]")  # every other row checked
    # in date order, grouped by week (a heading per week, Monday first)
    days = [t["day"] for t in found]
    assert days == sorted(days)
    assert page.locator(".kw-roster__week h4").count() >= 2
    for t in found:
        assert t["code"].startswith(f"{base_url}/wizard/?"), t  # the person's answer in the wizard
    refs = [t for t in found if t["kind"] == "return_due"]
    assert refs and all("参考" in t["text"] for t in refs)
    assert page.input_value("#roster-paste") == PASTED  # what the clerk pasted stays
    assert page.url == address  # no row in the address
    assert requests_seen.urls[seen:] == []
    assert no_sideways_scroll(page)
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"roster-{size[0]}x{size[1]}.png"), full_page=True)


def test_a_shift_jis_file_is_read_and_nothing_is_sent(
    page_factory: Any, requests_seen: Any, base_url: str
) -> None:
    page = page_factory(375, 812)
    open_ready(page, base_url)
    seen = len(requests_seen.urls)
    rows = [r[:] for r in ROWS[:4]]
    rows[1][0] = "看護01"  # a label only a right decoding shows
    data = "\r\n".join(",".join(r) for r in rows).encode("cp932")  # Excel's plain "CSV"
    page.set_input_files(
        "#roster-file", {"name": "名簿.csv", "mimeType": "text/csv", "buffer": data}
    )
    page.fill("#roster-paste", "番号\n")  # a file chosen wins over the pasted text
    assert check(page) == "done"
    found = tasks(page)
    assert any("看護01" in t["text"] and t["kind"] == "submit" for t in found)
    assert "3 / 3" in page.inner_text("[data-roster-progress]")
    assert requests_seen.urls[seen:] == []


def test_the_downloads_open_in_excel_and_a_calendar(
    page_factory: Any, requests_seen: Any, base_url: str
) -> None:
    page = page_factory(1280, 800)
    open_ready(page, base_url)
    seen = len(requests_seen.urls)
    page.fill("#roster-paste", PASTED)
    assert check(page) == "done"
    with page.expect_download() as csv_download:
        page.click("[data-roster-csv]")
    data = Path(csv_download.value.path()).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM: Excel in Japan reads it right
    text = data.decode("utf-8-sig")
    assert "A01" in text and "B02" in text and "D04" not in text.split("\n", 1)[1].split("A01")[0]
    with page.expect_download() as ics_download:
        page.click("[data-roster-ics]")
    assert csv_download.value.suggested_filename.endswith(".csv")
    ics = Path(ics_download.value.path()).read_text(encoding="utf-8")
    assert ics.startswith("BEGIN:VCALENDAR") and ics.count("BEGIN:VEVENT") >= 3
    # the template works before the engine, as a file with a BOM
    with page.expect_download() as template:
        page.click(".kw-roster__template")
    head = Path(template.value.path()).read_bytes()
    assert head.startswith(b"\xef\xbb\xbf") and "生年月日" in head.decode("utf-8-sig")
    assert [u for u in requests_seen.urls[seen:] if not u.startswith(("blob:", "data:"))] == []


def test_bad_input_keeps_what_was_typed(page_factory: Any, base_url: str) -> None:
    page = page_factory(375, 812)
    open_ready(page, base_url)
    page.click("[data-roster-check]")  # nothing yet: a message, and the paste box to fill
    assert "貼り付けて" in page.inner_text("[data-roster-alert] [role=alert]")
    assert page.evaluate("document.activeElement.id") == "roster-paste"
    text = "これは表ではありません\nただの文章です"
    page.fill("#roster-paste", text)
    check(page)
    said = page.inner_text("[data-roster-out]")
    assert "行" in said or "列" in said or "見出し" in said  # a clear word, not a crash
    assert page.input_value("#roster-paste") == text
    assert page.input_value("#roster-from") == PERIOD[0]


def test_the_first_rows_show_while_the_rest_are_checked(page_factory: Any, base_url: str) -> None:
    page = page_factory(1280, 800)
    open_ready(page, base_url)
    many = [ROWS[0]] + [[f"N{i:03}", *ROWS[1 + i % 3][1:]] for i in range(300)]
    page.fill("#roster-paste", "\n".join("\t".join(r) for r in many))
    page.evaluate(
        """() => { window.seen = [];
        new MutationObserver(() => window.seen.push([
            document.querySelector('[data-roster-progress]').textContent,
            document.querySelectorAll('.kw-roster__task').length])).observe(
            document.querySelector('[data-roster-progress]'), {childList: true, subtree: true}); }"""
    )
    assert check(page) == "done"
    seen: list[list[Any]] = page.evaluate("window.seen")
    partial = [n for text, n in seen if "/ 300 行" in text and not text.startswith("300 /")]
    assert any(n > 0 for n in partial), seen  # tasks on screen before the last row was checked


def test_axe_clean_and_320_px(page_factory: Any, base_url: str) -> None:
    page = page_factory(320, 700)
    open_ready(page, base_url)
    assert axe(page) == []
    page.fill("#roster-paste", PASTED)
    assert check(page) == "done"
    assert no_sideways_scroll(page)
    assert axe(page) == []


def test_print_leaves_out_the_form_and_keeps_one_line_per_task(
    page_factory: Any, base_url: str
) -> None:
    page = page_factory(1280, 800)
    open_ready(page, base_url)
    page.fill("#roster-paste", PASTED)
    assert check(page) == "done"
    page.emulate_media(media="print")
    assert not page.is_visible("[data-roster-form]")
    assert not page.is_visible("[data-roster-actions]")
    head = page.inner_text("[data-roster-printhead]")
    assert "期間" in head and "印刷日" in head and "令和8年12月1日" in head
    heights = page.eval_on_selector_all(
        ".kw-roster__task", "els => els.map(e => e.getBoundingClientRect().height)"
    )
    line = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.kw-roster__task')).lineHeight)"
    )
    assert max(heights) < 2.5 * line  # one line (two at most for a long text) per task
    SHOTS.mkdir(exist_ok=True)
    page.pdf(path=str(SHOTS / "roster-print.pdf"), format="A4")
