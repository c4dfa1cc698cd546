"""Every built wizard page shows text, not gettext's catalog header or a Python repr."""

from __future__ import annotations

from pathlib import Path

LEAKS = ("Project-Id-Version", "Content-Transfer-Encoding", "Traceback (most recent", "<Document.")


def test_no_catalog_header_or_python_text_in_any_wizard_page(site: Path) -> None:
    pages = [site / "wizard" / "index.html", *(site / "wizard").glob("s/*.html")]
    assert len(pages) > 100
    leaking = [
        (str(p.relative_to(site)), leak)
        for p in pages
        for leak in LEAKS
        if leak in p.read_text(encoding="utf-8")
    ]
    assert leaking == [], leaking[:5]
