"""The one map of the guide's pages: their URLs, titles, and which leaflet section and
document each page explains. The wizard links to them; the site's blocks and tests read it.
"""

from __future__ import annotations

from ..leaflet import Document

# Directory URLs relative to the site root, with the titles of the site's navigation.
PAGE_TITLES: dict[str, str] = {
    "": "トップ",
    "abolition/": "保険証の廃止と経過措置",
    "registration/": "マイナ保険証の利用登録",
    "certificate/": "資格確認書",
    "notice/": "資格情報のお知らせ",
    "comparison/": "比較表",
    "schedule/": "スケジュール",
    "employers/": "事業所ご担当者の方へ",
    "employers-checklist/": "新しく加入する方のチェックリスト（印刷用）",
    "call-center/": "コールセンター向け",
    "call-center-agent/": "1画面で確認（コールセンター用）",
    "glossary/": "用語集",
    "wizard/": "質問に答えて確認する",
    "developers/": "開発者向け",
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
