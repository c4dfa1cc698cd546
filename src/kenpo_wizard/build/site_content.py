"""HTML generated for the member guide (MkDocs site) from the leaflet's data.

Every date, document, reason, form and route shown by the site's generated blocks is read
from :mod:`kenpo_wizard.leaflet` and formatted with :mod:`kenpo_wizard.wareki`; nothing here
retypes a leaflet fact. The blocks are injected into pages by ``site_hooks`` where a page
holds a placeholder such as ``<!-- kenpo:comparison -->``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import html
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from kenpo_wizard import leaflet as lf
from kenpo_wizard import wareki
from kenpo_wizard.build import answer_blocks

TEMPLATES = Path(__file__).with_name("templates")
BASE_MARK = "@@KENPO_BASE@@"  # replaced by the page's path to the site root

_env = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(["html", "j2"]),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def _render(name: str, **context: object) -> str:
    text = _env.get_template(name).render(**context)
    # Raw HTML must not contain blank lines (Markdown would end the block there).
    return "\n".join(line for line in text.splitlines() if line.strip())


# --------------------------------------------------------------------------- dates
def month_wareki(day: dt.date) -> str:
    era, year = wareki.era_of(day)
    y = "元" if year == 1 else str(year)
    return f"{era.name}{y}年{day.month}月"


def seireki(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _month_end(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


@dataclass(frozen=True)
class DateText:
    """A milestone's date as shown: 和暦, 西暦, and the span it covers (for past/upcoming)."""

    wareki: str
    seireki: str
    start: dt.date
    end: dt.date


def milestone_date(m: lf.Milestone) -> DateText:
    if m.month_only:
        if m.day == _month_end(m.day) and m.day.day != 1:
            # 「令和6年9月末現在」: a single day, the end of the month
            return DateText(
                month_wareki(m.day) + "末", f"{m.day.year}年{m.day.month}月末", m.day, m.day
            )
        planned = "（予定でした）" if m.planned else ""  # P13: the leaflet's plans are past
        return DateText(
            month_wareki(m.day) + planned,
            f"{m.day.year}年{m.day.month}月",
            m.day.replace(day=1),
            _month_end(m.day),
        )
    if m.until is not None:
        return DateText(
            f"{wareki.wareki(m.day)}〜{wareki.wareki(m.until)}",
            f"{seireki(m.day)}〜{seireki(m.until)}",
            m.day,
            m.until,
        )
    return DateText(wareki.with_weekday(m.day), seireki(m.day), m.day, m.day)


# --------------------------------------------------------------------------- lanes
@dataclass(frozen=True)
class Lane:
    key: str
    label: str


LANE_CARD = Lane("card", lf.DOCUMENTS[lf.Document.HEALTH_INSURANCE_CARD].label)
LANE_CERTIFICATE = Lane("certificate", lf.DOCUMENTS[lf.Document.ELIGIBILITY_CERTIFICATE].label)
LANE_NOTICE = Lane("notice", lf.DOCUMENTS[lf.Document.ELIGIBILITY_NOTICE].label)
LANE_MYNA = Lane("myna", lf.DOCUMENTS[lf.Document.MY_NUMBER_INSURANCE_CARD].label)
CHART_LANES: tuple[Lane, ...] = (LANE_CARD, LANE_CERTIFICATE, LANE_NOTICE)

# Which lane(s) of the schedule a milestone belongs to (presentation only).
MILESTONE_LANES: dict[str, tuple[Lane, ...]] = {
    "registration_rate": (LANE_MYNA,),
    "first_notice_roster": (LANE_NOTICE,),
    "first_notice_sent": (LANE_NOTICE,),
    "second_notice_window": (LANE_NOTICE,),
    "abolition": (LANE_CARD, LANE_CERTIFICATE, LANE_NOTICE),
    "second_notice_delivery": (LANE_NOTICE,),
    "ex_officio_delivery": (LANE_CERTIFICATE,),
    "transition_last_day": (LANE_CARD,),
    "transition_over": (LANE_CARD,),
    "certificate_valid_until": (LANE_CERTIFICATE,),
}


