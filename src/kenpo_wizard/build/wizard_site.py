"""After ``mkdocs build``: put the wizard into the built site (``make site``).

1. Pyodide, self-hosted: the runtime files from ``node_modules/pyodide`` and the package wheel
   from ``dist/`` go to ``site/pyodide/`` with our own ``pyodide-lock.json`` that lists only
   ``kenpo-wizard`` and the wheel's sha256 (the browser checks it as subresource integrity).
2. The loader, Web Worker and styles (``wizard/``) go to ``site/wizard/app/``.
3. The first question is rendered into the wizard page (``<!-- kenpo:wizard -->``), so it
   shows before any script runs; the result codes fill ``<!-- kenpo:result-codes -->`` on the
   call-center page if the site's own hooks have not already done so.
4. Every question state for the build day (Asia/Tokyo) becomes a static page under
   ``site/wizard/s/<answers>/``: the wizard without JavaScript, built by the same renderer.

Usage: ``python -m kenpo_wizard.build.wizard_site [SITE_DIR]``; ``KENPO_BUILD_DAY=YYYY-MM-DD``
fixes the build day (tests, reproducible builds).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import string
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kenpo_wizard import __version__, bridge
from kenpo_wizard.bridge import Band, Context, both, canonical_query, e
from kenpo_wizard.build.wizard_bands import Signatures, bands
from kenpo_wizard.contact import ASSOCIATION_CONTACT, EMPLOYER_CLERK
from kenpo_wizard.dates import today_in_japan
from kenpo_wizard.flow import FLOW, Outcome, Question, enumerate_paths, walk
from kenpo_wizard.golden import GOLDEN_DAYS
from kenpo_wizard.leaflet import (
    ABOLITION_DAY,
    DOCUMENTS,
    FORMS,
    TRANSITION_LAST_DAY,
    TRANSITION_OVER,
    Document,
    Form,
)
from kenpo_wizard.rules import assess
from kenpo_wizard.wareki import wareki

REPO = Path(__file__).resolve().parents[3]
TEMPLATES = Path(__file__).with_name("templates") / "wizard"
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
PACKAGE = "kenpo-wizard"
# The placeholder, or what a previous run put there (so the step can run again).
WIZARD_MARK = re.compile(
    r"<!--\s*kenpo:wizard\s*-->|<!-- kenpo:wizard:start -->.*?<!-- kenpo:wizard:end -->", re.S
)
CODES_MARK = re.compile(
    r"<!--\s*kenpo:result-codes\s*-->"
    r"|<!-- kenpo:result-codes:start -->.*?<!-- kenpo:result-codes:end -->",
    re.S,
)
STATIC_DIR = "wizard/s"


def build_day() -> dt.date:
    fixed = os.environ.get("KENPO_BUILD_DAY")
    if fixed:
        return dt.date.fromisoformat(fixed)
    return today_in_japan(dt.datetime.now(dt.UTC))


def build_note(on: dt.date) -> str:
    return (
        f"基準日（受診日）：{both(on)}。JavaScriptが無効のため、基準日はこのページを作成した"
        f" {on.year}年{on.month}月{on.day}日（{wareki(on)}）です。"
    )


# ----------------------------------------------------------------------------- pyodide
def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def install_pyodide(site: Path, node_modules: Path, dist: Path) -> dict[str, str]:
    """Copy the runtime and the wheel; write the lock file that pins the wheel's sha256."""
    src = node_modules / "pyodide"
    out = site / "pyodide"
    out.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        shutil.copy2(src / name, out / name)
    wheels = sorted(dist.glob("kenpo_wizard-*-py3-none-any.whl"))
    if len(wheels) != 1:
        raise SystemExit(f"expected one kenpo_wizard wheel in {dist}, found {len(wheels)}")
    wheel = wheels[0]
    shutil.copy2(wheel, out / wheel.name)
    digest = sha256_file(wheel)
    upstream = json.loads((src / "pyodide-lock.json").read_text(encoding="utf-8"))
    lock = {
        "info": upstream["info"],  # the runtime's ABI, unchanged
        "packages": {
            PACKAGE: {
                "name": PACKAGE,
                "version": __version__,
                "file_name": wheel.name,
                "install_dir": "site",
                "sha256": digest,
                "package_type": "package",
                "imports": ["kenpo_wizard"],
                "depends": [],
            }
        },
    }
    (out / "pyodide-lock.json").write_text(json.dumps(lock, indent=1), encoding="utf-8")
    return {"wheel": wheel.name, "sha256": digest}


def install_app(site: Path, source: Path) -> None:
    app = site / "wizard" / "app"
    app.mkdir(parents=True, exist_ok=True)
    for path in sorted(source.iterdir()):
        if path.suffix in (".js", ".mjs", ".css"):
            shutil.copy2(path, app / path.name)


# ----------------------------------------------------------------------------- static pages
@dataclass
class Stats:
    pages: int = 0
    bytes: int = 0
    results: int = 0
    largest: int = 0
    codes: set[str] = field(default_factory=set)


def static_path(path: Sequence[tuple[str, str]]) -> str:
    """The directory of a state under ``wizard/s/``: the answers' values in path order."""
    return "".join(f"{value}/" for _key, value in path)


