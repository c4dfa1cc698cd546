"""Every rule (R1–R34) and product decision (P1–P14) of ``spec/domain.md``, declared once.

A rule carries the leaflet sections it restates; ``assess`` records rules by id and takes
the answer's ``sources`` from here. A decision carries the rules and decisions it cites and,
where it brings a fact from outside the leaflet (P8, P10), the public sources and the dates
of that fact. ``tests/engine/test_registry.py`` holds this table, the ids the code uses and
``spec/domain.md`` against each other, both ways.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .i18n import N_
from .leaflet import Section

S = Section


@dataclass(frozen=True)
class OutsideSource:
    """A public source outside the leaflet (P8, P10): always shown as 「参考」 with it."""

    key: str
    title: str
    url: str | None = None
    published: dt.date | None = None


@dataclass(frozen=True)
class Rule:
    id: str
    summary: str
    sections: tuple[Section, ...] = ()  # R rules: the leaflet sections they restate
    cites: tuple[str, ...] = ()  # P decisions: the rules and decisions they read together
    sources: tuple[str, ...] = ()  # keys of OUTSIDE_SOURCES behind a 参考
    shown_only: bool = False  # a fact the guide shows; no answer depends on it


OUTSIDE_SOURCES: dict[str, OutsideSource] = {
    s.key: s
    for s in (
        OutsideSource(
            "association_website",
            N_("当組合ウェブサイト（各種申請・手続き）"),
            "https://igyou-kenpo.jp/application",
        ),
        OutsideSource(
            "mhlw_notices_2025",
            N_("厚生労働省 事務連絡（令和7年6月27日・令和7年11月12日）"),
            None,
            dt.date(2025, 11, 12),
        ),
        OutsideSource(
            "minister_press_2026_03_19",
            N_("厚生労働大臣 記者会見（令和8年3月19日）の報道（KAB 熊本朝日放送 ほか）"),
            "https://www.kab.co.jp/news/article/16433268",
            dt.date(2026, 3, 19),
        ),
        OutsideSource(
            "mhlw_certificate_grace",
            N_(
                "厚生労働省（電子証明書の有効期限が切れたマイナ保険証）／協会けんぽ（令和7年7月16日）"
            ),
            "https://www.mhlw.go.jp/stf/newpage_50657.html",
            dt.date(2025, 7, 16),
        ),
        OutsideSource(
            "mhlw_registration",
            N_("厚生労働省「マイナンバーカードの保険証利用について」"),
            "https://www.mhlw.go.jp/stf/newpage_08277.html",
        ),
        OutsideSource(
            "jlis_card_suspension",
            N_("地方公共団体情報システム機構（J-LIS）個人番号カード総合サイト"),
            "https://www.kojinbango-card.go.jp/",
        ),
        OutsideSource(
            "later_elderly",
            N_("厚生労働省（後期高齢者医療制度）"),
        ),
    )
}


@dataclass(frozen=True)
class DatedMeasure:
    """A dated fact from outside the leaflet (P8): shown as current only inside its dates."""

    key: str
    rule: str
    start: dt.date
    first_end: dt.date  # as first announced
    end: dt.date  # as extended; from the day after, history only
    sources: tuple[str, ...]


# P8: institutions could accept an expired 保険証, or the お知らせ alone, after an online check.
TEMPORARY_MEASURE = DatedMeasure(
    "temporary_measure",
    "P8",
    dt.date(2025, 12, 2),
    dt.date(2026, 3, 31),
    dt.date(2026, 7, 31),
    ("mhlw_notices_2025", "minister_press_2026_03_19"),
)

# P8: a マイナ保険証 whose 電子証明書 expired works until the end of the 3rd month after.
CERTIFICATE_GRACE_MONTHS = 3


def _r(
    rid: str,
    summary: str,
    *sections: Section,
    shown_only: bool = False,
    sources: tuple[str, ...] = (),
) -> Rule:
    return Rule(rid, summary, sections=sections, shown_only=shown_only, sources=sources)


def _p(pid: str, summary: str, *cites: str, sources: tuple[str, ...] = ()) -> Rule:
    return Rule(pid, summary, cites=cites, sources=sources)


RULES: dict[str, Rule] = {
    r.id: r
    for r in (
        _r("R1", "no 保険証 issued from 2024-12-02", S.INTRO, S.ABOLITION),
        _r("R2", "a 保険証 in hand works until 2025-12-01", S.ABOLITION),
        _r("R3", "from 2025-12-02 the 保険証 cannot be used", S.ABOLITION, S.SCHEDULE),
        _r("R4", "資格喪失 on or before 2025-12-01: return the 保険証", S.ABOLITION),
        _r("R5", "after the 経過措置 no return is needed", S.ABOLITION),
        _r("R6", "register early, within the 経過措置", S.INTRO),
        _r("R7", "マイナ保険証 becomes the basis", S.INTRO),
        _r("R8", "保険証利用登録 is required", S.SWITCH),
        _r("R9", "four registration routes", S.SWITCH, sources=("mhlw_registration",)),
        _r("R10", "read by the card reader; card 10 y, 電子証明書 5 y", S.TABLE),
        _r("R11", "wrong-link prevention", S.BACK, shown_only=True),
        _r("R12", "65.8 % registered as of 2024-09-30", S.BACK, shown_only=True),
        _r("R13", "資格確認書 for those with a reason", S.CERTIFICATE),
        _r("R14", "申請交付事由 ①②", S.CERTIFICATE),
        _r("R15", "職権交付事由 ①–⑤", S.CERTIFICATE),
        _r("R16", "new members mark 「発行が必要」", S.CERTIFICATE),
        _r("R17", "no 資格確認書 for other reasons", S.CERTIFICATE),
        _r("R18", "write the reason and submit the 交付申請書", S.CERTIFICATE),
        _r("R19", "70–74: 負担割合 printed, no 高齢受給者証", S.CERTIFICATE),
        _r("R20", "valid until 2029-12-01, some shorter", S.CERTIFICATE, S.TABLE),
        _r("R21", "資格喪失 within the validity: return the 資格確認書", S.CERTIFICATE),
        _r("R22", "after the validity, no return", S.CERTIFICATE),
        _r("R23", "shown by those without マイナ保険証", S.TABLE),
        _r("R24", "new cards from 2024-12-02 to ① and ②", S.SCHEDULE),
        _r("R25", "保険証 holders ①②: ex officio via the 事業所, 2025-11", S.SCHEDULE),
        _r("R26", "お知らせ on joining and on a 負担割合 change", S.NOTICE),
        _r("R27", "お知らせ not reissued on a change of name", S.NOTICE, shown_only=True),
        _r("R28", "reader unusable: マイナ保険証 with the お知らせ", S.NOTICE, S.TABLE),
        _r("R29", "the お知らせ tells the 記号・番号", S.NOTICE, shown_only=True),
        _r("R30", "online checks work once the お知らせ arrives", S.NOTICE),
        _r("R31", "lost お知らせ: reissue form, unless マイナポータル shows it", S.NOTICE),
        _r("R32", "the お知らせ is never returned", S.NOTICE, S.TABLE),
        _r("R33", "registered 2024-10-06 – 12-01: お知らせ in 2024-12", S.NOTICE, S.SCHEDULE),
        _r("R34", "members of 2024-10-05: お知らせ sent 2024-10-28", S.SCHEDULE, S.TABLE),
        _p("P1", "資格喪失日 decides the returns", "R4", "R21", "R5", "P10"),
        _p("P2", "申請 vs 職権", "R16", "R18", "R23", "R25", "P12"),
        _p("P3", "latest validity; shorter for some reasons", "R20", "P10"),
        _p("P4", "cases the leaflet does not settle: ask the association"),
        _p(
            "P5",
            "75 and over: outside this association",
            "R19",
            "R21",
            "R4",
            "P10",
            sources=("later_elderly",),
        ),
        _p("P6", "dependants assessed as persons of their own"),
        _p("P7", "a third party accompanying a child"),
        _p(
            "P8",
            "outside facts only as labelled 参考",
            sources=(
                "mhlw_notices_2025",
                "minister_press_2026_03_19",
                "mhlw_certificate_grace",
                "jlis_card_suspension",
            ),
        ),
        _p("P9", "every answer is for a given day"),
        _p(
            "P10",
            "the association's website as the best outside source",
            "R17",
            sources=("association_website",),
        ),
        _p("P11", "職権 reasons that arise later", "R25", "R15", "P12"),
        _p("P12", "waiting for a 資格確認書", "P2", "R26", "R30", "R33", "R34"),
        _p("P13", "today first", "R6", "R12", "R25", "R33", "R34", "P8", "P4", "R7"),
        _p("P14", "policy lives in one place"),
        _p("P15", "only dates the member gave", "P9", "P1", "P3", "P13"),
        _p("P16", "plain first", "P8", "P13"),
    )
}


def sections_of(rule_id: str) -> tuple[Section, ...]:
    return RULES[rule_id].sections
