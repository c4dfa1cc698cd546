"""The site as a host serves it (``make serve``, kenpo_site.serve): precompressed files with
``Content-Encoding``, correct types, and the headers of ``site/_headers``."""

from __future__ import annotations

import gzip
import json
import subprocess
import urllib.request
from pathlib import Path

import brotli
from sitekit import ROOT


def _get(url: str, encoding: str = "") -> tuple[dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding} if encoding else {})
    with urllib.request.urlopen(request) as r:
        return {k.lower(): v for k, v in r.headers.items()}, r.read()


def test_pages_are_sent_compressed_to_browsers_that_accept_it(
    base_url: str, site_dir: Path
) -> None:
    """A small page has no variants on disk (a host compresses it as it sends it, as this
    server does with gzip); a large file is sent as its Brotli variant, and never to a
    browser that refuses Brotli (``br;q=0``)."""
    original = (site_dir / "index.html").read_bytes()
    assert not (site_dir / "index.html.br").exists()
    headers, body = _get(f"{base_url}/", "br, gzip")
    assert headers["content-encoding"] == "gzip" and gzip.decompress(body) == original
    assert len(body) < len(original) / 3 and int(headers["content-length"]) == len(body)
    headers, body = _get(f"{base_url}/")
    assert "content-encoding" not in headers and body == original
    assert headers["content-type"] == "text/html; charset=utf-8"
    assert headers["vary"] == "Accept-Encoding"
    built = json.loads((site_dir / "wizard" / "app" / "build.json").read_text("utf-8"))
    wasm = f"{built['runtime']}pyodide.asm.wasm"
    raw = (site_dir / wasm).read_bytes()
    headers, body = _get(f"{base_url}/{wasm}", "gzip, br")
    assert headers["content-encoding"] == "br" and brotli.decompress(body) == raw
    headers, body = _get(f"{base_url}/{wasm}", "br;q=0, gzip")
    assert headers["content-encoding"] == "gzip" and gzip.decompress(body) == raw


def test_html_is_revalidated_and_confined_to_the_site(base_url: str) -> None:
    headers, _ = _get(f"{base_url}/wizard/", "br")
    assert headers["cache-control"] == "no-cache"
    csp = headers["content-security-policy"]
    assert "default-src 'self'" in csp and "'wasm-unsafe-eval'" in csp
    assert "connect-src 'self'" in csp and "'unsafe-inline'" not in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"


def test_pyodide_and_the_wheel_are_immutable_under_versioned_paths(
    base_url: str, site_dir: Path
) -> None:
    built = json.loads((site_dir / "wizard" / "app" / "build.json").read_text("utf-8"))
    headers, body = _get(f"{base_url}/{built['runtime']}pyodide.asm.wasm", "br, gzip")
    assert headers["content-type"] == "application/wasm"
    assert headers["content-encoding"] == "br"
    assert "immutable" in headers["cache-control"] and "max-age=31536000" in headers["cache-control"]
    wasm = (site_dir / built["runtime"] / "pyodide.asm.wasm").read_bytes()
    assert brotli.decompress(body) == wasm
    headers, body = _get(f"{base_url}/{built['runtime']}python_stdlib.zip", "br")
    assert headers["content-encoding"] == "br"  # stored members: Brotli over the whole archive
    assert len(body) < (site_dir / built["runtime"] / "python_stdlib.zip").stat().st_size / 2
    headers, _ = _get(f"{base_url}/{built['engine']}{built['wheel']}")
    assert "immutable" in headers["cache-control"]
    headers, _ = _get(f"{base_url}/wizard/app/worker.js")
    assert headers["content-type"] == "text/javascript; charset=utf-8"
    assert headers["cache-control"] == "no-cache"  # not versioned: revalidated


def test_make_serve_uses_this_server() -> None:
    plan = subprocess.run(
        ["make", "-n", "serve"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert "-m kenpo_site.serve site" in plan
