"""A person's tasks for a period, each from the engine's answer on the day it falls.

The days assessed are the ones that can bring a task: the period's first day (or the day of
joining inside it), the 資格喪失日 (when its return window reaches into the period), the 70th and
75th birthdays (given a birth date), and each ``next_change`` of those answers inside the
period. On each day the engine answers for the row's facts (an empty cell is an absent fact,
as the engine presumes it, P12) and the answer is turned into dated tasks: forms from
``submit``, returns from ``returns`` (collected from ``from_day``, the 5 days as the 参考 the
engine names), what ``receive`` brings without a day, the validity end of a 資格確認書 held, and
what the answer on a birthday says. Nothing here decides: the words for what the engine is
silent on say so.

The wizard's flow is walked with the row's facts as answers: the first question the row cannot
answer names the fact that decides (a Missing entry, with the question's own words). A question
about a fact the list does not carry is answered as the engine presumes it when one of its
choices gives the same outcome (P12), or with 「わからない」 where the question offers it. The
walk gives the wizard's canonical query and the result code the wizard would show.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .. import reminders
from ..assessment import Assessment
from ..facts import FACT_LABELS, Facts, parse_facts
from ..flow import FLOW, UNKNOWN, Question, walk
from ..i18n import _, sep_alternatives, sep_list
from ..leaflet import Document, Form, Section
from ..phrases import REFERENCE_TEXTS, contact_text
from ..registry import RULES
from ..rules import answers_can_change, assess
from ..texts import direct, doc_label, explain, hand_in_to
from ..web.url_state import DAY_KEY, canonical_query
from .columns import COLUMN_BY_KEY
from .people import BIRTHDAYS, Person, header, read_person
from .reading import Row

KINDS = (
    "submit",
    "collect",
    "return_due",
    "turns_70",
    "turns_75",
    "certificate_expires",
    "receive",
    "contact",  # an extension: the answer sends the clerk to the association (P4)
    "ask",
)
# The association's website gives 5 days from 資格喪失 (参考, P10). The 資格喪失日 is counted as
# the first of them (the earlier of the two readings; the website does not say how to count).
RETURN_DAYS = 5
_FORM_RULES = {
    Form.ISSUE_NEEDED_ON_ENROLMENT: ("R16",),
    Form.CERTIFICATE_APPLICATION: ("R18",),
    Form.NOTICE_REISSUE: ("R31",),
}
_RETURN_RULES = {
    Document.HEALTH_INSURANCE_CARD: ("R4",),
    Document.ELIGIBILITY_CERTIFICATE: ("R21",),
}
_FACT_OF_QUESTION = {"certificate_arrived": "eligibility_certificate"}


@dataclass(frozen=True)
class Inputs:
    """The row's facts on one day, hashable: the walk and the engine are asked once per value."""

    member_type: str
    joined_on: dt.date | None
    join_unknown: bool
    age: int | None
    eligibility_lost_on: dt.date | None
    enums: tuple[tuple[str, str], ...]

    def facts(self) -> Facts:
        raw: dict[str, object] = {k: v for k, v in self.enums if v != "unknown"}
        raw["member_type"] = self.member_type
        raw["joined_on"] = self.joined_on
        raw["eligibility_lost_on"] = self.eligibility_lost_on
        raw["age"] = self.age
        if self.join_unknown and self.joined_on is None:
            raw["join_date"] = "unknown"
        return parse_facts(raw)

    def value(self, fact: str) -> str | None:
        return dict(self.enums).get(fact)


@dataclass(frozen=True)
class Walked:
    """The wizard walked with a row's facts on a day, and the engine's answer for the row."""

    answer: Assessment  # for the row's facts as given (absent = as the engine presumes)
    facts: Facts  # those facts
    query: str  # the wizard's canonical query (up to the question to ask, if it stops)
    code: str | None  # the result code the wizard shows for the query (None: it stops)
    stopped: Question | None  # the first question the row cannot answer
    presumed: tuple[str, ...]  # facts answered as the engine presumes them


