"""The facts a person brings (contract.md), validated into one immutable value.

An absent fact means "not asked / not applicable". Extensions beyond the contract:
``member_type`` (被保険者・被扶養者・任意継続), ``assisted_visit=child`` (domain.md P7), and
``join_date=unknown`` (a member who does not know when they joined: the answer presumes an
existing member, as for an absent ``joined_on``, and says what to check).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, fields

from .dates import check_day, parse_date
from .errors import InputError
from .i18n import N_, _, sep_list
from .leaflet import ABOLITION_DAY
from .wareki import wareki

ENUM_FACTS: dict[str, tuple[str, ...]] = {
    "member_type": ("employee", "dependant", "voluntary"),
    "mynumber_card": ("none", "held", "lost", "renewing", "returned"),
    "insurance_use": ("registered", "not_registered", "cancelled"),
    "certificate": ("valid", "expired"),
    "assisted_visit": ("yes", "child", "no"),
    "health_insurance_card": ("held", "lost", "none"),
    "eligibility_certificate": ("held", "lost", "none"),
    "eligibility_notice": ("held", "lost", "none"),
    "mynaportal": ("yes", "no"),
    "card_reader": ("ok", "unavailable"),
    "join_date": ("unknown",),
}
DATE_FACTS = ("joined_on", "eligibility_lost_on")
INT_FACTS = {"age": (0, 130)}
CHILD_AGE_LIMIT = 18  # assisted_visit=child is for someone younger (contract A9)

FACT_LABELS: dict[str, str] = {
    "joined_on": N_("加入日（資格取得日）"),
    "eligibility_lost_on": N_("資格喪失日"),
    "age": N_("年齢"),
    "member_type": N_("加入の区分"),
    "mynumber_card": N_("マイナンバーカード"),
    "insurance_use": N_("保険証利用登録"),
    "certificate": N_("電子証明書"),
    "assisted_visit": N_("受診時の同行者"),
    "health_insurance_card": N_("保険証"),
    "eligibility_certificate": N_("資格確認書"),
    "eligibility_notice": N_("資格情報のお知らせ"),
    "mynaportal": N_("マイナポータルの資格情報画面"),
    "card_reader": N_("医療機関のカードリーダー"),
    "join_date": N_("加入した時期"),
}


@dataclass(frozen=True)
class Facts:
    joined_on: dt.date | None = None
    eligibility_lost_on: dt.date | None = None
    age: int | None = None
    member_type: str | None = None
    mynumber_card: str | None = None
    insurance_use: str | None = None
    certificate: str | None = None
    assisted_visit: str | None = None
    health_insurance_card: str | None = None
    eligibility_certificate: str | None = None
    eligibility_notice: str | None = None
    mynaportal: str | None = None
    card_reader: str | None = None
    join_date: str | None = None  # "unknown": not known (joined_on is then absent)

    @property
    def has_usable_my_number_card(self) -> bool:
        """A マイナ保険証: card held, registered for insurance use, 電子証明書 not expired (R8, R15④)."""
        return (
            self.mynumber_card == "held"
            and self.insurance_use == "registered"
            and self.certificate != "expired"
        )

    @property
    def joined_after_abolition(self) -> bool:
        """Joined on or after 2024-12-02: never had a 保険証 from this association (R1)."""
        return self.joined_on is not None and self.joined_on >= ABOLITION_DAY

    def to_dict(self) -> dict[str, str | int]:
        """Only the facts given, dates as ISO strings (the JSON form of the input)."""
        out: dict[str, str | int] = {}
        for k, v in asdict(self).items():
            if v is not None:
                out[k] = v.isoformat() if isinstance(v, dt.date) else v
        return out


FACT_NAMES: tuple[str, ...] = tuple(f.name for f in fields(Facts))


def read_whole_number(text: str) -> int | None:
    """A typed age: 「７２」, 「72歳」 → 72; anything but up to three ASCII digits → None."""
    t = unicodedata.normalize("NFKC", text).strip().removesuffix("歳").strip()
    return int(t) if t.isascii() and t.isdigit() and len(t) <= 3 else None


def gather_facts(pairs: Iterable[tuple[str, object]]) -> dict[str, object]:
    """Facts from several places (a file, options) into one mapping; a fact given twice must
    have the same value both times (contract A9: 70 and 「70」 are the same, 70 and 72 are not)."""
    out: dict[str, object] = {}
    for name, value in pairs:
        if name in out and not _same_value(name, out[name], value):
            raise InputError(
                "conflicting_fact",
                _(
                    "「{name}」に異なる値が指定されています：「{first}」と「{second}」。"
                    "1つにしてください。"
                ).format(name=name[:40], first=_shown(out[name]), second=_shown(value)),
                name[:40],
            )
        out[name] = value
    return out


def _shown(value: object) -> str:
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    return " ".join(text.split())[:40]


def _same_value(name: str, a: object, b: object) -> bool:
    if a == b:
        return True
    if name not in FACT_NAMES:
        return False
    absent = [v is None or v == "" for v in (a, b)]
    if any(absent):
        return all(absent)
    return _parse_value(name, a) == _parse_value(name, b)  # a bad value is reported as such


def parse_facts(raw: Mapping[str, object]) -> Facts:
    """Validate a mapping of fact names to values (strings, ints or dates)."""
    values: dict[str, object] = {}
    for name, value in raw.items():
        if name not in FACT_NAMES:
            raise InputError(
                "unknown_fact", _("知らない項目です：{name}").format(name=name[:40]), name[:40]
            )
        if value is None or value == "":
            continue
        values[name] = _parse_value(name, value)
    facts = Facts(**values)  # type: ignore[arg-type]
    check_consistent(facts)
    return facts


def _parse_value(name: str, value: object) -> object:
    label = _(FACT_LABELS[name])
    if name in DATE_FACTS:
        if isinstance(value, dt.datetime):
            return check_day(value.date(), name)
        if isinstance(value, dt.date):
            return check_day(value, name)
        if isinstance(value, str):
            return parse_date(value, field=name)
        raise InputError(
            "bad_value", _("{label}は日付で指定してください。").format(label=label), name
        )
    if name in INT_FACTS:
        lo, hi = INT_FACTS[name]
        number: int | None = None
        if isinstance(value, int) and not isinstance(value, bool):
            number = value
        elif isinstance(value, str):
            number = read_whole_number(value)
        if number is None or not lo <= number <= hi:
            raise InputError(
                "bad_value",
                _("{label}は{lo}から{hi}までの整数で入力してください。").format(
                    label=label, lo=lo, hi=hi
                ),
                name,
            )
        return number
    allowed = ENUM_FACTS[name]
    if not isinstance(value, str) or value not in allowed:
        shown = str(value)[:40]
        raise InputError(
            "bad_value",
            _("{label}の値「{value}」は使えません（使える値：{allowed}）。").format(
                label=label, value=shown, allowed=sep_list().join(allowed)
            ),
            name,
        )
    return value


def check_consistent(f: Facts) -> None:
    """Reject combinations that cannot both be true (a tampered or mistyped input)."""

    def conflict(field: str, message: str) -> InputError:
        return InputError("contradiction", message, field)

    card_absent = f.mynumber_card in ("none", "returned")
    if card_absent and f.insurance_use is not None:
        raise conflict(
            "insurance_use",
            _("マイナンバーカードをお持ちでない場合、保険証利用登録の回答はできません。"),
        )
    if card_absent and f.certificate is not None:
        raise conflict(
            "certificate", _("マイナンバーカードをお持ちでない場合、電子証明書の回答はできません。")
        )
    if f.joined_on and f.eligibility_lost_on and f.eligibility_lost_on <= f.joined_on:
        raise conflict(
            "eligibility_lost_on", _("資格喪失日は加入日（資格取得日）より後の日付にしてください。")
        )
    if f.join_date == "unknown" and f.joined_on is not None:
        raise conflict(
            "join_date",
            _("加入日（資格取得日）を指定した場合、加入した時期を「わからない」にはできません。"),
        )
    if f.assisted_visit == "child" and f.age is not None and f.age >= CHILD_AGE_LIMIT:
        raise conflict(
            "assisted_visit",
            _(
                "「子どもにベビーシッターなどが同行する」は、{n}歳未満の方の受診についてのみ"
                "選べます（年齢：{age}歳）。"
            ).format(n=CHILD_AGE_LIMIT, age=f.age),
        )
    if f.joined_after_abolition and f.health_insurance_card in ("held", "lost"):
        raise conflict(
            "health_insurance_card",
            _("{day}以降に加入した方には保険証は発行されていません。").format(
                day=wareki(ABOLITION_DAY)
            ),
        )
