"""One row of a staff list read into a person: the engine's facts, each cell checked.

A cell the engine refuses (an impossible date, a day outside the engine's range, an age it
cannot take, 資格喪失日 not after 資格取得日) gives the engine's own message; a word no column
knows, and an age that the birth date contradicts, give ours. Each problem names the row and
the column's header as written in the file. The age on a day comes from the birth date
(満年齢: a year older on the birthday); with 年齢 only, the age is the same on every day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..dates import parse_date
from ..errors import InputError
from ..facts import parse_facts
from ..i18n import _, sep_list
from .columns import COLUMN_BY_KEY, accepted_words, is_blank, value_of
from .reading import Row, problem

DATE_COLUMNS = ("joined_on", "eligibility_lost_on")
ENUM_COLUMNS = ("relation", "mynumber_card", "insurance_use", "eligibility_certificate")
BIRTHDAYS = (70, 75)  # R19/R26 (70: 高齢受給者) and P5 (75: 後期高齢者医療)


@dataclass
class Person:
    row: int
    label: str
    member_type: str = "employee"
    birth_date: dt.date | None = None
    age: int | None = None  # the 年齢 column, when there is no birth date
    joined_on: dt.date | None = None
    join_unknown: bool = False  # the cell says 「不明」
    eligibility_lost_on: dt.date | None = None
    enums: dict[str, str] = field(default_factory=dict)  # mynumber_card, insurance_use, ...

    def age_on(self, day: dt.date) -> int | None:
        if self.birth_date is None:
            return self.age
        return max(0, age_on(self.birth_date, day))

    def birthday(self, years: int) -> dt.date | None:
        return birthday(self.birth_date, years) if self.birth_date is not None else None


def age_on(birth: dt.date, day: dt.date) -> int:
    """満年齢 on ``day``: a year older on the birthday (29 February: on 1 March)."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def birthday(birth: dt.date, years: int) -> dt.date:
    """The day someone born on ``birth`` becomes ``years`` old (see :func:`age_on`)."""
    try:
        return birth.replace(year=birth.year + years)
    except ValueError:  # 29 February in a year without one
        return dt.date(birth.year + years, 3, 1)


def header(row: Row, key: str) -> str:
    return row.headers.get(key) or _(COLUMN_BY_KEY[key].label)


def label_of(row: Row) -> str:
    return row.cells.get("label", "") or _("{n}行目").format(n=row.number)


def _where(row: Row, key: str) -> str:
    # i18n: where a problem is: the row number as in Excel and the column's header
    return _("{n}行目「{column}」：").format(n=row.number, column=header(row, key))


def read_person(
    row: Row, start: dt.date, end: dt.date, today: dt.date
) -> tuple[Person, list[dict[str, Any]]]:
    """The person in ``row`` and the problems of its cells (every cell is checked)."""
    person = Person(row.number, label_of(row))
    problems: list[dict[str, Any]] = []

    def bad(key: str, code: str, message: str) -> None:
        problems.append(
            problem(code, _where(row, key) + message, row=row.number, column=header(row, key))
        )

    cells = {k: v for k, v in row.cells.items() if k != "label"}
    for key in ENUM_COLUMNS:
        cell = cells.get(key, "")
        if is_blank(cell):
            if key == "insurance_use" and cell.strip():
                person.enums[key] = "unknown"  # 「不明」: the wizard's 「わからない」
            continue
        value = value_of(key, cell)
        if value is None:
            bad(
                key,
                "bad_value",
                _("「{value}」は使えない値です（使える値：{allowed}）。").format(
                    value=cell[:40], allowed=sep_list().join(accepted_words(key))
                ),
            )
        elif key == "relation":
            person.member_type = value
        else:
            person.enums[key] = value
    for key in DATE_COLUMNS:
        cell = cells.get(key, "")
        if is_blank(cell):
            if key == "joined_on" and cell.strip():
                person.join_unknown = True
            continue
        try:
            day = parse_facts({key: cell}).to_dict()[key]
        except InputError as err:
            bad(key, err.code, err.message)
            continue
        setattr(person, key, dt.date.fromisoformat(str(day)))
    birth_cell = cells.get("birth_date", "")
    if not is_blank(birth_cell):
        try:
            birth = parse_date(birth_cell, field="birth_date", any_era=True)
        except InputError as err:
            bad("birth_date", err.code, err.message)
        else:
            if birth > max(today, end):
                bad("birth_date", "birth_in_future", _("生年月日が確認する期間より後の日付です。"))
            elif age_on(birth, start) > 130:
                bad("birth_date", "bad_value", _("生年月日から数えた年齢が130歳を超えています。"))
            else:
                person.birth_date = birth
    age_cell = cells.get("age", "")
    if not is_blank(age_cell):
        try:
            person.age = int(parse_facts({"age": age_cell}).to_dict()["age"])
        except InputError as err:
            bad("age", err.code, err.message)
    if person.birth_date is not None and person.age is not None:
        ages = {age_on(person.birth_date, d) for d in (today, start, end)}
        if person.age not in ages:
            bad(
                "age",
                "age_birth_mismatch",
                _(
                    "年齢{age}歳は、生年月日（{birth}）から数えた年齢（{ages}歳）と合いません。"
                ).format(
                    age=person.age,
                    birth=birth_cell[:40],
                    ages=sep_list().join(str(a) for a in sorted(ages)),
                ),
            )
    # what the engine refuses together, among the cells that could be read
    problems += _contradictions(row, person)
    return person, problems


def _contradictions(row: Row, person: Person) -> list[dict[str, Any]]:
    """What the engine refuses together (contract A9), named on the later column."""
    enums = dict(person.enums)
    if enums.get("mynumber_card") in ("none", "returned") and enums.get("insurance_use") in (
        "not_registered",
        "unknown",
    ):
        # 「カード：なし、利用登録：なし」 says one thing twice, not a contradiction
        enums.pop("insurance_use")
        person.enums.pop("insurance_use")
    facts: dict[str, object] = {k: v for k, v in enums.items() if v != "unknown"}
    facts["joined_on"] = person.joined_on
    facts["eligibility_lost_on"] = person.eligibility_lost_on
    try:
        parse_facts(facts)
    except InputError as err:
        key = err.field if err.field in row.cells or err.field in COLUMN_BY_KEY else None
        column = header(row, key) if key else None
        where = _where(row, key) if key else _("{n}行目：").format(n=row.number)
        return [problem(err.code, where + err.message, row=row.number, column=column)]
    return []