@functools.lru_cache(maxsize=8192)
def walked(inputs: Inputs, on: dt.date, today: dt.date) -> Walked:
    answers: dict[str, str] = {}
    presumed: list[str] = []
    stopped: Question | None = None
    state = walk(FLOW, answers, on)
    while not state.done and state.error is None:
        q = state.node
        assert isinstance(q, Question)
        reply = _reply(q, inputs, state.facts, on, presumed)
        if reply is None:
            stopped = q
            break
        answers[q.id] = reply
        state = walk(FLOW, answers, on)
    if state.error is not None:  # a value the flow refuses (never for a checked row)
        stopped = state.node if isinstance(state.node, Question) else None
        answers.pop(state.node.id, None)
    query = canonical_query({**state.answers(), DAY_KEY: on.isoformat()})
    code = None
    if state.done:
        code = str(assess(state.facts, on, today).to_dict()["result_code"])
    facts = inputs.facts()
    return Walked(assess(facts, on, today), facts, query, code, stopped, tuple(presumed))


def _reply(
    q: Question, inputs: Inputs, facts: Facts, on: dt.date, presumed: list[str]
) -> str | None:
    """The row's answer to ``q``; None when the row cannot answer it."""
    if q.id == "since":
        if inputs.joined_on is not None:
            later = q.choice("later")
            assert later is not None and later.day is not None
            return "later" if inputs.joined_on >= later.day else "before"
        if inputs.join_unknown:
            return UNKNOWN
        presumed.append("joined_on")  # absent: a member since before 令和6年10月5日 (contract)
        return "before"
    if q.kind == "date":
        day = getattr(inputs, q.fact or "", None)
        return day.isoformat() if isinstance(day, dt.date) else None
    if q.kind == "number":
        return None if inputs.age is None else str(inputs.age)
    if q.id == "member_type":
        return "voluntary" if inputs.member_type == "voluntary" else "employee"
    if q.id == "leaving":
        return "yes" if inputs.eligibility_lost_on is not None else "no"
    fact = _FACT_OF_QUESTION.get(q.id, q.id)
    offered = q.offered(facts)
    value = inputs.value(fact)
    if value == "unknown":
        value = None
    if value is not None:
        chosen = next((c for c in offered if c.facts.get(fact) == value), None)
        return chosen.value if chosen is not None else None
    unknown = next((c for c in offered if c.value == UNKNOWN), None)
    if unknown is not None:
        if unknown.facts:
            presumed.append(fact)
        return unknown.value
    for c in offered:
        if not answers_can_change(facts, on, [c.facts]):
            presumed.append(fact)
            return c.value
    return None


# ----------------------------------------------------------------------------- tasks
class _Tasks:
    """Tasks and missing facts of one row, each once (the earliest day)."""

    def __init__(self, person: Person, row: Row, start: dt.date, end: dt.date) -> None:
        self.person, self.row, self.start, self.end = person, row, start, end
        self.tasks: dict[tuple[str, str, dt.date | None], dict[str, Any]] = {}
        self.missing: dict[str, dict[str, Any]] = {}
        self.notes: list[str] = []

    def add(
        self,
        w: Walked,
        day: dt.date,
        kind: str,
        subject: str,
        text: str,
        who: str,
        sections: Iterable[str],
        reference_text: str = "",
        once: bool = True,
    ) -> None:
        if not self.start <= day <= self.end:
            return
        key = (kind, subject, None if once else day)
        if key in self.tasks:
            return
        self.tasks[key] = {
            "day": day.isoformat(),
            "row": self.person.row,
            "label": self.person.label,
            "kind": kind,
            "text": text,
            "who": who,
            "sections": list(sections),
            "reference": bool(reference_text),
            "result_code": w.code or "",
            "wizard_query": w.query,
            # extensions: what the task is about (a form, a document …) and its 参考 in words
            "subject": subject,
            "reference_text": reference_text,
        }

    def ask(self, fact: str, message: str, w: Walked, day: dt.date, question: str) -> None:
        if fact in self.missing:
            return
        self.missing[fact] = {
            "row": self.person.row,
            "label": self.person.label,
            "fact": fact,
            "message": message,
            "wizard_query": w.query,  # an extension: opens the wizard at that question
        }
        self.add(
            w,
            max(day, self.start),
            "ask",
            fact,
            _("ご本人に確かめる：{question}").format(question=question),
            _("勤務先の事務担当者（ご本人に確認）"),
            (),
        )