def lanes_of(m: lf.Milestone) -> tuple[Lane, ...]:
    return MILESTONE_LANES.get(m.key, (LANE_MYNA,))


@dataclass(frozen=True)
class TimelineItem:
    number: int
    milestone: lf.Milestone
    date: DateText
    lanes: tuple[Lane, ...]
    sections: tuple[str, ...]


def timeline_items() -> list[TimelineItem]:
    ordered = sorted(lf.MILESTONES, key=lambda m: milestone_date(m).start)
    return [
        TimelineItem(
            i,
            m,
            milestone_date(m),
            lanes_of(m),
            tuple(lf.SECTION_TITLES[s] for s in m.sections),
        )
        for i, m in enumerate(ordered, start=1)
    ]


# --------------------------------------------------------------------------- chart (SVG)
CHART_W = 720
CHART_LEFT = 128
CHART_RIGHT = 708
LANE_TOP = 56
LANE_H = 64

# The leaflet's dates crowd 2024–2025 and then jump to 2029; the axis has a break.
SCALE: tuple[tuple[dt.date, dt.date, float, float], ...] = (
    (dt.date(2024, 9, 1), dt.date(2026, 3, 1), 0.0, 0.8),
    (dt.date(2029, 9, 1), dt.date(2030, 3, 1), 0.86, 1.0),
)
TICKS = (
    dt.date(2024, 10, 1),
    dt.date(2025, 1, 1),
    dt.date(2025, 4, 1),
    dt.date(2025, 7, 1),
    dt.date(2025, 10, 1),
    dt.date(2026, 1, 1),
    dt.date(2029, 10, 1),
    dt.date(2030, 1, 1),
)


def x_of(day: dt.date) -> float:
    """Horizontal position of a day on the chart (piecewise linear, clamped)."""
    width = CHART_RIGHT - CHART_LEFT
    first, last = SCALE[0], SCALE[-1]
    if day <= first[0]:
        return CHART_LEFT + first[2] * width
    if day >= last[1]:
        return CHART_LEFT + last[3] * width
    for start, end, f0, f1 in SCALE:
        if start <= day <= end:
            frac = (day - start).days / (end - start).days
            return CHART_LEFT + (f0 + frac * (f1 - f0)) * width
    # inside the break: centre of the gap
    return CHART_LEFT + (SCALE[0][3] + SCALE[1][2]) / 2 * width


def scale_json() -> str:
    return json.dumps(
        {
            "left": CHART_LEFT,
            "right": CHART_RIGHT,
            "segments": [[a.isoformat(), b.isoformat(), f0, f1] for a, b, f0, f1 in SCALE],
        }
    )


@dataclass(frozen=True)
class Bar:
    lane: Lane
    start: dt.date
    end: dt.date
    label: str
    style: str  # "ok", "transition", "stop", "valid"


