"""The search vocabulary (kenpo_site/search_terms.toml) and the code rows added to the index."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from pathlib import Path

import pytest

from kenpo_site.blocks.result_codes import code_rows
from kenpo_site.codes import all_codes
from kenpo_site.search_terms import augment_index, code_docs, vocabulary

DAY = dt.date(2026, 12, 2)  # a build day

QUERIES = Path(__file__).parents[1] / "site" / "search_queries.toml"


def test_vocabulary_shapes() -> None:
    v = vocabulary()
    assert all(isinstance(k, str) and v["synonyms"][k] for k in v["synonyms"])
    assert all(isinstance(x, str) and x for alts in v["synonyms"].values() for x in alts)
    assert v["endings"] == sorted(v["endings"], key=len, reverse=True)
    assert set(v["staff"]) == {"pages", "words", "answers"}
    pages = {loc.split("#")[0] for loc in v["answers"].values()}
    assert pages <= {"comparison/", "certificate/", "notice/", "registration/", "abolition/"}
    # a clerk's answers are on the clerks' pages (a member's never are)
    assert {loc.split("#")[0] for loc in v["staff"]["answers"].values()} <= set(v["staff"]["pages"])
    # several words as one query word: lower case, single spaces (as the worker finds them)
    phrases = [k for k in v["synonyms"] if " " in k]
    assert phrases and all(k == " ".join(k.lower().split()) for k in phrases)


def test_the_issue_examples_are_in_the_table() -> None:
    syn = vocabulary()["synonyms"]
    assert "紛失" in syn["なくした"]
    assert {"使用できな", "利用できな"} <= set(syn["使えない"])
    assert {"70から74歳", "高齢受給者"} <= set(syn["70歳"])
    assert "資格喪失" in syn["退職"]
    assert "方法" in syn["やり方"]
    assert "新規加入" in syn["入社"]


@pytest.mark.slow
def test_every_code_has_its_document() -> None:
    docs = code_docs(all_codes(DAY), DAY)
    codes = [r.code for r in code_rows(all_codes(DAY), DAY)]
    assert [d["kenpo_code"] for d in docs] == codes
    assert all(d["location"] == f"call-center/#code-{d['kenpo_code']}" for d in docs)


@pytest.mark.slow
def test_augment_index_is_idempotent(tmp_path: Path) -> None:
    index = tmp_path / "search" / "search_index.json"
    index.parent.mkdir()
    page = {"location": "a/", "title": "A", "text": "x"}
    index.write_text(json.dumps({"config": {"lang": ["ja"]}, "docs": [page]}), "utf-8")
    augment_index(tmp_path, all_codes(DAY), DAY)
    augment_index(tmp_path, all_codes(DAY), DAY)
    data = json.loads(index.read_text("utf-8"))
    assert data["config"]["kenpo"] == vocabulary()
    assert data["docs"][0] == page
    assert len(data["docs"]) == 1 + len(all_codes(DAY))


def test_query_table_is_well_formed() -> None:
    rows = tomllib.loads(QUERIES.read_text("utf-8"))["query"]
    assert len(rows) >= 20
    assert all(set(r) >= {"q", "expect", "why"} for r in rows)
    assert len({r["q"] for r in rows}) == len(rows)