def sections_of(a: Assessment, rules: Iterable[str]) -> list[str]:
    """The leaflet sections of ``rules`` the answer rests on (else all of the answer's)."""
    wanted = {s for r in rules if r in a.rules for s in RULES[r].sections}
    return [str(s) for s in Section if s in wanted] or [str(s) for s in a.sources]


def _reference(code: str) -> str:
    return _("参考：{text}").format(text=REFERENCE_TEXTS[code]().plain())


def check_row(
    row: Row, start: dt.date, end: dt.date, today: dt.date, lang: str = "ja"
) -> dict[str, Any]:
    """The RowResult of ``row`` for the period ``start`` … ``end`` (spec/roster.md)."""
    from ..i18n import language

    with language(lang):
        return _check_row(row, start, end, today)


def _check_row(row: Row, start: dt.date, end: dt.date, today: dt.date) -> dict[str, Any]:
    person, problems = read_person(row, start, end, today)
    result: dict[str, Any] = {
        "row": row.number,
        "label": person.label,
        "result_code": None,
        "wizard_query": None,
        "tasks": [],
        "problems": problems,
        "missing": [],
        "notes": [],
        "presumed": [],
    }
    if problems:
        return result  # facts the engine cannot take: nothing is guessed for this row
    out = _Tasks(person, row, start, end)
    joined = person.joined_on
    first = joined if joined is not None and start < joined <= end else start
    days: list[tuple[dt.date, str]] = [(first, "first")]
    lost = person.eligibility_lost_on
    if lost is not None and lost <= end and lost + dt.timedelta(days=RETURN_DAYS - 1) >= start:
        days.append((lost, "lost"))
    for years in BIRTHDAYS:
        day = person.birthday(years)
        if day is not None and start <= day <= end:
            days.append((day, f"turns_{years}"))
    seen: set[tuple[dt.date, str]] = set()
    presumed: list[str] = []
    while days:
        day, why = days.pop(0)
        if (day, why) in seen:
            continue
        seen.add((day, why))
        w = walked(_inputs(person, day), day, today)
        if why == "first":
            result["result_code"], result["wizard_query"] = w.code, w.query
        presumed += [f for f in w.presumed if f not in presumed]
        _tasks_of(out, w, day, why)
        change = w.answer.next_change
        if change is not None and start <= change.day <= end:
            days.append((change.day, "change"))
            days.sort(key=lambda d: d[0])
    if person.birth_date is None and person.age is not None:
        for years in BIRTHDAYS:
            if person.age == years - 1:
                out.missing.setdefault(
                    "birth_date",
                    {
                        "row": person.row,
                        "label": person.label,
                        "fact": "birth_date",
                        "message": _(
                            "{age}歳の方は、この期間に{years}歳になるかもしれません。{years}歳になる日から"
                            "手続きが変わるため、名簿に「{column}」を書いてください。"
                        ).format(
                            age=person.age,
                            years=years,
                            column=header(row, "birth_date"),
                        ),
                        "wizard_query": result["wizard_query"],
                    },
                )
    result["tasks"] = sorted(out.tasks.values(), key=task_order)
    result["missing"] = list(out.missing.values())
    result["notes"] = out.notes
    result["presumed"] = presumed
    return result


def task_order(t: dict[str, Any]) -> tuple[str, int, int]:
    return t["day"], t["row"], KINDS.index(t["kind"]) if t["kind"] in KINDS else len(KINDS)