def _root(depth: int) -> str:
    return "../" * depth


def static_context(
    on: dt.date,
    here: Sequence[tuple[str, str]] | None,
    labels: dict[tuple[str, str], str] | None = None,
) -> Context:
    """Links for the page of ``here`` (None: the wizard page itself, one level below the root)."""
    depth = 1 if here is None else 2 + len(here)
    root = _root(depth)

    def url(path: Sequence[tuple[str, str]]) -> str:
        if here is None:
            return f"{STATIC_DIR.split('/')[1]}/{static_path(path)}"
        # relative to this page: up to the common prefix, then down (keeps pages small)
        common = 0
        while common < min(len(here), len(path)) and here[common] == path[common]:
            common += 1
        return "../" * (len(here) - common) + static_path(path[common:]) or "./"

    return Context(
        "static",
        on,
        root=root,
        static_url=url,
        band_labels=dict(labels or {}),
        build_note=build_note(on),
    )


# The contact route on every static page, short (there are thousands): kenpo_wizard.contact.
CONTACT_LINE = (
    f"お問い合わせ先：{e(EMPLOYER_CLERK)}、または{e(ASSOCIATION_CONTACT.name)}"
    f'（<a href="{e(ASSOCIATION_CONTACT.website or "")}">ウェブサイト</a>）'
)


def static_pages(site: Path, on: dt.date) -> Stats:
    """Every answer-prefix state for ``on``, one small page each (a depth-first walk)."""
    template = string.Template((TEMPLATES / "state.html").read_text(encoding="utf-8"))
    out_dir = site / STATIC_DIR
    if out_dir.exists():
        shutil.rmtree(out_dir)
    sig = Signatures(on)
    stats = Stats()
    todo: list[tuple[list[tuple[str, str]], dict[tuple[str, str], str]]] = [([], {})]
    while todo:
        path, labels = todo.pop()
        answers = dict(path)
        state = walk(FLOW, answers, on)
        assert state.error is None, (path, state.error)
        ctx = static_context(on, path, labels)
        node = state.node
        offered: list[Band] = []
        if isinstance(node, Question):
            if node.kind == "choice":
                offered = [Band(c.value, c.label) for c in node.choices]
            else:
                offered = [b for b, _r in bands(node, answers, sig)]
                ctx.bands = {node.id: offered}
        scr = bridge.screen(canonical_query(answers), on, ctx)
        page = template.substitute(
            title=e(scr.title),
            root=ctx.root,
            kind=e(scr.kind),
            node=e(scr.node or ""),
            code=e(scr.answer["result_code"] if scr.answer else ""),
            body=scr.html,
            contact=CONTACT_LINE,
        )
        target = out_dir / static_path(path) / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        data = page.encode("utf-8")
        target.write_bytes(data)
        stats.pages += 1
        stats.bytes += len(data)
        stats.largest = max(stats.largest, len(data))
        if isinstance(node, Outcome):
            stats.results += 1
            assert scr.answer is not None
            stats.codes.add(str(scr.answer["result_code"]))
            continue
        assert isinstance(node, Question)
        for band in reversed(offered):
            more = dict(labels)
            if node.kind != "choice":
                more[(node.id, band.value)] = band.label
            todo.append(([*path, (node.id, band.value)], more))
    return stats


# ----------------------------------------------------------------------------- the page
def wizard_block(on: dt.date) -> str:
    """The wizard page's content: the first question as HTML, a status line, the scripts."""
    ctx = static_context(on, None)
    first = bridge.first_screen_html(ctx)
    return (
        f'<div id="kenpo-wizard" class="kw" data-build-day="{on.isoformat()}"'
        f' data-static="{STATIC_DIR.split("/")[1]}/">\n'
        '<div class="kw-status" data-kw-status role="status" aria-live="polite"></div>\n'
        f'<div class="kw-screen" data-kw-screen data-kind="question" data-node="{FLOW.start}">'
        f"\n{first}\n</div>\n</div>\n"
        '<link rel="stylesheet" href="app/wizard.css">\n'
        '<script type="module" src="app/wizard.js"></script>'
    )


def fill_wizard_page(site: Path, on: dt.date) -> None:
    page = site / "wizard" / "index.html"
    text = page.read_text(encoding="utf-8")
    if not WIZARD_MARK.search(text):
        raise SystemExit(f"{page}: no <!-- kenpo:wizard --> placeholder")
    block = f"<!-- kenpo:wizard:start -->{wizard_block(on)}<!-- kenpo:wizard:end -->"
    page.write_text(WIZARD_MARK.sub(lambda _m: block, text, count=1), encoding="utf-8")


# ----------------------------------------------------------------------------- result codes
PHASES = {
    "before_abolition": f"{wareki(ABOLITION_DAY - dt.timedelta(days=1))}まで",
    "transition": f"経過措置期間（{wareki(ABOLITION_DAY)}〜{wareki(TRANSITION_LAST_DAY)}）",
    "after_transition": f"{wareki(TRANSITION_OVER)}以降",
}
ISSUE = {"none": "交付なし", "ex_officio": "職権交付", "application": "申請による交付"}
CODE_DAYS = GOLDEN_DAYS  # one day in each period the rules tell apart


