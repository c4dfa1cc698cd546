"""The one map of the guide's pages: their URLs, titles, and which leaflet section and
document each page explains. The wizard links to them; the site's blocks and tests read it.
"""

from __future__ import annotations

from ..i18n import N_
from ..leaflet import Document

# Directory URLs relative to the site root, with the titles of the site's navigation (shown
# through the catalog).
PAGE_TITLES: dict[str, str] = {
    "": N_("トップ"),
    "abolition/": N_("保険証の廃止と経過措置"),
    "registration/": N_("マイナ保険証の利用登録"),
    "certificate/": N_("資格確認書"),
    "notice/": N_("資格情報のお知らせ"),
    "comparison/": N_("比較表"),
    "schedule/": N_("スケジュール"),
    "employers/": N_("事業所ご担当者の方へ"),
    "employers-checklist/": N_("新しく加入する方のチェックリスト（印刷用）"),
    "employers-leaver-checklist/": N_("資格を失う方のチェックリスト（印刷用）"),
    "employers/roster/": N_("名簿で手続きを確認（事業所用）"),
    "call-center/": N_("コールセンター向け"),
    "call-center-agent/": N_("1画面で確認（コールセンター用）"),
    "glossary/": N_("用語集"),
    "wizard/": N_("質問に答えて確認する"),
    # developers/ is linked from the footer, not the navigation (members do not need it)
}

# The page behind each leaflet section (spec/domain.md section keys).
SECTION_PAGES: dict[str, str] = {
    "intro": "",
    "1-1": "abolition/",
    "1-2": "registration/",
    "2-1": "certificate/",
    "2-2": "notice/",
    "table": "comparison/",
    "schedule": "schedule/",
    "back": "registration/",
}

DOCUMENT_PAGES: dict[Document, str] = {
    Document.MY_NUMBER_INSURANCE_CARD: "registration/",
    Document.ELIGIBILITY_CERTIFICATE: "certificate/",
    Document.ELIGIBILITY_NOTICE: "notice/",
}
