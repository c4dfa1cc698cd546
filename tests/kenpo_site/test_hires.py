"""The employer's blocks for new hires (kenpo_site.blocks.hires), without a build or a browser."""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

import pytest

from kenpo_site import blocks
from kenpo_site.blocks import hires
from kenpo_wizard import leaflet as lf
from kenpo_wizard.contact import FORMS_PAGE
from kenpo_wizard.registry import OUTSIDE_SOURCES

DAY = dt.date(2026, 12, 1)  # today is after 2025-12-02 (P13)
TAGS = re.compile(r"<[^>]+>")


def _text(block: str) -> str:
    return html.unescape(TAGS.sub("", block))


def test_the_blocks_are_registered() -> None:
    for name in ("forms-link", "new-hires", "new-hire-questions", "new-hire-checklist"):
        assert name in blocks.BLOCKS, name
        assert f"<!-- kenpo:{name} -->" not in blocks.fill(f"<!-- kenpo:{name} -->", "../")


def test_forms_link_is_the_recorded_url() -> None:
    """The association's forms page as the repo records it (contact.py, registry, P10)."""
    assert OUTSIDE_SOURCES[hires.FORMS_SOURCE].url == FORMS_PAGE
    block = hires.forms_link_html()
    assert re.findall(r'href="([^"]+)"', block) == [FORMS_PAGE]
    assert "参考" in block and OUTSIDE_SOURCES[hires.FORMS_SOURCE].title in block


def test_every_reason_of_the_leaflet_is_a_kind_of_hire() -> None:
    reasons = {
        r
        for v in hires.views(DAY)
        for r in hires._answer(v.hire.facts, DAY).eligibility_certificate.reasons
    }
    assert reasons == set(lf.REASONS)


@pytest.mark.parametrize("reason", list(lf.REASONS))
def test_each_reason_is_ticked_and_written_on_the_application(reason: lf.Reason) -> None:
    """R16/R18 with P2: a new hire with any reason, 申請 or 職権, ticks and applies."""
    term = lf.REASONS[reason]
    written = f"{lf.REASON_KIND_LABELS[term.kind]}{term.number} {term.label}"
    views = [v for v in hires.views(DAY) if written in v.reasons]
    assert views, written
    for v in views:
        assert v.tick and v.application
        assert f"申請理由：{written}" in " ".join(v.lines)


def test_a_registered_hire_is_not_ticked() -> None:
    v = hires.view(hires.HIRE_BY_KEY["registered"], DAY)
    assert not v.tick and not v.application and v.reasons == ()
    assert any("資格情報のお知らせ" in line for line in v.lines)  # R26


def test_ages_and_family() -> None:
    elderly = hires.view(hires.HIRE_BY_KEY["elderly"], DAY)
    assert "負担割合" in elderly.short  # R19
    assert any("負担割合の変更時" in line for line in elderly.lines)  # R26
    over = hires.view(hires.HIRE_BY_KEY["over_75"], DAY)
    assert not over.tick and "後期高齢者医療制度" in over.short  # P5
    assert [r.sources for r in over.references]  # a labelled 参考 with its source
    family = hires.view(hires.HIRE_BY_KEY["dependant"], DAY)
    assert "被扶養者異動届" in family.short


def test_a_child_with_a_babysitter_is_left_to_the_association() -> None:
    v = hires.view(hires.HIRE_BY_KEY["assisted_child"], DAY)  # P7
    assert v.asks and "当組合" in v.asks[0]


def test_new_hires_block_squares_application_and_ex_officio() -> None:
    text = _text(hires.new_hires_html(DAY))
    assert "申請交付事由①②" in text and "職権交付事由①〜⑤" in text
    for row in lf.COMPARISON:
        if row.document == lf.Document.ELIGIBILITY_CERTIFICATE:
            for obtained in row.how_obtained:
                assert obtained in text
    assert "交付申請書の申請理由にその職権交付事由を記入します" in text
    for hire in hires.HIRES:
        assert hire.label in text and hire.source in text


def test_the_engine_agrees_with_the_sentence_on_every_day() -> None:
    for day in (dt.date(2024, 12, 2), dt.date(2025, 12, 2), DAY, dt.date(2029, 12, 1)):
        hires.check_application_and_ex_officio(day)


def test_checklist_has_every_kind_as_a_labelled_checkbox() -> None:
    block = hires.checklist_html(DAY)
    boxes = re.findall(r'<input type="checkbox" id="([^"]+)"', block)
    labels = re.findall(r'<label for="([^"]+)"', block)
    assert boxes == labels and len(set(boxes)) == len(boxes)
    assert block.count("<fieldset") == block.count("<legend>") == len(hires.GROUP_LEGENDS) + 1
    text = _text(block)
    for hire in hires.HIRES:
        assert f'id="kc-{hire.key}"' in block
        assert hire.label in text
    assert FORMS_PAGE in block


def test_open_questions_say_the_leaflet_is_silent() -> None:
    text = _text(hires.open_questions_html())
    assert text.count("リーフレットには記載がありません") == len(hires.open_questions())
    assert "お問い合わせください" in text


def test_no_date_or_reason_is_retyped() -> None:
    """The module words the engine's answers; reasons and forms come from the leaflet's data."""
    source = Path(hires.__file__).read_text(encoding="utf-8")
    for term in lf.REASONS.values():
        assert term.label not in source, term.label
    assert not re.search(r"令和\d+年\d+月\d+日", source)