def chart_bars() -> tuple[Bar, ...]:
    chart_end = SCALE[-1][1]
    return (
        Bar(LANE_CARD, SCALE[0][0], lf.ABOLITION_DAY - dt.timedelta(days=1), "使用可能", "ok"),
        Bar(LANE_CARD, lf.ABOLITION_DAY, lf.TRANSITION_LAST_DAY, "経過措置期間", "transition"),
        Bar(LANE_CARD, lf.TRANSITION_OVER, chart_end, "使用不可", "stop"),
        Bar(
            LANE_CERTIFICATE,
            lf.ABOLITION_DAY,
            lf.CERTIFICATE_VALID_UNTIL,
            f"有効期限 {wareki.wareki_short(lf.CERTIFICATE_VALID_UNTIL)}まで",
            "valid",
        ),
        Bar(LANE_NOTICE, lf.ABOLITION_DAY, chart_end, "新規加入者に対し随時発行", "valid"),
    )


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def chart_svg(items: Iterable[TimelineItem]) -> str:
    width = CHART_RIGHT - CHART_LEFT
    height = LANE_TOP + LANE_H * len(CHART_LANES) + 8
    gap_a = CHART_LEFT + SCALE[0][3] * width
    gap_b = CHART_LEFT + SCALE[1][2] * width
    out: list[str] = [
        f'<svg class="kenpo-chart" viewBox="0 0 {CHART_W} {height}" role="img" '
        'aria-labelledby="kenpo-chart-title" focusable="false" '
        f"data-kenpo-scale='{_e(scale_json())}'>",
        '<title id="kenpo-chart-title">保険証・資格確認書・資格情報のお知らせのスケジュール図'
        "（同じ内容を下の一覧に文章で示しています）</title>",
    ]
    # axis
    out.append('<g class="kenpo-chart__axis" aria-hidden="true">')
    for tick in TICKS:
        x = x_of(tick)
        era, year = wareki.era_of(tick)
        out.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="40" y2="{height - 8}" class="kenpo-chart__grid"/>'
            f'<text x="{x:.1f}" y="18" text-anchor="middle">{era.letter}{year}.{tick.month}</text>'
            f'<text x="{x:.1f}" y="34" text-anchor="middle" class="kenpo-chart__ad">'
            f"{tick.year}/{tick.month}</text>"
        )
    mid = (gap_a + gap_b) / 2
    out.append(
        f'<rect x="{gap_a + 3:.1f}" y="40" width="{gap_b - gap_a - 6:.1f}" '
        f'height="{height - 48}" class="kenpo-chart__gap"/>'
        f'<text x="{mid:.1f}" y="34" text-anchor="middle">…</text>'
    )
    out.append("</g>")
    # lanes and bars
    for row, lane in enumerate(CHART_LANES):
        y = LANE_TOP + row * LANE_H
        out.append(f'<g class="kenpo-chart__lane kenpo-lane--{lane.key}">')
        out.append(
            f'<text x="4" y="{y + 36}" class="kenpo-chart__lane-label">{_e(lane.label)}</text>'
        )
        for bar in chart_bars():
            if bar.lane != lane:
                continue
            x1, x2 = x_of(bar.start), x_of(bar.end)
            out.append(
                f'<rect x="{x1:.1f}" y="{y + 40}" width="{max(x2 - x1, 2):.1f}" height="14" '
                f'rx="3" class="kenpo-chart__bar kenpo-chart__bar--{bar.style}"/>'
                f'<text x="{x1 + 4:.1f}" y="{y + 51}" class="kenpo-chart__bar-label">'
                f"{_e(bar.label)}</text>"
            )
        out.append("</g>")
    # milestone markers, numbered like the list
    for row, lane in enumerate(CHART_LANES):
        y = LANE_TOP + row * LANE_H + 18
        last_cx = -100.0
        for item in items_in_lane(items, lane):
            # markers closer than their width are pushed right, keeping their order
            cx = max(x_of(item.date.start), last_cx + 22)
            last_cx = cx
            cy = y
            out.append(
                f'<g class="kenpo-chart__marker" data-kenpo-marker="{item.milestone.key}" '
                f'data-start="{item.date.start.isoformat()}" '
                f'data-end="{item.date.end.isoformat()}">'
                f'<circle cx="{cx:.1f}" cy="{cy}" r="10"/>'
                f'<text x="{cx:.1f}" y="{cy + 4}" text-anchor="middle">{item.number}</text>'
                "</g>"
            )
    out.append(
        '<g class="kenpo-chart__today" data-kenpo-today-line visibility="hidden">'
        f'<line x1="0" x2="0" y1="40" y2="{height - 4}"/>'
        '<text x="0" y="50" text-anchor="middle">今日</text></g>'
    )
    out.append("</svg>")
    return "".join(out)


def items_in_lane(items: Iterable[TimelineItem], lane: Lane) -> list[TimelineItem]:
    return [i for i in items if lane in i.lanes]


def timeline_html() -> str:
    items = timeline_items()
    return _render(
        "timeline.html.j2",
        items=items,
        svg=chart_svg(items),
        lanes=CHART_LANES,
    )


@dataclass(frozen=True)
class Period:
    start: str
    end: str
    when: str
    text: str


