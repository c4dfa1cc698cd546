"""The host check names what a deploy would be refused for (Cloudflare Pages' documented limits)."""

from __future__ import annotations

from pathlib import Path

from kenpo_site import host_limits
from kenpo_site.host_limits import check, header_problems

GOOD_HEADERS = (
    "# comment\n/*\n  X-Content-Type-Options: nosniff\n/pyodide/*\n  Cache-Control: immutable\n"
)


def _site(tmp_path: Path, headers: str = GOOD_HEADERS) -> Path:
    (tmp_path / "en" / "wizard").mkdir(parents=True)
    (tmp_path / "pyodide").mkdir()
    (tmp_path / "index.html").write_text("ja")
    (tmp_path / "en" / "index.html").write_text("en!")
    (tmp_path / "pyodide" / "a.wasm").write_bytes(b"x" * 200)
    (tmp_path / "_headers").write_text(headers)
    return tmp_path


def test_a_small_site_fits_and_is_counted_by_language(tmp_path: Path) -> None:
    r = check(_site(tmp_path))
    assert r.problems == []
    assert r.files == 4 and r.largest == (200, "pyodide/a.wasm")
    assert r.languages == {"default": (1, 2), "en": (1, 3)}
    assert r.shared[0] == 2  # pyodide/ and _headers
    assert r.projected(5) == (2 + 5 * 1, r.shared[1] + 5 * 3)


def test_too_many_files_and_bytes_are_named(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(host_limits, "MAX_FILES", 3)
    monkeypatch.setattr(host_limits, "MAX_FILE_BYTES", 150)
    monkeypatch.setattr(host_limits, "MAX_TOTAL_BYTES", 250)
    problems = check(_site(tmp_path)).problems
    assert any("files >" in p for p in problems)
    assert any(p.startswith("pyodide/a.wasm") for p in problems)
    assert any("bytes >" in p and "files" not in p for p in problems)


def test_headers_syntax_and_rule_count() -> None:
    assert header_problems(GOOD_HEADERS) == []
    assert header_problems("  X-A: b\n") == ["_headers line 1: a header before any URL pattern"]
    assert header_problems("*\n  X-A: b\n")[0].endswith("starts with / or https://")
    assert header_problems("/*\n  not a header\n") == ["_headers line 2: not 'Name: value'"]
    assert header_problems("/*\n  X-A: " + "b" * 2000 + "\n")[0].startswith("_headers line 2:")
    many = "".join(f"/p{i}\n  X-A: b\n" for i in range(101))
    assert header_problems(many) == ["_headers: 101 rules > 100"]


def test_a_site_without_headers_is_refused(tmp_path: Path) -> None:
    site = _site(tmp_path)
    (site / "_headers").unlink()
    assert any("no _headers" in p for p in check(site).problems)