def code_table_rows(days: Sequence[dt.date] = CODE_DAYS) -> dict[str, dict[str, object]]:
    """Each result code the golden paths reach on sample days of every phase, with its meaning."""
    rows: dict[str, dict[str, object]] = {}
    for day in days:
        for state in enumerate_paths(FLOW, day):
            answer = assess(state.facts, day).to_dict()
            rows.setdefault(str(answer["result_code"]), answer)
    return dict(sorted(rows.items()))


def _docs(alts: object) -> str:
    assert isinstance(alts, list)
    if not alts:
        return "なし"
    return "／".join("＋".join(DOCUMENTS[Document(d)].label for d in alt) for alt in alts)


def result_codes_html(rows: dict[str, dict[str, object]] | None = None) -> str:
    """The call-center table: code → what the result says (no blank lines: raw HTML in Markdown)."""
    rows = code_table_rows() if rows is None else rows
    head = (
        "<p>結果コードは、結果の中身（時期、受診時に見せるもの、提出・返却するもの、資格確認書の交付、"
        "利用登録の案内、問い合わせの要否）から決まる4文字のコードです。先頭の1文字は時期"
        "（B：令和6年12月1日まで、T：経過措置期間、A：令和7年12月2日以降）です。"
        "基準日が違っても中身が同じなら同じコードになります。一覧にないコードは、"
        "お問い合わせの方の結果ページの内容をそのままお読みください。</p>"
    )
    body = []
    for code, a in rows.items():
        submit = a["submit"]
        ret = a["return"]
        assert isinstance(submit, list) and isinstance(ret, list)
        ec = a["eligibility_certificate"]
        assert isinstance(ec, dict)
        body.append(
            f'<tr id="code-{e(code)}"><th scope="row"><code>{e(code)}</code></th>'
            f"<td>{e(PHASES[str(a['phase'])])}</td>"
            f"<td>{e(_docs(a['show_at_clinic']) if a['covered'] else '対象外（加入前・資格喪失・75歳以上）')}</td>"
            f"<td>{e('、'.join(FORMS[Form(s)].label for s in submit) or 'なし')}</td>"
            f"<td>{e('、'.join(DOCUMENTS[Document(r['document'])].label for r in ret) or 'なし')}</td>"
            f"<td>{e(ISSUE[str(ec['issue'])])}</td>"
            f"<td>{'あり' if a['register'] else 'なし'}</td>"
            f"<td>{'必要' if a['contact_association'] else '不要'}</td></tr>"
        )
    return (
        f'<div class="kw-codes">{head}<div class="md-typeset__scrollwrap"><table>'
        '<caption>結果コードの一覧</caption><thead><tr><th scope="col">コード</th>'
        '<th scope="col">時期</th><th scope="col">受診時に見せるもの</th>'
        '<th scope="col">提出するもの</th><th scope="col">返却するもの</th>'
        '<th scope="col">資格確認書</th><th scope="col">利用登録の案内</th>'
        '<th scope="col">組合への問い合わせ</th></tr></thead><tbody>'
        + "".join(body)
        + "</tbody></table></div></div>"
    )


def fill_result_codes(site: Path, extra_days: Sequence[dt.date] = ()) -> int:
    page = site / "call-center" / "index.html"
    if not page.exists():
        return 0
    text = page.read_text(encoding="utf-8")
    if not CODES_MARK.search(text):
        return 0  # already filled by the site's hooks, or the marker was removed
    rows = code_table_rows((*CODE_DAYS, *extra_days))
    block = (
        f"<!-- kenpo:result-codes:start -->{result_codes_html(rows)}<!-- kenpo:result-codes:end -->"
    )
    page.write_text(CODES_MARK.sub(lambda _m: block, text, count=1), encoding="utf-8")
    return len(rows)


# ----------------------------------------------------------------------------- main
def main(argv: Sequence[str] = ()) -> int:
    site = Path(argv[0]) if argv else REPO / "site"
    on = build_day()
    t0 = time.monotonic()
    lock = install_pyodide(site, REPO / "node_modules", REPO / "dist")
    install_app(site, REPO / "wizard")
    fill_wizard_page(site, on)
    codes = fill_result_codes(site, (on,))
    stats = static_pages(site, on)
    manifest = {
        "build_day": on.isoformat(),
        "version": __version__,
        **lock,
        "static_pages": stats.pages,
        "static_results": stats.results,
        "static_bytes": stats.bytes,
    }
    (site / "wizard" / "app" / "build.json").write_text(
        json.dumps(manifest, indent=1), encoding="utf-8"
    )
    sri = base64.b64encode(bytes.fromhex(lock["sha256"])).decode()
    print(
        f"wizard: build day {on} | {stats.pages} static pages ({stats.results} results), "
        f"{stats.bytes / 1e6:.1f} MB, largest {stats.largest / 1e3:.1f} kB | "
        f"{codes} result codes listed | wheel sha256-{sri[:12]}… | {time.monotonic() - t0:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