def today_status_html() -> str:
    """What holds in each period the rules tell apart; the browser shows today's (kenpo.js)."""
    w = wareki.wareki
    day_before = lf.ABOLITION_DAY - dt.timedelta(days=1)
    periods = (
        Period(
            "0001-01-01",
            day_before.isoformat(),
            f"{w(day_before)}まで",
            f"お手元の保険証で受診できます。{w(lf.ABOLITION_DAY)}から保険証の新規発行・再発行は終了します。",
        ),
        Period(
            lf.ABOLITION_DAY.isoformat(),
            lf.TRANSITION_LAST_DAY.isoformat(),
            f"{w(lf.ABOLITION_DAY)}〜{w(lf.TRANSITION_LAST_DAY)}",
            "経過措置期間です。保険証の新規発行・再発行は終了しました。お手元の保険証は"
            f"{w(lf.TRANSITION_LAST_DAY)}まで使えます。マイナ保険証の利用登録はお早めに。",
        ),
        Period(
            lf.TRANSITION_OVER.isoformat(),
            lf.CERTIFICATE_VALID_UNTIL.isoformat(),
            f"{w(lf.TRANSITION_OVER)}〜{w(lf.CERTIFICATE_VALID_UNTIL)}",
            f"経過措置は{w(lf.TRANSITION_LAST_DAY)}で終わり、保険証は使えません。"
            "マイナ保険証、またはマイナ保険証をお持ちでない方は資格確認書で受診します。",
        ),
        Period(
            lf.CERTIFICATE_EXPIRED_FROM.isoformat(),
            "9999-12-31",
            f"{w(lf.CERTIFICATE_EXPIRED_FROM)}以降",
            f"資格確認書の有効期限（{w(lf.CERTIFICATE_VALID_UNTIL)}）を過ぎています。"
            "その後の取扱いはリーフレットに記載がありません。当組合へお問い合わせください"
            "（勤務先の事務担当者経由）。",
        ),
    )
    return _render("today_status.html.j2", periods=periods)


def key_dates_html() -> str:
    """The dates that change what a member shows (top page)."""
    keys = (
        "abolition",
        "ex_officio_delivery",
        "transition_last_day",
        "transition_over",
        "certificate_valid_until",
    )
    items = [i for i in timeline_items() if i.milestone.key in keys]
    return _render("key_dates.html.j2", items=items)


# --------------------------------------------------------------------------- documents
COMPARISON_FIELDS: tuple[tuple[str, str], ...] = (
    ("shape", "形状"),
    ("how_obtained", "取得方法"),
    ("purpose", "使用目的"),
    ("how_used", "使用方法"),
    ("validity_and_return", "有効期限・返却等"),
)

PAGE_TITLES: dict[str, str] = {
    "": "トップ",
    "abolition/": "保険証の廃止と経過措置",
    "registration/": "マイナ保険証の利用登録",
    "certificate/": "資格確認書",
    "notice/": "資格情報のお知らせ",
    "comparison/": "比較表",
    "schedule/": "スケジュール",
    "employers/": "事業所ご担当者の方へ",
    "call-center/": "コールセンター向け",
    "glossary/": "用語集",
    "wizard/": "質問に答えて確認する",
}

DOCUMENT_PAGES: dict[lf.Document, str] = {
    lf.Document.MY_NUMBER_INSURANCE_CARD: "registration/",
    lf.Document.ELIGIBILITY_CERTIFICATE: "certificate/",
    lf.Document.ELIGIBILITY_NOTICE: "notice/",
}


def _cell(row: lf.ComparisonRow, field: str) -> tuple[str, ...]:
    value: str | tuple[str, ...] = getattr(row, field)
    return (value,) if isinstance(value, str) else value


@dataclass(frozen=True)
class ComparisonView:
    key: str
    name: str
    detail: str
    page: str
    cells: tuple[tuple[str, tuple[str, ...]], ...]


