"""Outcome texts: plain Japanese, dated relative to the day, 参考 labelled, silence said aloud."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest

from kenpo_wizard import assess, parse_facts
from kenpo_wizard.texts import Explanation, explain

D = dt.date


def text_for(raw: Mapping[str, object], day: dt.date) -> Explanation:
    return explain(assess(parse_facts(raw), day))


def all_text(t: Explanation) -> str:
    return "\n".join([t.headline, t.first_step, *(i for p in t.parts for i in p.items)])


def test_days_left_for_the_health_card() -> None:
    t = text_for({"mynumber_card": "none"}, D(2025, 11, 30))
    assert "保険証は令和7年12月1日まで使えます（あと1日）" in t.part("dates")
    t = text_for({"mynumber_card": "none"}, D(2025, 12, 1))
    assert "保険証は令和7年12月1日まで使えます（今日）" in t.part("dates")


def test_a_lost_health_card_is_not_said_to_work() -> None:
    """Symptom: 「保険証は令和7年12月1日まで使えます」 to someone whose 保険証 was lost."""
    raw = {
        "mynumber_card": "none",
        "health_insurance_card": "lost",
        "eligibility_certificate": "none",
    }
    t = text_for(raw, D(2025, 6, 1))
    assert "まで使えます" not in all_text(t)
    assert t.part("contact") and "お問い合わせ" in t.first_step


def test_only_a_holder_is_asked_to_check_the_printed_date() -> None:
    """Symptom: a lost or absent 資格確認書's printed date was to be checked."""
    lost = text_for({"mynumber_card": "none", "eligibility_certificate": "lost"}, D(2026, 11, 28))
    assert "印字" not in all_text(lost)
    assert not any("資格確認書" in r for r in lost.part("receive"))
    waiting = text_for({"mynumber_card": "lost"}, D(2026, 11, 28))
    assert not any("印字" in x for x in waiting.part("dates"))
    held = text_for({"mynumber_card": "none", "eligibility_certificate": "held"}, D(2026, 11, 28))
    assert any("印字" in x for x in held.part("dates"))


def test_next_change_is_stated() -> None:
    t = text_for({"mynumber_card": "none"}, D(2025, 6, 1))
    assert t.part("next") == (
        "令和7年12月2日（あと184日）から、受診のときに使う書類が変わります：「保険証」 → 「資格確認書」",
    )


def test_certificate_holders_hear_the_leaflet_is_silent_not_nothing() -> None:
    """Symptom: 「令和11年12月2日から 「資格確認書」 → なし」 (P13)."""
    t = text_for({"mynumber_card": "none"}, D(2026, 11, 28))
    (line,) = t.part("next")
    assert "なし" not in line
    assert "リーフレットに記載がありません" in line
    assert "マイナ保険証の利用登録をおすすめします" in line and "当組合" in line


def test_reasons_are_named_as_in_the_leaflet() -> None:
    t = text_for({"mynumber_card": "held", "insurance_use": "cancelled"}, D(2026, 1, 1))
    # plain words first, the leaflet's term in brackets (v3 A7)
    assert t.part("reasons") == (
        "マイナ保険証の利用登録解除を申請した者（登録解除者）（職権交付事由③）",
    )


def test_a_new_member_hears_why_a_職権_reason_is_applied_for() -> None:
    t = text_for({"joined_on": "2026-12-01", "mynumber_card": "none"}, D(2026, 11, 28))
    assert any("（職権交付事由）にあたる場合も" in n for n in t.part("notes"))
    assert not any("発行要否欄" in n for n in t.part("notes"))  # the form's own term, not plain


def test_references_are_labelled_with_a_source() -> None:
    t = text_for(
        {"mynumber_card": "held", "insurance_use": "registered", "certificate": "expired"},
        D(2026, 1, 1),
    )
    assert t.references and all(r.source for r in t.references)
    grace = [r for r in t.references if "3か月後の月末" in r.text]
    assert grace and any((u or "").endswith("newpage_50657.html") for _t, u in grace[0].sources)


