"""The site search's vocabulary (``search_terms.toml``) and the call-center code rows, added
to Material's ``search/search_index.json`` after it is written.

The search worker (``docs/assets/javascripts/search-ja-worker.js``) receives the index's
``config`` and ``docs`` from Material: the vocabulary rides in ``config.kenpo``, so it reaches
the worker in the same request (and the same offline cache) as the pages. Each result code
gets a document of its own, ``call-center/#code-A-K7QA``, marked ``kenpo_code``: the worker
answers a code query with that row, and leaves the rows out of every other search.
"""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .blocks.result_codes import code_rows, columns
from .codes import Codes
from .i18n import _

DATA = Path(__file__).with_name("search_terms.toml")
CODE_PAGE = "call-center/"


def vocabulary() -> dict[str, Any]:
    """The table as the worker reads it (the file's tables, the endings longest first)."""
    data = tomllib.loads(DATA.read_text(encoding="utf-8"))
    return {
        "synonyms": data["synonyms"],
        "endings": sorted(data["endings"]["strip"], key=len, reverse=True),
        "split": sorted(data["endings"]["split"], key=len, reverse=True),
        "ignore": data["endings"]["ignore"],
        "inside": data["inside"],
        "answers": data["answers"],
        "weights": data["weights"],
        "openings": data["openings"],
        "staff": data["staff"],
    }


def code_docs(codes: Codes, day: dt.date) -> list[dict[str, Any]]:
    docs = []
    # i18n: {label} is a column of the code table, {value} its cell (for the site search)
    cell = _("{label}：{value}")
    for row in code_rows(codes, day):
        text = _("　").join(
            [row.headline]
            + [cell.format(label=label, value=getattr(row, key)) for key, label in columns()]
        )
        docs.append(
            {
                "location": f"{CODE_PAGE}#code-{row.code}",
                "title": _("結果コード {code}").format(code=row.code),
                "text": f"<p>{text}</p>",
                "kenpo_code": row.code,
            }
        )
    return docs


def augment_index(
    site: Path, codes: Codes, day: dt.date, languages: Mapping[str, str] | None = None
) -> Path | None:
    """Add the vocabulary and the code rows to the built search index (if there is one).

    ``languages`` (language → its folder, "" for the default) tells the worker which pages are
    in which language: the index holds every language's pages (static-i18n merges them), and
    a search shows the page's own language first (config.kenpo_languages)."""
    path = site / "search" / "search_index.json"
    if not path.is_file():
        return None
    index = json.loads(path.read_text(encoding="utf-8"))
    index["config"]["kenpo"] = vocabulary()
    if languages:
        index["config"]["kenpo_languages"] = dict(languages)
    index["docs"] = [d for d in index["docs"] if "kenpo_code" not in d] + code_docs(codes, day)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), "utf-8")
    return path
