"""Outcome texts: plain Japanese, dated relative to the day, 参考 labelled, silence said aloud."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from kenpo_wizard import assess, parse_facts
from kenpo_wizard.texts import Explanation, explain

D = dt.date


def text_for(raw: dict[str, object], day: dt.date) -> Explanation:
    facts = parse_facts(raw)
    return explain(assess(facts, day), facts)


def test_days_left_for_the_health_card() -> None:
    t = text_for({"mynumber_card": "none"}, D(2025, 11, 30))
    assert "保険証は令和7年12月1日まで使えます（あと1日）" in t.dates
    t = text_for({"mynumber_card": "none"}, D(2025, 12, 1))
    assert "保険証は令和7年12月1日まで使えます（今日）" in t.dates


def test_next_change_is_stated() -> None:
    t = text_for({"mynumber_card": "none"}, D(2025, 6, 1))
    assert t.next_change == (
        "令和7年12月2日（あと184日）から、受診のときに使える書類が変わります：「保険証」 → 「資格確認書」"
    )


def test_reasons_are_named_as_in_the_leaflet() -> None:
    t = text_for({"mynumber_card": "held", "insurance_use": "cancelled"}, D(2026, 1, 1))
    assert t.reasons == ["職権交付事由③ マイナ保険証の利用登録解除を申請した者（登録解除者）"]


def test_references_are_labelled_with_a_source() -> None:
    t = text_for(
        {"mynumber_card": "held", "insurance_use": "registered", "certificate": "expired"},
        D(2026, 1, 1),
    )
    refs = t.references
    assert refs
    assert all(ref.source for ref in refs)
    assert any("3か月間" in r.text and (r.url or "").endswith("newpage_50657.html") for r in refs)


def test_temporary_measure_reference_only_inside_its_window() -> None:
    inside = text_for({"mynumber_card": "none"}, D(2026, 3, 31)).references
    outside = text_for({"mynumber_card": "none"}, D(2026, 4, 1)).references
    assert any("令和8年3月31日まで" in r.text for r in inside)
    assert not any("令和8年3月31日まで" in r.text for r in outside)


def test_silence_is_said_and_points_to_the_association() -> None:
    t = text_for({"mynumber_card": "none", "eligibility_certificate": "lost"}, D(2026, 6, 1))
    assert t.contact == [
        "資格確認書の紛失・破損：リーフレットには記載がありません。勤務先の事務担当者を通じて当組合へお問い合わせください。"
    ]


def test_over_75_stops_with_reference() -> None:
    t = text_for({"age": 80}, D(2026, 6, 1))
    assert t.headline == "75歳以上の方は当組合の加入者ではありません"


@pytest.mark.skipif(sys.platform == "emscripten", reason="no subprocesses in Pyodide")
def test_python_m_runs_from_a_checkout_with_only_src() -> None:
    src = Path(__file__).resolve().parents[2] / "src"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "kenpo_wizard",
            "assess",
            "--on",
            "2025-12-02",
            "--fact",
            "mynumber_card=none",
            "--json",
        ],
        env={"PYTHONPATH": str(src)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert '"show_at_clinic": [["eligibility_certificate"]]' in result.stdout


def test_empty_text_is_not_the_catalog_header() -> None:
    from kenpo_wizard.i18n import _, catalog_loaded

    assert catalog_loaded()
    assert _("") == ""


def test_next_change_names_a_coming_need_to_ask_the_association() -> None:
    t = text_for({"mynumber_card": "lost"}, D(2026, 11, 27))
    assert t.next_change == (
        "令和11年12月2日（あと1101日）からは、当組合へのお問い合わせが必要になります"
        "（令和11年12月1日の有効期限が過ぎた後の資格確認書の更新）。"
    )