def test_temporary_measure_is_current_inside_its_window_and_history_after() -> None:
    inside = text_for({"mynumber_card": "none"}, D(2026, 7, 31)).references
    after = text_for({"mynumber_card": "none"}, D(2026, 8, 1)).references
    assert any("令和8年7月31日まで" in r.text and "場合があります" in r.text for r in inside)
    # v3 A7: after it ended it changes nothing a member does: no 参考 on the result at all
    assert not any("暫定" in r.text for r in after)


def test_silence_is_said_and_points_to_the_association() -> None:
    t = text_for({"mynumber_card": "none", "eligibility_certificate": "lost"}, D(2026, 6, 1))
    assert t.part("contact") == (
        "資格確認書の紛失・破損（再交付）：リーフレットには記載がありません。勤務先の事務担当者を通じて当組合へお問い合わせください。",
    )


def test_over_75_stops_with_reference() -> None:
    t = text_for({"age": 80}, D(2026, 6, 1))
    assert t.headline == "75歳以上の方は当組合の加入者ではありません"
    assert any("市区町村" in x for x in t.part("ask"))


def test_after_loss_says_what_to_use_now() -> None:
    t = text_for({"eligibility_lost_on": "2026-04-01", "mynumber_card": "none"}, D(2026, 11, 28))
    assert "新しく加入した医療保険" in t.first_step
    assert any("5日以内" in r.text for r in t.references)


def test_a_lost_card_points_to_stopping_it() -> None:
    t = text_for({"mynumber_card": "lost"}, D(2026, 11, 28))
    stop = [r for r in t.references if "一時利用停止" in r.text]
    assert stop and any("kojinbango-card.go.jp" in (u or "") for _t, u in stop[0].sources)


def test_every_result_ends_with_the_contact_route() -> None:
    t = text_for({"mynumber_card": "none"}, D(2026, 11, 28))
    assert t.parts[-1].key == "ask"
    assert any("https://igyou-kenpo.jp/" in line for line in t.parts[-1].items)
    assert not any(any(ch.isdigit() for ch in line.split("：")[0]) for line in t.parts[-1].items)


def test_show_title_says_one_of_only_over_several() -> None:
    one = text_for({"mynumber_card": "none"}, D(2026, 11, 28))
    two = text_for({"mynumber_card": "none", "eligibility_certificate": "held"}, D(2025, 11, 1))
    assert one.parts[0].key == "todo" and one.parts[1].key == "show"  # plain first (v3 A7)
    assert "どれか" not in one.parts[1].title
    assert "どれか" in two.parts[1].title


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


def test_next_change_for_a_lost_card_is_the_validity_end() -> None:
    t = text_for({"mynumber_card": "lost"}, D(2026, 11, 27))
    (line,) = t.part("next")
    assert "令和11年12月2日（あと1101日）" in line and "リーフレットに記載がありません" in line


def test_a_result_that_will_not_change_says_so() -> None:
    registered = {"mynumber_card": "held", "insurance_use": "registered", "card_reader": "ok"}
    t = text_for(registered, D(2026, 11, 28))
    assert t.part("next") == ("リーフレットに書かれた日付で、この結果が変わる予定はありません。",)


def test_the_first_step_names_what_the_form_brings() -> None:
    lost_notice = {
        "mynumber_card": "held",
        "insurance_use": "registered",
        "card_reader": "unavailable",
        "eligibility_notice": "lost",
        "mynaportal": "no",
    }
    t = text_for(lost_notice, D(2026, 11, 28))
    assert "資格情報のお知らせ" in t.first_step and "資格確認書" not in t.first_step
    assert not any("お知らせ" in r for r in t.part("receive"))  # the lost one was received
    assert (
        "届いたら、受診のときに提示"
        in text_for({"mynumber_card": "lost"}, D(2026, 11, 28)).first_step
    )
