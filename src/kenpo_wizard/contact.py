"""Whom a member asks, configured once: every result, the CLI and every guide page show it.

The leaflet names the employer's clerk (勤務先の事務担当者) as the way to the association
(R16, domain.md P4). The association's own phone number and hours are not in the leaflet;
they stay ``None`` until the association gives them, and nothing shows an invented number.
"""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import N_
from .leaflet import ASSOCIATION


@dataclass(frozen=True)
class ContactPoint:
    name: str
    website: str | None = None
    phone: str | None = None
    hours: str | None = None


EMPLOYER_CLERK = N_("勤務先（事業所）の事務担当者")
ASSOCIATION_CONTACT = ContactPoint(
    name=ASSOCIATION,
    website="https://igyou-kenpo.jp/",
    phone=None,
    hours=None,
)
FORMS_PAGE = "https://igyou-kenpo.jp/application"  # 各種申請・手続き (domain.md P10)
