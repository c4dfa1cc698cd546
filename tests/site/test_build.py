"""`mkdocs build --strict` succeeds and the generated blocks come from the leaflet's data."""

from __future__ import annotations

import hashlib
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from sitekit import PAGES, ROOT, page_text

from kenpo_wizard import leaflet as lf
from kenpo_wizard import wareki
from kenpo_wizard.flow import FLOW
from kenpo_site.blocks import PLACEHOLDER, tables, timeline
from kenpo_site.host_limits import check


def test_mkdocs_build_strict(site_dir: Path) -> None:
    """The site the tiers test is the one `make site` built once (`mkdocs build --strict`,
    which stops on any warning): its log has none, and every page is there."""
    log = ROOT / ".cache" / "build.log"
    if site_dir == ROOT / "site" and log.is_file():
        text = log.read_text(encoding="utf-8")
        assert "Documentation built" in text
        # static-i18n's notes on untranslated pages are expected (fallback); nothing else
        assert not re.search(r"WARNING -  (?!\[i18n\])", text), text[-2000:]
    site = site_dir
    for page in PAGES:
        assert (site / page / "index.html").is_file(), page
    # MkDocs alone gives the whole wizard: Pyodide, the pinned wheel, the scripts, the no-JS pages
    built = json.loads((site / "wizard" / "app" / "build.json").read_text(encoding="utf-8"))
    engine, runtime = site / built["engine"], site / built["runtime"]
    lock = json.loads((engine / "pyodide-lock.json").read_text(encoding="utf-8"))
    entry = lock["packages"]["kenpo-wizard"]
    wheel = engine / entry["file_name"]
    assert hashlib.sha256(wheel.read_bytes()).hexdigest() == entry["sha256"]
    assert built["engine"].endswith(f"kenpo-{entry['sha256'][:12]}/")  # versioned by content
    for name in ("pyodide.mjs", "pyodide.asm.wasm", "python_stdlib.zip"):
        assert (runtime / name).is_file(), name
    for name in ("wizard.js", "worker.js", "engine.js", "wizard.css", "build.json"):
        assert (site / "wizard" / "app" / name).is_file(), name
    first = (site / "wizard" / "index.html").read_text(encoding="utf-8")
    # how long the pre-built answers hold travels with the page (a cached build.json may be
    # an older build's)
    assert f'data-static-until="{built["static_valid_until"]}"' in first
    assert f'data-node="{FLOW.start}"' in first and 'class="kw-choice"' in first
    assert len(list((site / "wizard" / "s").glob("*.html"))) > 1000


def test_the_site_fits_its_host(site_dir: Path) -> None:
    """Cloudflare Pages' documented limits (files, largest file, _headers) and the 100 MB budget."""
    report = check(site_dir)
    assert report.problems == []
    assert report.files <= 20_000 and report.total <= 100_000_000


def test_mkdocs_serve_shows_the_wizard_first_question() -> None:
    """`mkdocs serve` (live reload) serves the wizard page with its first question and Pyodide."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    mkdocs = Path(sys.executable).with_name("mkdocs")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [str(mkdocs), "serve", "--dev-addr", f"127.0.0.1:{port}", "--no-livereload"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        page = _fetch_when_up(f"http://127.0.0.1:{port}/wizard/", proc)
        assert f'data-node="{FLOW.start}"' in page and 'class="kw-choice"' in page
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/wizard/app/worker.js") as r:
            assert r.status == 200
        engine = re.search(r'data-engine="\.\./([^"]+)"', page)
        assert engine is not None
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/{engine[1]}pyodide-lock.json") as r:
            assert "kenpo-wizard" in r.read().decode()
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _fetch_when_up(url: str, proc: subprocess.Popen[str], seconds: float = 120) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"mkdocs serve exited: {proc.stderr.read() if proc.stderr else ''}")
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                return str(r.read().decode("utf-8"))
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"{url} did not come up in {seconds:.0f} s")


def test_serving_installs_no_browser() -> None:
    """`make serve` sets up and builds with no Chromium, fonts or Playwright (tests bring those)."""
    plan = subprocess.run(
        ["make", "-n", "-B", "serve"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert "mkdocs build" in plan
    for browser_step in ("apt-get", "chromium", "fonts-noto-cjk", "playwright", "requirements-dev"):
        assert browser_step not in plan, browser_step


def _html(site_dir: Path, page: str) -> str:
    return (site_dir / page / "index.html").read_text(encoding="utf-8")


def test_no_placeholder_left(site_dir: Path) -> None:
    """Every placeholder is filled: by the hooks, and the wizard's by its build step."""
    for page in PAGES:
        html = _html(site_dir, page)
        left = PLACEHOLDER.findall(html)
        assert left == [], (page, left)
    assert "結果コード" in page_text(site_dir, "call-center/")