def _inputs(person: Person, day: dt.date) -> Inputs:
    return Inputs(
        person.member_type,
        person.joined_on,
        person.join_unknown,
        person.age_on(day),
        person.eligibility_lost_on,
        tuple(sorted(person.enums.items())),
    )


def _tasks_of(out: _Tasks, w: Walked, day: dt.date, why: str) -> None:
    a = w.answer
    x = explain(a)
    if w.stopped is not None:
        q = w.stopped
        fact = _FACT_OF_QUESTION.get(q.id, q.fact or q.id)
        out.ask(fact, _missing_message(out.row, fact, q, a), w, day, _(q.text))
    for code, text in zip(a.unknowns, x.part("unknowns"), strict=False):
        label = _(FACT_LABELS.get(code, code))
        message = _("「{fact}」が分かりません。{text}").format(fact=label, text=text)
        out.ask(code, message, w, day, text)
    if direct(a):
        # 任意継続: forms, returns and questions go to the association directly (A4)
        note = contact_text("no_employer", True)
        if note not in out.notes:
            out.notes.append(note)
        return
    if a.first_step == "later_elderly" and why != "turns_75":
        line = _("{headline}。{step}").format(headline=x.headline, step=x.first_step)
        if line not in out.notes:
            out.notes.append(line)
    for form, text in zip(a.submit, x.part("submit"), strict=False):
        out.add(w, day, "submit", str(form), text, hand_in_to(a), sections_of(a, _FORM_RULES[form]))
    for r in a.returns:
        if r.from_day is None or r.to != "employer":
            continue  # 75 and over: worded on the birthday; 任意継続: to the association
        doc = doc_label(r.document)
        sections = sections_of(a, _RETURN_RULES.get(r.document, ()))
        out.add(
            w,
            r.from_day,
            "collect",
            str(r.document),
            _(
                "「{doc}」をご本人から受け取ります（資格喪失日から。前日まではご本人が使えます）"
            ).format(doc=doc),
            _("勤務先の事務担当者"),
            sections,
        )
        if "return_within_5_days" in a.references:
            out.add(
                w,
                r.from_day + dt.timedelta(days=RETURN_DAYS - 1),
                "return_due",
                str(r.document),
                _("「{doc}」の返却の目安の最終日（資格喪失日から5日以内。5日は参考）").format(
                    doc=doc
                ),
                _("ご本人（勤務先の事務担当者へ返却）"),
                sections,
                _reference("return_within_5_days"),
            )
    for d in a.receive:
        if d.when is not None or d.how == "on_copay_change":
            continue  # the leaflet's dated deliveries are of 2024–2025; the 70th: its own task
        # the result page's own lines point "above" at its lists: a task line stands alone
        if d.document == Document.ELIGIBILITY_CERTIFICATE:
            text = (
                _("「{doc}」が届きます（申請による交付。届く時期はリーフレットに記載がありません）")
                if d.how == "application"
                else _(
                    "「{doc}」が届きます（申請しなくても交付されます。"
                    "届く時期はリーフレットに記載がありません）"
                )
            )
            rules: tuple[str, ...] = ("R13",)
        else:
            text = _(
                "「{doc}」が届きます（加入時に交付。届く時期はリーフレットに記載がありません）"
            )
            rules = ("R26",)
        out.add(
            w,
            day,
            "receive",
            str(d.document),
            text.format(doc=doc_label(d.document)),
            _("当組合が交付します"),
            sections_of(a, rules),
        )
    for code in a.contact_reasons:
        out.add(
            w,
            day,
            "contact",
            code,
            contact_text(code, False),
            _("勤務先の事務担当者（当組合へ問い合わせ）"),
            [str(s) for s in a.sources],
        )
    for reminder in reminders.reminders(a, w.facts):
        if reminder.kind != "certificate_validity":
            continue
        shorter = a.eligibility_certificate.shorter_validity_possible
        out.add(
            w,
            reminder.day,
            "certificate_expires",
            str(Document.ELIGIBILITY_CERTIFICATE),
            _("{summary}：{lines}").format(
                summary=reminder.summary, lines="".join(reminder.lines[1:3])
            ),
            _("ご本人（カードに印字された有効期限を確認）"),
            sections_of(a, ("R20",)),
            _reference("shorter_validity") if shorter else "",
        )
    if why == "turns_70":
        text, sections = _turns_70(w, x)
        out.add(w, day, "turns_70", "70", text, _("ご本人"), sections, once=False)
    if why == "turns_75":
        text, who, sections, refs = _turns_75(w, x)
        out.add(w, day, "turns_75", "75", text, who, sections, refs, once=False)