def comparison_views() -> list[ComparisonView]:
    return [
        ComparisonView(
            row.document.value,
            lf.DOCUMENTS[row.document].label,
            lf.DOCUMENTS[row.document].detail,
            DOCUMENT_PAGES[row.document],
            tuple((label, _cell(row, field)) for field, label in COMPARISON_FIELDS),
        )
        for row in lf.COMPARISON
    ]


def comparison_html(base: str = BASE_MARK) -> str:
    return _render(
        "comparison.html.j2",
        views=comparison_views(),
        fields=[label for _, label in COMPARISON_FIELDS],
        title=lf.SECTION_TITLES[lf.Section.TABLE],
        base=base,
    )


def documents_html(base: str = BASE_MARK) -> str:
    """The three documents in one glance (top page)."""
    return _render("documents.html.j2", views=comparison_views(), base=base)


# --------------------------------------------------------------------------- lists
def reasons_html(kind: str) -> str:
    reasons = [r for r in lf.REASONS.values() if r.kind == kind]
    return _render("reasons.html.j2", reasons=reasons, kind=kind, title=lf.REASON_KIND_LABELS[kind])


def routes_html() -> str:
    return _render("routes.html.j2", routes=list(lf.ROUTES.values()))


def forms_html() -> str:
    return _render("forms.html.j2", forms=list(lf.FORMS.values()))


def registration_rate_html() -> str:
    m = lf.MILESTONE_BY_KEY["registration_rate"]
    return _render(
        "rate.html.j2",
        percent=lf.REGISTRATION_RATE_PERCENT,
        date=milestone_date(m),
        iso=m.day.isoformat(),
    )


# --------------------------------------------------------------------------- glossary
@dataclass(frozen=True)
class GlossaryEntry:
    term: str
    reading: str
    definition: str
    page: str  # where the leaflet's rule lives (site-relative URL)
    aliases: tuple[str, ...] = ()
    note: str = ""  # a 「参考」 note (with its source), never a rule


def _doc(d: lf.Document) -> str:
    return lf.DOCUMENTS[d].label


