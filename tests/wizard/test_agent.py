"""Agent mode in Chromium: every question on one screen, answered in any order; the result and
its code update as the agent answers, and the link to send opens the same result."""

from __future__ import annotations

import datetime as dt
import urllib.parse

import pytest
from playwright.sync_api import Page
from wizkit import wait_ready

from kenpo_wizard.flow import FLOW, walk
from kenpo_wizard.rules import assess

ROOT = "#kenpo-agent"
RENDERS = f"Number(document.querySelector('{ROOT}').dataset.renders || 0)"


def tokyo_today() -> dt.date:
    return (dt.datetime.now(dt.UTC) + dt.timedelta(hours=9)).date()


def wait_update(page: Page, before: int) -> None:
    page.wait_for_function(f"{RENDERS} > {before}", timeout=30_000)


def answer(page: Page, qid: str, value: str) -> None:
    before = int(page.evaluate(RENDERS))
    q = FLOW.question(qid)
    if q.kind == "choice":
        page.check(f"{ROOT} input[name='{qid}'][value='{value}']")
    else:
        page.fill(f"#agent-{qid}", value)
        page.press(f"#agent-{qid}", "End")
    wait_update(page, before)


@pytest.mark.parametrize(("width", "height"), [(375, 812), (1280, 800)])
def test_answers_in_any_order_update_the_result_and_the_link(
    page_factory: object, base_url: str, width: int, height: int
) -> None:
    page: Page = page_factory(width, height)  # type: ignore[operator]
    page.goto(f"{base_url}/call-center-agent/")
    page.wait_for_function(
        f"document.querySelector('{ROOT}').dataset.mode === 'ready'", timeout=120_000
    )
    wait_update(page, 0)
    answers = {
        "eligibility_certificate": "held",  # the last question of the wizard, given first
        "age": "72",
        "mynumber_card": "none",
        "since": "before",
        "member_type": "employee",
    }
    for qid, value in answers.items():
        answer(page, qid, value)
    assert page.get_attribute(ROOT, "data-node") == "leaving"
    assert page.locator("#agent-q-leaving.kw-agent__q--next").count() == 1
    assert "次に必要な回答" in page.locator("[data-agent-result]").inner_text()
    answer(page, "leaving", "no")
    want = walk(FLOW, {**answers, "leaving": "no"}, tokyo_today())
    code = assess(want.facts, tokyo_today()).to_dict()["result_code"]
    assert page.get_attribute(ROOT, "data-kind") == "result"
    assert page.get_attribute(ROOT, "data-code") == code
    assert code in page.locator("[data-agent-result]").inner_text()
    assert "負担割合" in page.locator("[data-agent-result]").inner_text()  # the 70–74 note
    # The state is the page's URL; the link to send is the wizard's URL for the same answers.
    here = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(page.url).query))
    assert here == {**answers, "leaving": "no"}
    link = page.input_value("[data-agent-link]")
    assert "/wizard/?" in link
    member = page.context.new_page()
    member.goto(link)
    wait_ready(member)
    member.wait_for_function(
        "document.querySelector('#kenpo-wizard [data-kw-screen]').dataset.kind === 'result'"
    )
    assert member.get_attribute("#kenpo-wizard [data-kw-screen]", "data-code") == code
    # Reopening the agent's own address restores every answer.
    page.goto(page.url)
    page.wait_for_function(
        f"document.querySelector('{ROOT}').dataset.kind === 'result'", timeout=120_000
    )
    assert page.get_attribute(ROOT, "data-code") == code
    assert page.is_checked(f"{ROOT} input[name='leaving'][value='no']")


def test_a_bad_answer_is_named(page_factory: object, base_url: str) -> None:
    page: Page = page_factory(1280, 800)  # type: ignore[operator]
    page.goto(f"{base_url}/call-center-agent/?since=before&member_type=employee")
    page.wait_for_function(
        f"document.querySelector('{ROOT}').dataset.mode === 'ready'", timeout=120_000
    )
    wait_update(page, 0)
    answer(page, "age", "abc")
    assert page.get_attribute(ROOT, "data-kind") == "error"
    assert "数字" in page.locator("[data-agent-result] [role=alert]").inner_text()


def _codes(page: Page) -> dict[str, str]:
    codes: dict[str, str] = page.evaluate(
        "JSON.parse(document.getElementById('kenpo-codes').textContent)"
    )
    return codes


@pytest.mark.parametrize(("width", "height"), [(375, 812), (1280, 800)])
def test_a_code_read_out_opens_its_answer_beside_or_under_the_inputs(
    page_factory: object, base_url: str, width: int, height: int
) -> None:
    """The caller reads out a code: typed as heard (lower case, no hyphen), the answers that
    give it are filled in and the result with that code shows, beside the inputs on a wide
    screen and right under the code box on a phone (before the questions)."""
    page: Page = page_factory(width, height)  # type: ignore[operator]
    page.goto(f"{base_url}/call-center-agent/")
    page.wait_for_function(
        f"document.querySelector('{ROOT}').dataset.mode === 'ready'", timeout=120_000
    )
    codes = _codes(page)
    code = next(c for c in sorted(codes) if c.startswith("A-") and "on=" not in codes[c])
    page.fill("#agent-code", code.replace("-", "").lower())
    page.wait_for_function(
        f"document.querySelector('{ROOT}').dataset.code === '{code}'", timeout=30_000
    )
    assert code in page.inner_text("[data-agent-code-said]")
    out = page.locator(".kw-agent__out").bounding_box()
    box = page.locator("#agent-code").bounding_box()
    first_q = page.locator(".kw-agent__form fieldset").first.bounding_box()
    assert out and box and first_q
    if width < 960:
        assert box["y"] < out["y"] < first_q["y"]
    else:
        assert out["x"] > box["x"] + box["width"]
    page.fill("#agent-code", "Z-ZZZZ")
    assert "一覧にありません" in page.inner_text("[data-agent-code-said]")
