"""Calendar reminders (issue 10): which coming dates a member gets, and the .ics they come in.

Read as rulebook cases: a member whose 資格確認書 is valid until 令和11年12月1日 gets an event on
that day; nothing on or before the assessed day; a date the member did not give exactly (a
band of the static pages) is never put in a calendar. The iCalendar text is checked with the
standard library (CRLF, folding at 75 octets, TEXT escaping) and, where the library is
installed (CPython; not under Pyodide), read back with ``icalendar``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kenpo_wizard import assess, parse_facts
from kenpo_wizard.ics import Event, calendar, escape_text, fold, stamp_of, uid, unfold
from kenpo_wizard.leaflet import CERTIFICATE_VALID_UNTIL
from kenpo_wizard.reminders import KINDS, Reminder, ics, reminders

D = dt.date
NOW = D(2026, 11, 27)
# An existing member without a マイナンバーカード: the 資格確認書 came ex officio (R15①, R25).
NO_CARD = {"mynumber_card": "none", "eligibility_certificate": "held"}
URL = "https://example.jp/wizard/?mynumber_card=none&since=before"


def found(
    facts: Mapping[str, object], on: dt.date, inexact: tuple[str, ...] = ()
) -> list[Reminder]:
    f = parse_facts(facts)
    return list(reminders(assess(f, on), f, inexact))


def calendar_of(facts: Mapping[str, object], on: dt.date, url: str | None = URL) -> str:
    f = parse_facts(facts)
    return ics(assess(f, on), f, url=url)


# ----------------------------------------------------------------------------- which dates
def test_a_certificate_valid_until_reiwa_11_12_1_gets_an_event_on_that_day() -> None:
    (r,) = found(NO_CARD, NOW)
    assert (r.kind, r.day, r.summary) == (
        "certificate_validity",
        D(2029, 12, 1),
        "資格確認書の有効期限（最長）",
    )
    text = "\n".join(r.lines)
    assert r.lines[0] == "令和11年12月1日（2029年12月1日）"  # 和暦 and 西暦
    assert "お手元のカードに印字された有効期限をご確認ください" in text  # P3
    assert "２．(1)「資格確認書」の交付について" in text  # R20's leaflet section
    # P13: the day after, the leaflet is silent: the change is worded inside this one event
    assert "令和11年12月2日（2029年12月2日）からの受診については" in text
    assert "勤務先（事業所）の事務担当者" in text and "https://igyou-kenpo.jp/" in text


def test_on_the_last_valid_day_only_the_day_after_remains() -> None:
    (r,) = found(NO_CARD, CERTIFICATE_VALID_UNTIL)
    assert (r.kind, r.day) == ("next_change", D(2029, 12, 2))
    assert r.summary == "資格確認書の有効期限の翌日：受診について当組合へ確認"


def test_the_day_before_the_last_valid_day_still_has_it() -> None:
    assert [r.day for r in found(NO_CARD, D(2029, 11, 30))] == [D(2029, 12, 1)]


def test_nothing_after_the_leaflets_last_date() -> None:
    assert found(NO_CARD, D(2029, 12, 2)) == []
    assert calendar_of(NO_CARD, D(2029, 12, 2)) == ""


def test_a_card_that_comes_has_its_latest_validity_too() -> None:
    # マイナンバーカード lost: apply (申請①); the card may be valid for less (P3/P10, 参考).
    (validity,) = [r for r in found({"mynumber_card": "lost"}, NOW) if r.kind != "next_change"]
    text = "\n".join(validity.lines)
    assert validity.day == CERTIFICATE_VALID_UNTIL
    assert "交付される資格確認書" in text
    assert "参考：" in text and "https://igyou-kenpo.jp/application" in text


def test_a_member_who_leaves_gets_the_day_of_leaving_and_returns_the_card_before_it_expires() -> (
    None
):
    (r,) = found({**NO_CARD, "eligibility_lost_on": "2027-04-01"}, NOW)
    assert (r.kind, r.day) == ("next_change", D(2027, 4, 1))
    assert r.summary == "資格喪失日：当組合の書類では受診できなくなります"
    text = "\n".join(r.lines)
    # R21, dated from the 資格喪失日 (v3 A5), to the employer's clerk
    assert "返却するもの：「資格確認書」を令和9年4月1日（資格喪失日）以降" in text
    assert "令和9年3月31日までは使えます）、5日以内に" in text
    step, rest = text.split("返却するもの：", 1)
    assert "「資格確認書」を返却します" in step and "勤務先の事務担当者へ返却" in rest
    assert "新しく加入した医療保険の保険者" in text  # whom to ask then (P10, 参考)


def test_a_member_who_leaves_after_the_validity_keeps_the_validity_event() -> None:
    days = [r.day for r in found({**NO_CARD, "eligibility_lost_on": "2030-04-01"}, NOW)]
    assert days == [D(2029, 12, 1)]  # the change on 2029-12-02 comes first, inside it


def test_a_member_joining_later_gets_the_joining_day() -> None:
    facts = {"joined_on": "2027-01-10", "mynumber_card": "held", "insurance_use": "registered"}
    (r,) = found(facts, NOW)
    assert (r.day, r.summary) == (D(2027, 1, 10), "加入日：当組合の書類で受診できるようになります")


def test_a_date_given_only_as_a_range_is_never_put_in_a_calendar() -> None:
    leaving = {**NO_CARD, "eligibility_lost_on": "2027-04-01"}
    assert found(leaving, NOW, inexact=("eligibility_lost_on",)) == []
    joining = {"joined_on": "2027-01-10", "mynumber_card": "held", "insurance_use": "registered"}
    assert found(joining, NOW, inexact=("joined_on",)) == []
    # a leaflet date stays, whatever band the member's own date was in
    later = {**NO_CARD, "eligibility_lost_on": "2030-04-01"}
    assert [r.day for r in found(later, NOW, inexact=("eligibility_lost_on",))] == [D(2029, 12, 1)]


def test_a_registered_member_after_the_transition_has_nothing_to_add() -> None:
    registered = {"mynumber_card": "held", "insurance_use": "registered"}
    assert found(registered, NOW) == [] and calendar_of(registered, NOW) == ""


def test_only_the_age_is_known_so_no_75th_birthday_is_guessed() -> None:
    for facts in ({**NO_CARD, "age": 74}, {"mynumber_card": "none", "age": 74}):
        for r in found(facts, NOW):
            assert r.kind in KINDS and "75" not in r.summary


@pytest.mark.parametrize(
    "facts",
    [
        NO_CARD,
        {"mynumber_card": "lost"},
        {"mynumber_card": "held", "insurance_use": "not_registered"},
        {"mynumber_card": "held", "insurance_use": "registered", "health_insurance_card": "held"},
        {**NO_CARD, "eligibility_lost_on": "2025-12-01"},
        {"joined_on": "2025-04-01", "mynumber_card": "none"},
    ],
)
def test_no_event_on_or_before_the_day_asked(facts: Mapping[str, object]) -> None:
    day = D(2024, 6, 1)
    while day < D(2030, 6, 1):
        for r in found(facts, day):
            assert r.day > day, (facts, day, r)
        day += dt.timedelta(days=61)


# ----------------------------------------------------------------------------- the .ics text
def test_lines_end_in_crlf_and_fold_at_75_octets_without_splitting_a_character() -> None:
    text = calendar_of(NO_CARD, NOW)
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")  # no bare LF
    for line in text.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75, line
    body = unfold(text)
    assert body[:4] == ["BEGIN:VCALENDAR", "VERSION:2.0", body[2], "CALSCALE:GREGORIAN"]
    assert body[2].startswith("PRODID:")
    assert "DTSTART;VALUE=DATE:20291201" in body and "DTEND;VALUE=DATE:20291202" in body
    assert f"URL:{URL}" in body
    assert "TRIGGER:-P7D" in body  # a week before


def test_folding_keeps_japanese_whole() -> None:
    line = "DESCRIPTION:" + "資格確認書" * 40
    folded = fold(line)
    parts = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert all(p.startswith(" ") for p in parts[1:])
    assert "".join([parts[0], *(p[1:] for p in parts[1:])]) == line
    assert fold("SHORT:ok") == "SHORT:ok"
    exactly = "X:" + "a" * 73  # 75 octets: not folded
    assert fold(exactly) == exactly and fold(exactly + "b").count("\r\n") == 1


@given(st.text(alphabet=st.sampled_from("aZ9 ,;\\:資格確認書（）🗓é"), max_size=400))
def test_any_line_folds_and_unfolds_back(value: str) -> None:
    line = "DESCRIPTION:" + value
    folded = fold(line)
    assert all(len(p.encode("utf-8")) <= 75 for p in folded.split("\r\n"))
    assert unfold(folded) == [line]


def test_text_values_escape_backslash_semicolon_comma_and_newlines() -> None:
    assert escape_text("a,b;c\\d\ne\r\nf") == "a\\,b\\;c\\\\d\\ne\\nf"
    event = Event(uid("s", "k"), D(2030, 1, 2), "件名;カンマ,", "一行目\n二行目")
    body = unfold(calendar([event], NOW))
    assert "SUMMARY:件名\\;カンマ\\," in body
    assert "DESCRIPTION:一行目\\n二行目" in body


def test_the_stamp_and_uids_come_from_the_answer_not_a_clock() -> None:
    assert stamp_of(NOW) == "20261126T150000Z"  # midnight of that day in Japan
    first, again = calendar_of(NO_CARD, NOW), calendar_of(NO_CARD, NOW)
    assert first == again
    later = calendar_of(NO_CARD, D(2027, 1, 5))
    uids = re.findall(r"^UID:(.*)$", "\n".join(unfold(first)), re.M)
    assert uids == re.findall(r"^UID:(.*)$", "\n".join(unfold(later)), re.M)  # an update
    assert uids[0].endswith("@kenpo-wizard.invalid")
    assert uid("s", "certificate_validity") != uid("s", "next_change")
    assert "DTSTAMP:20270104T150000Z" in unfold(later)  # a later answer is a newer revision


def test_without_a_url_the_events_still_name_their_source() -> None:
    body = unfold(calendar_of(NO_CARD, NOW, url=None))
    assert not any(line.startswith("URL:") for line in body)
    assert any("根拠（リーフレット）" in line for line in body)


def test_read_back_with_the_icalendar_library() -> None:
    icalendar = pytest.importorskip("icalendar")
    facts = {"mynumber_card": "lost", "eligibility_lost_on": "2030-04-01"}
    cal = icalendar.Calendar.from_ical(calendar_of(facts, D(2025, 6, 1)))
    assert str(cal["VERSION"]) == "2.0"
    events = [
        (e.decoded("DTSTART"), e.decoded("DTEND"), str(e["SUMMARY"])) for e in cal.walk("VEVENT")
    ]
    assert events == [
        (D(2025, 12, 2), D(2025, 12, 3), "受診のときに使う書類が変わります"),
        (D(2029, 12, 1), D(2029, 12, 2), "資格確認書の有効期限（最長）"),
    ]
    for e in cal.walk("VEVENT"):
        description = str(e["DESCRIPTION"])
        assert "根拠（リーフレット）" in description and URL in description
        assert str(e["URL"]) == URL
        (alarm,) = e.walk("VALARM")
        assert alarm.decoded("TRIGGER") == dt.timedelta(days=-7)
        assert e.decoded("DTSTAMP") == dt.datetime(2025, 5, 31, 15, tzinfo=dt.UTC)