GLOSSARY: tuple[GlossaryEntry, ...] = (
    GlossaryEntry(
        _doc(lf.Document.HEALTH_INSURANCE_CARD),
        "ほけんしょう",
        "これまでの健康保険証。令和6年12月2日以降は新規発行・再発行ともに終了し、"
        f"お手元の保険証は経過措置により{wareki.wareki(lf.TRANSITION_LAST_DAY)}まで使えます。",
        "abolition/",
        aliases=("健康保険証",),
    ),
    GlossaryEntry(
        _doc(lf.Document.MY_NUMBER_INSURANCE_CARD),
        "まいなほけんしょう",
        lf.DOCUMENTS[lf.Document.MY_NUMBER_INSURANCE_CARD].detail
        + "。保険証廃止後の受診の基本です。",
        "registration/",
    ),
    GlossaryEntry(
        "マイナンバーカード",
        "まいなんばーかーど",
        "保険証利用登録をするとマイナ保険証として使えるカード。"
        f"比較表では有効期限（{lf.MY_NUMBER_CARD_YEARS}年）と記載されています。",
        "registration/",
    ),
    GlossaryEntry(
        "保険証利用登録",
        "ほけんしょうりようとうろく",
        "マイナンバーカードを健康保険証として利用するために必要な手続き。"
        "マイナポータル、医療機関窓口のカードリーダー、セブン銀行のＡＴＭ、市区町村の窓口でできます。",
        "registration/",
        aliases=("利用登録",),
    ),
    GlossaryEntry(
        "電子証明書",
        "でんししょうめいしょ",
        "マイナンバーカードの機能の一つで、カードとは別に有効期限があります。比較表では有効期限（"
        f"{lf.CERTIFICATE_OF_CARD_YEARS}年）と記載され、有効期限が切れた方は資格確認書の職権交付事由④にあたります。",
        "registration/",
    ),
    GlossaryEntry(
        _doc(lf.Document.ELIGIBILITY_CERTIFICATE),
        "しかくかくにんしょ",
        lf.DOCUMENTS[lf.Document.ELIGIBILITY_CERTIFICATE].detail
        + f"。交付事由に該当する方に交付され、有効期限は{wareki.wareki(lf.CERTIFICATE_VALID_UNTIL)}まで"
        "（一部、短期有効期限の発行者あり）です。",
        "certificate/",
    ),
    GlossaryEntry(
        _doc(lf.Document.ELIGIBILITY_NOTICE),
        "しかくじょうほうのおしらせ",
        "マイナ保険証をお持ちの方に交付される"
        + lf.DOCUMENTS[lf.Document.ELIGIBILITY_NOTICE].detail
        + "。マイナ保険証が利用できない時にマイナ保険証と併せて提示します。これのみでは受診できません。",
        "notice/",
    ),
    GlossaryEntry(
        "マイナポータル",
        "まいなぽーたる",
        "保険証利用登録ができるところの一つ（①）。マイナポータルの「医療保険の資格情報画面」は、"
        "資格情報のお知らせの代わりに使えます。",
        "registration/",
    ),
    GlossaryEntry(
        "経過措置",
        "けいかそち",
        "令和6年12月2日以降も、お手元の保険証を"
        f"{wareki.wareki(lf.TRANSITION_LAST_DAY)}まで保険証として使える措置。",
        "abolition/",
    ),
    GlossaryEntry(
        "資格喪失",
        "しかくそうしつ",
        "当組合の加入者でなくなること（退職、被扶養者の扶養終了など）。"
        "資格喪失した場合の返却のルールは書類ごとに異なります。",
        "abolition/",
    ),
    GlossaryEntry(
        "被扶養者",
        "ひふようしゃ",
        "ご家族として当組合に加入している方。加入時は被扶養者異動届で届け出ます。"
        "扶養から外れること（扶養終了）は資格喪失にあたります。",
        "employers/",
    ),
    GlossaryEntry(
        "高齢受給者",
        "こうれいじゅきゅうしゃ",
        "70から74歳までの加入者。資格確認書には負担割合が表示されます（高齢受給者証の発行は行いません）。",
        "certificate/",
    ),
    GlossaryEntry(
        "負担割合",
        "ふたんわりあい",
        "医療機関等の窓口で支払う割合。70歳以上で変更になった時などに資格情報のお知らせが交付されます。",
        "notice/",
    ),
    GlossaryEntry(
        "申請交付",
        "しんせいこうふ",
        "申請交付事由（マイナンバーカードの紛失・更新中、第三者による資格確認の補助）に該当する方が、"
        "申請により資格確認書の交付を受けること。",
        "certificate/",
        aliases=("申請交付事由",),
    ),
    GlossaryEntry(
        "職権交付",
        "しょっけんこうふ",
        "申請がなくても、職権交付事由（マイナンバーカード未取得、保険証利用登録なし など）に"
        "該当する方へ当組合が資格確認書を交付すること。",
        "certificate/",
        aliases=("職権交付事由",),
    ),
    GlossaryEntry(
        "要配慮者",
        "ようはいりょしゃ",
        "マイナ保険証での受診が困難な高齢者や障害者。",
        "certificate/",
    ),
    GlossaryEntry(
        "登録解除者",
        "とうろくかいじょしゃ",
        "マイナ保険証の利用登録解除を申請した方。資格確認書の職権交付事由③にあたります。",
        "certificate/",
    ),
    GlossaryEntry(
        "オンライン資格確認",
        "おんらいんしかくかくにん",
        "医療機関等がマイナ保険証で加入資格を確認すること。資格情報のお知らせが届いた時点で利用できます"
        "（届く前でも、マイナポータルで当組合の資格情報が確認できれば受けられます）。",
        "notice/",
    ),
    GlossaryEntry(
        "記号・番号",
        "きごう・ばんごう",
        "各種給付金等の申請やお問い合わせの際に必要となる番号。資格情報のお知らせで確認できます。",
        "notice/",
    ),
    GlossaryEntry(
        "再交付",
        "さいこうふ",
        "紛失・棄損などで書類をもう一度交付すること。資格情報のお知らせは"
        "「資格情報のお知らせ 再交付申請書」で申請します（氏名変更時の再発行は行いません）。",
        "notice/",
    ),
    GlossaryEntry(
        "事業所",
        "じぎょうしょ",
        "加入者の勤務先。資格確認書や資格情報のお知らせは事業所経由で配付されることがあります。",
        "employers/",
        aliases=("勤務先",),
    ),
)


