"""The site as a host serves it (``make serve``, kenpo_site.serve): precompressed files with
``Content-Encoding``, correct types, and the headers of ``site/_headers``."""

from __future__ import annotations

import gzip
import json
import subprocess
import urllib.error
import urllib.parse
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
    assert (
        "immutable" in headers["cache-control"] and "max-age=31536000" in headers["cache-control"]
    )
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


def _request(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request) as r:
            return r.status, {k.lower(): v for k, v in r.headers.items()}, r.read()
    except urllib.error.HTTPError as e:
        return e.code, {k.lower(): v for k, v in e.headers.items()}, e.read()


def test_unchanged_files_are_revalidated_with_304(base_url: str, site_dir: Path) -> None:
    """Strong ETags per representation (the gzipped page has its own) and Last-Modified:
    a browser that has the file gets 304 and no body."""
    status, plain, _ = _request(f"{base_url}/wizard/app/wizard.js")
    assert status == 200 and plain["etag"].startswith('"') and "last-modified" in plain
    _, packed, _ = _request(f"{base_url}/wizard/app/wizard.js", **{"Accept-Encoding": "gzip"})
    assert packed["etag"] != plain["etag"]
    status, again, body = _request(
        f"{base_url}/wizard/app/wizard.js", **{"If-None-Match": plain["etag"]}
    )
    assert status == 304 and body == b"" and again["etag"] == plain["etag"]
    status, _, body = _request(f"{base_url}/wizard/app/wizard.js", **{"If-None-Match": '"other"'})
    assert status == 200 and body == (site_dir / "wizard/app/wizard.js").read_bytes()
    status, _, body = _request(
        f"{base_url}/wizard/app/wizard.js", **{"If-Modified-Since": plain["last-modified"]}
    )
    assert status == 304 and body == b""


def test_missing_pages_get_the_sites_404_page_in_their_language(base_url: str) -> None:
    status, headers, body = _request(f"{base_url}/no/such/page/")
    assert status == 404 and headers["content-type"] == "text/html; charset=utf-8"
    assert 'lang="ja"' in body.decode() and "404" in body.decode()
    status, _, body = _request(f"{base_url}/en/no/such/page/")
    assert status == 404 and 'lang="en"' in body.decode()
    status, _, _ = _request(f"{base_url}/pyodide/")  # a folder without a page: no listing
    assert status == 404


def test_the_hosts_own_files_are_not_served(base_url: str) -> None:
    for path in ("_headers", ".built", "en/../_headers"):
        status, _, body = _request(f"{base_url}/{path}")
        assert status == 404 and b"Content-Security-Policy" not in body, path


def test_a_compressed_file_asked_for_by_name_says_what_it_is(
    base_url: str, site_dir: Path
) -> None:
    built = json.loads((site_dir / "wizard" / "app" / "build.json").read_text("utf-8"))
    name = f"{built['runtime']}pyodide.asm.wasm.gz"
    status, headers, body = _request(f"{base_url}/{name}", **{"Accept-Encoding": "gzip"})
    assert status == 200 and headers["content-type"] == "application/gzip"
    assert "content-encoding" not in headers and body == (site_dir / name).read_bytes()


def test_connections_are_kept_alive(base_url: str) -> None:
    import http.client

    host = urllib.parse.urlsplit(base_url)
    conn = http.client.HTTPConnection(host.hostname or "127.0.0.1", host.port, timeout=10)
    for path in ("/", "/wizard/", "/no/such/page/", "/schedule/"):
        conn.request("GET", path, headers={"Accept-Encoding": "gzip"})
        response = conn.getresponse()
        response.read()
        assert response.version == 11 and response.getheader("Connection") != "close", path
    conn.close()
