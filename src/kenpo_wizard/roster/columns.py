"""The columns a staff list (名簿) may have, the headers and values each is recognised by.

Headers and values are matched after :func:`normalise`: full-width to half-width (NFKC),
case folded, spaces and the usual separators removed, so 「本人・家族」, 「本人／家族」 and
「本人 家族」 are one header, and 「Not registered」 is ``not_registered``. The words are the
same in every language (a Japanese file opened on the English page is read alike): they are
keys, not texts, and live here once.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..i18n import N_


@dataclass(frozen=True)
class Column:
    key: str
    label: str  # msgid: how a message names the column when the file has none (N_)
    headers: tuple[str, ...]  # as written in the template and the docs; matched normalised
    values: dict[str, str] | None = None  # cell word → the engine's value ("" = not known)
    template_ja: str = ""
    template_en: str = ""


def normalise(text: str) -> str:
    """One spelling of a header or a value: NFKC, case folded, without spaces and separators."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[\s_\-・/／()（）.:：「」『』・･]+", "", text)


# 「不明」, 「?」: the clerk does not know. Read as a cell left empty.
UNKNOWN_WORDS = ("不明", "わからない", "分からない", "未確認", "unknown", "?", "？", "-", "ー", "―")

_HELD = ("あり", "有", "有り", "ある", "持っている", "所持", "保有", "held", "yes", "y", "○", "〇")
_NONE = ("なし", "無", "無し", "ない", "持っていない", "none", "no", "n", "×", "✕")

COLUMNS: tuple[Column, ...] = (
    Column(
        "label",
        N_("番号"),
        (
            "番号",
            "社員番号",
            "職員番号",
            "従業員番号",
            "イニシャル",
            "識別",
            "label",
            "id",
            "staff no",
            "staff id",
            "employee id",
            "initials",
            "no",
        ),
        template_ja="番号",
        template_en="Label",
    ),
    Column(
        "relation",
        N_("本人・家族"),
        (
            "続柄",
            "区分",
            "本人・家族",
            "本人／家族",
            "被保険者・被扶養者",
            "relation",
            "type",
            "member type",
        ),
        {
            **dict.fromkeys(("本人", "被保険者", "employee", "self", "member"), "employee"),
            **dict.fromkeys(
                ("家族", "被扶養者", "扶養", "扶養家族", "dependant", "dependent", "family"),
                "dependant",
            ),
            **dict.fromkeys(
                ("任意継続", "任意継続被保険者", "任継", "voluntary", "voluntary continuation"),
                "voluntary",
            ),
        },
        template_ja="本人・家族",
        template_en="Relation",
    ),
    Column(
        "birth_date",
        N_("生年月日"),
        ("生年月日", "誕生日", "birth date", "date of birth", "birthday", "dob"),
        template_ja="生年月日",
        template_en="Date of birth",
    ),
    Column("age", N_("年齢"), ("年齢", "満年齢", "age"), template_ja="年齢", template_en="Age"),
    Column(
        "joined_on",
        N_("資格取得日"),
        ("資格取得日", "加入日", "取得日", "joined", "joined on", "join date"),
        template_ja="資格取得日",
        template_en="Joined on",
    ),
    Column(
        "eligibility_lost_on",
        N_("資格喪失日"),
        ("資格喪失日", "喪失日", "lost on", "leaves on", "eligibility lost on"),
        template_ja="資格喪失日",
        template_en="Lost on",
    ),
    Column(
        "mynumber_card",
        N_("マイナンバーカード"),
        ("マイナンバーカード", "マイナカード", "mynumber card", "my number card"),
        {
            **dict.fromkeys(_HELD, "held"),
            **dict.fromkeys((*_NONE, "未取得", "取得していない"), "none"),
            **dict.fromkeys(("紛失", "紛失した", "紛失中", "lost"), "lost"),
            **dict.fromkeys(("更新中", "renewing"), "renewing"),
            **dict.fromkeys(("返納", "返納した", "returned"), "returned"),
        },
        template_ja="マイナンバーカード",
        template_en="My Number Card",
    ),
    Column(
        "insurance_use",
        N_("利用登録"),
        ("利用登録", "保険証利用登録", "insurance use", "registered", "registration"),
        {
            **dict.fromkeys(
                (
                    "済",
                    "済み",
                    "登録済",
                    "登録済み",
                    "あり",
                    "有",
                    "registered",
                    "yes",
                    "done",
                    "○",
                ),
                "registered",
            ),
            **dict.fromkeys(
                ("未", "未登録", "登録していない", "なし", "無", "not registered", "no", "×"),
                "not_registered",
            ),
            **dict.fromkeys(
                ("解除", "登録解除", "解除済", "解除済み", "cancelled", "canceled"), "cancelled"
            ),
        },
        template_ja="利用登録",
        template_en="Insurance use",
    ),
    Column(
        "eligibility_certificate",
        N_("資格確認書"),
        ("資格確認書", "eligibility certificate"),
        {
            **dict.fromkeys((*_HELD, "届いた", "交付済", "交付済み", "received"), "held"),
            **dict.fromkeys((*_NONE, "未着", "まだ", "届いていない", "not received"), "none"),
            **dict.fromkeys(("紛失", "紛失した", "破損", "紛失・破損", "lost"), "lost"),
        },
        template_ja="資格確認書",
        template_en="Eligibility certificate",
    ),
)
COLUMN_BY_KEY = {c.key: c for c in COLUMNS}
HEADER_KEYS: dict[str, str] = {normalise(h): c.key for c in COLUMNS for h in c.headers}
VALUE_KEYS: dict[str, dict[str, str]] = {
    c.key: {normalise(word): value for word, value in c.values.items()}
    for c in COLUMNS
    if c.values is not None
}
_UNKNOWN = frozenset(normalise(w) for w in UNKNOWN_WORDS)


def column_of(header: str) -> str | None:
    """The column key a header names, or None (an extra column, ignored)."""
    return HEADER_KEYS.get(normalise(header))


def is_blank(cell: str) -> bool:
    """An empty cell, or one that says the clerk does not know (「不明」, 「-」)."""
    n = normalise(cell)
    return not n or n in _UNKNOWN or cell.strip() in UNKNOWN_WORDS


def value_of(key: str, cell: str) -> str | None:
    """The engine's value for an enumerated cell; None when the word is not recognised."""
    return VALUE_KEYS[key].get(normalise(cell))


def accepted_words(key: str) -> tuple[str, ...]:
    """The words a message lists as accepted for a column (the first few of each value)."""
    column = COLUMN_BY_KEY[key]
    assert column.values is not None
    seen: dict[str, list[str]] = {}
    for word, value in column.values.items():
        seen.setdefault(value, []).append(word)
    return tuple(w for words in seen.values() for w in words[:2])