def _undecided(w: Walked) -> str:
    """A birthday's words when the row cannot say yet what it brings (a fact is missing)."""
    assert w.stopped is not None
    return _("この日からのことは「{question}」の答えで決まります（確かめてほしいこと）。").format(
        question=_(w.stopped.text)
    )


def _turns_70(w: Walked, x: Any) -> tuple[str, list[str]]:
    """R19 (負担割合 on the 資格確認書) and R26 (a new お知らせ), as the answer on the day says."""
    a = w.answer
    head = _("70歳になる日です。")
    if w.stopped is not None:
        return head + _undecided(w), []
    lines: list[str] = []
    rules: list[str] = []
    if a.eligibility_certificate.copay_ratio_printed:
        lines.append(
            _(
                "70〜74歳の方（高齢受給者）の資格確認書には負担割合が表示されます（高齢受給者証は発行されません）"
            )
            + _("。表示された資格確認書がいつ届くかは、リーフレットに記載がありません。")
        )
        rules.append("R19")
    if any(d.how == "on_copay_change" for d in a.receive):
        lines.append(
            _(
                "「資格情報のお知らせ」は、70歳以上で負担割合が変わるときにも交付されます"
                "（届く時期はリーフレットに記載がありません）。"
            )
        )
        rules.append("R26")
    if not lines:
        lines.append(
            _(
                "この方の答えには、70歳で変わる書類（負担割合の表示、新しい「資格情報のお知らせ」）は"
                "ありません。"
            )
        )
        return head + "".join(lines), [str(s) for s in a.sources]
    return head + "".join(lines), sections_of(a, rules)


def _turns_75(w: Walked, x: Any) -> tuple[str, str, list[str], str]:
    """P5 (v3 A2): the answer on the 75th birthday, worded as the result words it."""
    a = w.answer
    head = _("75歳になる日です。")
    if w.stopped is not None and a.first_step != "later_elderly":
        return head + _undecided(w), _("ご本人"), [], ""
    todo = dict(x.todo)
    text = head + _("{headline}。{step}（{when}）").format(
        headline=x.headline, step=x.first_step, when=todo.get(_("いつ"), "")
    )
    refs = sep_alternatives().join(_reference(r) for r in a.references)
    return text, todo.get(_("する人"), _("ご本人")), [str(s) for s in a.sources], refs


def _missing_message(row: Row, fact: str, q: Question, a: Assessment) -> str:
    """Which fact decides and how to ask the member: the question's own words and choices."""
    label = _(FACT_LABELS.get(fact, COLUMN_BY_KEY[fact].label if fact in COLUMN_BY_KEY else fact))
    choices = sep_list().join(c.text() for c in q.choices if c.value != UNKNOWN)
    asked = _("ご本人に「{question}」と確かめてください").format(question=_(q.text))
    if choices:
        asked += _("（{choices}）").format(choices=choices)
    if fact == "age":
        where = _("名簿の「{birth}」か「{age}」の列に書いてください。").format(
            birth=header(row, "birth_date"), age=header(row, "age")
        )
    elif fact in COLUMN_BY_KEY:
        where = _("名簿の「{column}」の列に書いてください。").format(column=header(row, fact))
    else:
        where = _("名簿にない項目のため、ウィザードでこの方の答えを開いて確かめてください。")
    return _("この方の手続きは「{fact}」で決まります。{asked}。{where}").format(
        fact=label, asked=asked, where=where
    )
