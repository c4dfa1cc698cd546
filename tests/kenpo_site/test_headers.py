"""The _headers file format and the inline-script hashes of the policy (no build needed)."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

from kenpo_site.headers import inline_script_hashes
from kenpo_site.serve import headers_for, read_headers


def test_headers_rules_match_paths_and_later_rules_win(tmp_path: Path) -> None:
    f = tmp_path / "_headers"
    f.write_text(
        "# comment\n/*\n  Cache-Control: no-cache\n  X-A: 1\n/pyodide/1.0/*\n"
        "  Cache-Control: public, max-age=31536000, immutable\n"
    )
    rules = read_headers(f)
    assert headers_for(rules, "/wizard/") == {"Cache-Control": "no-cache", "X-A": "1"}
    assert headers_for(rules, "/pyodide/1.0/a.wasm")["Cache-Control"].endswith("immutable")
    assert read_headers(tmp_path / "missing") == []


def test_only_inline_scripts_that_run_are_hashed(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        '<script>var a=1</script><script src="x.js"></script>'
        '<script type="application/json">{"b": 2}</script>'
    )
    expected = base64.b64encode(hashlib.sha256(b"var a=1").digest()).decode()
    assert inline_script_hashes(tmp_path) == [expected]