def test_result_codes_placeholder_is_in_the_source() -> None:
    source = (ROOT / "docs" / "call-center.md").read_text(encoding="utf-8")
    assert "<!-- kenpo:result-codes -->" in source


def test_comparison_table_is_generated_from_data(site_dir: Path) -> None:
    html = _html(site_dir, "comparison/")
    text = page_text(site_dir, "comparison/")
    assert 'class="kenpo-compare__table"' in html
    assert 'class="kenpo-compare__cards"' in html
    for row in lf.COMPARISON:
        assert text.count(lf.DOCUMENTS[row.document].label) >= 2
        for field, _label in tables.COMPARISON_FIELDS:
            for value in tables._cell(row, field):
                # once in the table, once in the cards
                assert text.count(value) >= 2, value


def test_timeline_is_generated_from_data(site_dir: Path) -> None:
    html = _html(site_dir, "schedule/")
    text = page_text(site_dir, "schedule/")
    assert "<svg" in html and 'role="img"' in html
    for m in lf.MILESTONES:
        assert f'data-kenpo-milestone="{m.key}"' in html, m.key
        assert f'data-kenpo-marker="{m.key}"' in html or timeline.LANE_MYNA in timeline.lanes_of(m)
        shown = timeline.milestone_date(m)
        assert shown.wareki in text and shown.seireki in text, m.key
        assert m.label in text
    for day in (lf.ABOLITION_DAY, lf.TRANSITION_LAST_DAY, lf.CERTIFICATE_VALID_UNTIL):
        assert wareki.wareki(day) in text
        assert f"{day.year}年{day.month}月{day.day}日" in text


def test_lists_are_generated_from_data(site_dir: Path) -> None:
    cert = page_text(site_dir, "certificate/")
    for reason in lf.REASONS.values():
        assert reason.label in cert
    reg = page_text(site_dir, "registration/")
    for route in lf.ROUTES.values():
        assert route.label in reg
    assert f'href="{lf.MHLW_REGISTRATION_URL}"' in _html(site_dir, "registration/")
    emp = page_text(site_dir, "employers/")
    for form in lf.FORMS.values():
        assert form.label in emp


def test_the_call_center_table_has_every_code_the_wizard_gives(site_dir: Path) -> None:
    """Every code on the build's pre-built results (every band path of the build day) has its
    row, with its plain first line and a link to the wizard; agent mode knows every row."""
    table = (site_dir / "call-center" / "index.html").read_text(encoding="utf-8")
    rows = set(re.findall(r'<tr id="code-([A-Z]-[0-9A-Z]{4})"', table))
    given = {
        m
        for page in (site_dir / "wizard" / "s").glob("*.html")
        for m in re.findall(r'data-kind="result"[^>]*data-code="([^"]+)"', page.read_text("utf-8"))
    }
    assert given and given <= rows, sorted(given - rows)
    assert len(re.findall(r'href="\.\./wizard/\?[^"]+">', table)) >= len(rows)
    agent = (site_dir / "call-center-agent" / "index.html").read_text(encoding="utf-8")
    codes = json.loads(agent.split('id="kenpo-codes">', 1)[1].split("</script>", 1)[0])
    assert set(codes) == rows
