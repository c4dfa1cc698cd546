"""Accessibility: axe-core on question, typed-input, error and result screens (with and
without JavaScript), keyboard-only completion, 320 px width, and HTML validity (vnu)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page
from wizkit import READY_TIMEOUT_MS, open_in_page, snapshot, wait_ready

REPO = Path(__file__).resolve().parents[2]
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
SCREEN = "#kenpo-wizard [data-kw-screen]"
RESULT = (
    "age=72&assisted_visit=no&health_insurance_card=held&leaving=no&member_type=employee"
    "&mynumber_card=held&insurance_use=not_registered&eligibility_certificate=none"
    "&since=before&on=2025-06-15"
)
JS_STATES = {
    "first question": "on=2025-06-15",
    "number question": "since=before&member_type=employee&on=2025-06-15",
    "date question": "since=later&on=2025-06-15",
    "date error": "since=later&joined_on=2025-02-30&on=2025-06-15",
    "number error": "since=before&member_type=employee&age=abc&on=2025-06-15",
    "day form": "edit=on&on=2025-06-15",
    "result": RESULT,
    "tampered link": "since=" + "x" * 2000,
}


def axe(page: Page, include: str | None = None) -> list[dict[str, Any]]:
    page.add_script_tag(path=str(AXE))
    context = f"{{include: [{include!r}]}}" if include else "document"
    violations: list[dict[str, Any]] = page.evaluate(
        f"async () => (await axe.run({context}, {{resultTypes: ['violations']}})).violations"
        ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))}))"
    )
    return violations


@pytest.mark.parametrize("name", list(JS_STATES))
def test_axe_clean_with_javascript(page: Page, base_url: str, name: str) -> None:
    page.goto(f"{base_url}/wizard/")
    wait_ready(page)
    open_in_page(page, JS_STATES[name])
    assert axe(page) == [], name


@pytest.mark.parametrize(
    "path",
    [
        "wizard/",
        "wizard/s/",
        "wizard/s/later.html",
        "a question page",
        "a result page",
    ],
)
def test_axe_clean_without_javascript(page: Page, base_url: str, site: Path, path: str) -> None:
    if path.startswith("a "):  # a page named by its content: the first of its kind
        kind = path.split()[1]
        found = sorted(
            p
            for p in (site / "wizard" / "s").glob("*.html")
            if f'data-kind="{kind}"' in p.read_text(encoding="utf-8") and len(p.stem) == 12
        )
        path = found[0].relative_to(site).as_posix()
    # The static pages carry no script; on the wizard page the loader is blocked, which leaves
    # the DOM a browser without JavaScript shows (axe itself needs JavaScript to run).
    page.route("**/wizard/app/wizard.js", lambda route: route.abort())
    page.goto(f"{base_url}/{path}")
    assert axe(page) == [], path


def test_keyboard_only_to_a_result(page: Page, base_url: str) -> None:
    """Tab and Enter (and typing) only, from the first question to a result."""
    page.goto(f"{base_url}/wizard/?on=2025-06-15")
    wait_ready(page)
    page.wait_for_selector(f"{SCREEN}[data-enhanced='1'][data-node='since']")  # the link's screen

    def focus(selector: str) -> None:
        for _ in range(60):
            if page.evaluate(f"document.activeElement.matches({selector!r})"):
                return
            page.keyboard.press("Tab")
        raise AssertionError(f"Tab never reached {selector}")

    def choose(qid: str, value: str) -> None:
        before = snapshot(page)["node"]
        focus(f"button[name='{qid}'][value='{value}']")
        page.keyboard.press("Enter")
        page.wait_for_function(
            f"document.querySelector('{SCREEN}').dataset.node !== '{before}'",
            timeout=READY_TIMEOUT_MS,
        )

    choose("since", "later")
    focus("#kw-joined_on-era")
    page.keyboard.press("Tab")
    page.keyboard.type("2025")
    page.keyboard.press("Tab")
    page.keyboard.type("4")
    page.keyboard.press("Tab")
    page.keyboard.type("1")
    assert "令和7年4月1日" in page.inner_text("#kw-joined_on-preview")
    page.keyboard.press("Enter")  # submits the form
    page.wait_for_selector(f"{SCREEN}[data-node='member_type']")
    choose("member_type", "employee")
    focus("#kw-age")
    page.keyboard.type("45")
    page.keyboard.press("Enter")
    page.wait_for_selector(f"{SCREEN}[data-node='leaving']")
    choose("leaving", "no")
    choose("mynumber_card", "none")
    while snapshot(page)["kind"] != "result":
        node = snapshot(page)["node"]
        first = page.get_attribute(f"{SCREEN} .kw-choice >> nth=0", "value")
        choose(node, first or "")
    assert snapshot(page)["code"]
    assert "joined_on=2025-04-01" in page.url
    # focus moved to the headline, so a screen reader starts there
    assert page.evaluate("document.activeElement.classList.contains('kw-headline')")


def test_works_at_320px(page: Page, base_url: str) -> None:
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{base_url}/wizard/")
    wait_ready(page)
    open_in_page(page, RESULT)
    wide = page.evaluate("document.documentElement.scrollWidth")
    assert wide <= 320
    size = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('#kenpo-wizard .kw-todo dd')).fontSize)"
    )
    assert size >= 16


def test_print_is_one_page(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/wizard/")
    wait_ready(page)
    open_in_page(page, RESULT)
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", print_background=True)
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) == 1


@pytest.mark.skipif(shutil.which("java") is None or not VNU.exists(), reason="needs java and vnu")
def test_static_pages_validate(site: Path) -> None:
    pages = [
        site / "wizard" / "s" / "index.html",
        site / "wizard" / "s" / "later" / "index.html",
        site / "wizard" / "s" / "before" / "employee" / "index.html",
        *[
            p
            for p in (site / "wizard" / "s" / "before" / "employee" / "0" / "no").rglob(
                "index.html"
            )
            if 'data-kind="result"' in p.read_text()
        ][:3],
    ]
    run = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", *map(str, pages)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
