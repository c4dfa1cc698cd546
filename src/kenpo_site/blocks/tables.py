"""Tables and lists of the leaflet's data: the comparison table, the three documents, reasons,
registration routes, forms and the registration rate. Nothing here retypes a leaflet fact.
"""

from __future__ import annotations

from dataclasses import dataclass

from kenpo_wizard import leaflet as lf
from kenpo_wizard.web.pages import DOCUMENT_PAGES

from ..render import BASE_MARK, render
from .timeline import milestone_date

COMPARISON_FIELDS: tuple[tuple[str, str], ...] = (
    ("shape", "形状"),
    ("how_obtained", "取得方法"),
    ("purpose", "使用目的"),
    ("how_used", "使用方法"),
    ("validity_and_return", "有効期限・返却等"),
)


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
    return render(
        "comparison.html.j2",
        views=comparison_views(),
        fields=[label for _, label in COMPARISON_FIELDS],
        title=lf.SECTION_TITLES[lf.Section.TABLE],
        base=base,
    )


def documents_html(base: str = BASE_MARK) -> str:
    """The three documents in one glance (top page)."""
    return render("documents.html.j2", views=comparison_views(), base=base)


# --------------------------------------------------------------------------- lists
def reasons_html(kind: str) -> str:
    reasons = [r for r in lf.REASONS.values() if r.kind == kind]
    return render("reasons.html.j2", reasons=reasons, kind=kind, title=lf.REASON_KIND_LABELS[kind])


def routes_html() -> str:
    return render("routes.html.j2", routes=list(lf.ROUTES.values()))


def forms_html() -> str:
    return render("forms.html.j2", forms=list(lf.FORMS.values()))


def registration_rate_html() -> str:
    m = lf.MILESTONE_BY_KEY["registration_rate"]
    return render(
        "rate.html.j2",
        percent=lf.REGISTRATION_RATE_PERCENT,
        date=milestone_date(m),
        iso=m.day.isoformat(),
    )
