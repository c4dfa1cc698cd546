"""Tables and lists of the leaflet's data: the comparison table, the three documents, reasons,
registration routes, forms and the registration rate. Nothing here retypes a leaflet fact.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from kenpo_wizard import leaflet as lf
from kenpo_wizard.web.pages import DOCUMENT_PAGES

from ..i18n import E_, N_, _
from ..render import BASE_MARK, render
from .timeline import milestone_date

COMPARISON_FIELDS: tuple[tuple[str, str], ...] = (
    # i18n: the leaflet's comparison table: its column headings
    ("shape", N_("形状")),
    ("how_obtained", N_("取得方法")),
    ("purpose", N_("使用目的")),
    ("how_used", N_("使用方法")),
    ("validity_and_return", N_("有効期限・返却等")),
)


def _cell(row: lf.ComparisonRow, field: str) -> tuple[str, ...]:
    value: str | tuple[str, ...] = getattr(row, field)
    return tuple(E_(v) for v in ((value,) if isinstance(value, str) else value))


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
            E_(lf.DOCUMENTS[row.document].label),
            E_(lf.DOCUMENTS[row.document].detail),
            DOCUMENT_PAGES[row.document],
            tuple((_(label), _cell(row, field)) for field, label in COMPARISON_FIELDS),
        )
        for row in lf.COMPARISON
    ]


def comparison_html(base: str = BASE_MARK) -> str:
    return render(
        "comparison.html.j2",
        views=comparison_views(),
        fields=[_(label) for _field, label in COMPARISON_FIELDS],
        title=E_(lf.SECTION_TITLES[lf.Section.TABLE]),
        base=base,
    )


def documents_html(base: str = BASE_MARK) -> str:
    """The three documents in one glance (top page)."""
    return render("documents.html.j2", views=comparison_views(), base=base)


# --------------------------------------------------------------------------- lists
def reasons_html(kind: str) -> str:
    reasons = [replace(r, label=E_(r.label)) for r in lf.REASONS.values() if r.kind == kind]
    return render(
        "reasons.html.j2", reasons=reasons, kind=kind, title=E_(lf.REASON_KIND_LABELS[kind])
    )


def routes_html() -> str:
    return render(
        "routes.html.j2", routes=[replace(r, label=E_(r.label)) for r in lf.ROUTES.values()]
    )


def forms_html() -> str:
    forms = [replace(f, label=E_(f.label), detail=E_(f.detail)) for f in lf.FORMS.values()]
    return render("forms.html.j2", forms=forms)


def registration_rate_html() -> str:
    m = lf.MILESTONE_BY_KEY["registration_rate"]
    return render(
        "rate.html.j2",
        percent=lf.REGISTRATION_RATE_PERCENT,
        date=milestone_date(m),
        iso=m.day.isoformat(),
    )
