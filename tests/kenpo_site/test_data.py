"""The site's data files and maps: the glossary holds words, never a typed fact; one page map."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from kenpo_site.blocks import glossary
from kenpo_wizard import leaflet as lf
from kenpo_wizard.wareki import wareki
from kenpo_wizard.web.pages import PAGE_TITLES, SECTION_PAGES

ROOT = Path(__file__).resolve().parents[2]
TYPED_DATE = re.compile(r"(令和|平成)\d+年|20\d\d年|\d+月\d+日")


def test_the_glossary_file_types_no_date() -> None:
    text = glossary.DATA.read_text(encoding="utf-8")
    assert TYPED_DATE.findall(text) == []


def test_every_glossary_fact_is_filled_from_the_engine() -> None:
    entries = glossary.entries()
    assert len(entries) >= 20
    for e in entries:
        assert "{" not in e.term + e.definition + e.note, e.term
        assert e.page in PAGE_TITLES, e.page
    by_term = {e.term: e for e in entries}
    card = by_term[lf.DOCUMENTS[lf.Document.HEALTH_INSURANCE_CARD].label]
    assert wareki(lf.TRANSITION_LAST_DAY) in card.definition
    assert wareki(lf.ABOLITION_DAY) in card.definition


def test_an_unknown_fact_stops_the_build(tmp_path: Path) -> None:
    bad = tmp_path / "glossary.toml"
    bad.write_text('[[entry]]\nterm = "x"\nreading = "x"\ndefinition = "{nope}"\npage = ""\n')
    glossary.entries.cache_clear()
    original = glossary.DATA
    try:
        glossary.DATA = bad
        try:
            glossary.entries()
        except KeyError as err:
            assert "nope" in str(err)
        else:
            raise AssertionError("a missing fact must fail")
    finally:
        glossary.DATA = original
        glossary.entries.cache_clear()


def _nav() -> dict[str, str]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Lenient)
    out: dict[str, str] = {}
    for item in config["nav"]:
        ((title, path),) = item.items()
        url = "" if path == "index.md" else path.removesuffix("index.md").removesuffix(".md")
        out[url if url.endswith("/") or not url else url + "/"] = title
    return out


class _Lenient(yaml.SafeLoader):
    """mkdocs.yml names a Python function (!!python/object/apply); it is not run here."""


_Lenient.add_multi_constructor("tag:yaml.org,2002:python/", lambda *_args: None)


def test_one_map_of_pages_agrees_with_the_navigation() -> None:
    assert _nav() == PAGE_TITLES
    assert set(SECTION_PAGES.values()) <= set(PAGE_TITLES)
