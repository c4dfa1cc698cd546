"""The built search index reads as sentences (issue 20): no drawing's labels (a snippet
showed 「R6.102024/10R7.1…」), no table row run into one word, and every section a member
query lands on (search_queries*.toml) is a section of the index."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(scope="module")
def index(site_dir: Path) -> dict[str, Any]:
    return dict(json.loads((site_dir / "search" / "search_index.json").read_text("utf-8")))


def _plain(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _svg_texts(html: str) -> list[str]:
    return [
        t
        for svg in re.findall(r"<svg\b.*?</svg>", html, re.S)
        for t in re.findall(r"<text[^>]*>([^<]+)</text>", svg)
    ]


@pytest.mark.parametrize("page", ["schedule/", "en/schedule/", "call-center/"])
def test_no_drawing_label_is_in_the_index(site_dir: Path, index: dict[str, Any], page: str) -> None:
    html = (site_dir / page / "index.html").read_text(encoding="utf-8")
    labels = _svg_texts(html)
    assert len(labels) > 5  # the page has its drawing
    texts = [d["text"] for d in index["docs"] if d["location"].split("#")[0] == page]
    runs = ["".join(labels[i : i + 2]) for i in range(len(labels) - 1)]  # R6.102024/10
    found = [r for r in runs if len(r) > 4 and any(r in t for t in texts)]
    assert found == [], found[:5]
    assert not any("R6.102024/10" in d["text"] for d in index["docs"])


def test_table_cells_are_apart_in_the_index(index: dict[str, Any]) -> None:
    comparison = next(d for d in index["docs"] if d["location"] == "comparison/")
    text = _plain(comparison["text"])
    assert "形状 マイナンバーカード プラスチックカード" in text, text[:300]
    english = next(d for d in index["docs"] if d["location"] == "en/comparison/")
    assert "Format My Number Card (マイナンバーカード) Plastic card" in _plain(english["text"])


def test_timeline_numbers_stay_out_of_the_dates(index: dict[str, Any]) -> None:
    timeline = next(d for d in index["docs"] if d["location"] == "schedule/#kenpo-timeline-list")
    text = _plain(timeline["text"])
    assert "令和6年9月末" in text
    assert not re.search(r"\d令和", text), text[:200]


@pytest.mark.parametrize("name", ["search_queries.toml", "search_queries_en.toml"])
def test_every_expected_section_is_in_the_index(index: dict[str, Any], name: str) -> None:
    rows = tomllib.loads(Path(__file__).with_name(name).read_text("utf-8"))["query"]
    locations = {d["location"] for d in index["docs"]}
    pages = {loc.split("#")[0] for loc in locations}
    missing = [
        r["expect"]
        for r in rows
        if "{" not in r["expect"]
        and (r["expect"] not in locations if "#" in r["expect"] else r["expect"] not in pages)
    ]
    assert missing == []