def glossary_html(base: str = BASE_MARK) -> str:
    entries = sorted(GLOSSARY, key=lambda g: g.reading)
    return _render("glossary.html.j2", entries=entries, base=base, pages=PAGE_TITLES)


# --------------------------------------------------------------------------- abbreviations
_SKIP_TAGS = frozenset(
    {
        "a",
        "abbr",
        "code",
        "pre",
        "script",
        "style",
        "svg",
        "title",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "button",
        "summary",
        "time",
        "th",
        "dt",
        "label",
    }
)
_TAG = re.compile(r"(<[^>]+>)")
_TAG_NAME = re.compile(r"</?\s*([a-zA-Z0-9]+)")


def _abbr_map() -> dict[str, GlossaryEntry]:
    terms: dict[str, GlossaryEntry] = {}
    for entry in GLOSSARY:
        for term in (entry.term, *entry.aliases):
            terms[term] = entry
    return terms


def abbreviate(page_html: str) -> str:
    """Wrap each glossary term's first occurrence in a page's text in ``<abbr title>``.

    Headings, links, code, SVG, table headers and existing ``abbr`` are left alone. Longer
    terms win (マイナ保険証 before 保険証). ``tabindex`` lets a tap or Tab show the tooltip.
    """
    terms = _abbr_map()
    pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)))
    done: set[str] = set()
    stack: list[str] = []
    out: list[str] = []
    for part in _TAG.split(page_html):
        if part.startswith("<"):
            m = _TAG_NAME.match(part)
            if m and not part.startswith("<!"):
                name = m.group(1).lower()
                if part.startswith("</"):
                    if name in stack:
                        while stack and stack.pop() != name:
                            pass
                elif not part.endswith("/>") and (name in _SKIP_TAGS or "data-noabbr" in part):
                    stack.append(name)
            out.append(part)
            continue
        if stack or not part.strip():
            out.append(part)
            continue

        def wrap(match: re.Match[str]) -> str:
            term = match.group(0)
            entry = terms[term]
            if entry.term in done:
                return term
            done.add(entry.term)
            return (
                f'<abbr class="kenpo-abbr" tabindex="0" title="{_e(entry.definition)}">'
                f"{term}</abbr>"
            )

        out.append(pattern.sub(wrap, part))
    return "".join(out)


# --------------------------------------------------------------------------- placeholders
def _result_codes_html() -> str:
    """The call-center code table, in the page itself so that search finds each code."""
    from kenpo_wizard.build import wizard_site  # the wizard's build step owns the codes

    rows = wizard_site.code_table_rows((*wizard_site.CODE_DAYS, wizard_site.build_day()))
    return wizard_site.result_codes_html(rows)


BLOCKS: dict[str, Callable[[], str]] = {
    "comparison": comparison_html,
    "timeline": timeline_html,
    "key-dates": key_dates_html,
    "today-status": today_status_html,
    "documents": documents_html,
    "reasons-application": lambda: reasons_html("application"),
    "reasons-ex-officio": lambda: reasons_html("ex_officio"),
    "routes": routes_html,
    "forms": forms_html,
    "registration-rate": registration_rate_html,
    "glossary": glossary_html,
    "result-codes": lambda: _result_codes_html(),
    **answer_blocks.BLOCKS,
}
PLACEHOLDER = re.compile(r"<!--\s*kenpo:([a-z-]+)\s*-->")


def fill_placeholders(page_html: str, base: str) -> str:
    """Replace ``<!-- kenpo:NAME -->`` with its block; unknown names are left for others."""

    def sub(match: re.Match[str]) -> str:
        name = match.group(1)
        block = BLOCKS.get(name)
        if block is None:
            return match.group(0)
        return block().replace(BASE_MARK, base)

    return PLACEHOLDER.sub(sub, page_html)
