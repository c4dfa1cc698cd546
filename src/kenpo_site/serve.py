"""Serve a built site as a static host would: precompressed files and the site's headers.

``python -m kenpo_site.serve [SITE] [--port 8000]`` (``make serve``). For a request that
accepts it, ``page.html.br`` or ``page.html.gz`` (written at build) is sent in place of
``page.html`` with ``Content-Encoding``; a smaller text file without variants is gzipped as it is
sent (as every real host does); every response gets the headers that ``SITE/_headers``
gives its path (the format Netlify and Cloudflare Pages read), so what the tests see is what a
real host sends. Standard library only: ``http.server`` with two small additions.
"""

from __future__ import annotations

import argparse
import contextlib
import fnmatch
import functools
import gzip
import http.server
import io
import mimetypes
import os
import sys
from collections.abc import Sequence
from pathlib import Path

ENCODINGS = (("br", ".br"), ("gzip", ".gz"))  # preferred first
# compressed as sent when no variant was written (the site's small text files)
COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".txt", ".xml", ".ics", ".map"}


def accepts(header: str, encoding: str) -> bool:
    """Whether ``Accept-Encoding`` takes ``encoding`` (``br;q=0`` refuses it)."""
    for part in header.split(","):
        name, _sep, params = part.strip().partition(";")
        if name.strip().lower() in (encoding, "*"):
            q = params.strip().removeprefix("q=")
            try:
                return not params or float(q) > 0
            except ValueError:
                return False
    return False


TYPES = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".json": "application/json",
    ".whl": "application/zip",
    ".webmanifest": "application/manifest+json",
}


def read_headers(path: Path) -> list[tuple[str, list[tuple[str, str]]]]:
    """``_headers``: a path pattern on its own line, then indented ``Name: value`` lines."""
    rules: list[tuple[str, list[tuple[str, str]]]] = []
    if not path.exists():
        return rules
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), []))
        elif rules and ":" in line:
            name, value = line.strip().split(":", 1)
            rules[-1][1].append((name.strip(), value.strip()))
    return rules


def headers_for(
    rules: Sequence[tuple[str, list[tuple[str, str]]]], url_path: str
) -> dict[str, str]:
    """Every rule whose pattern matches adds its headers; a later rule overrides a name."""
    out: dict[str, str] = {}
    for pattern, headers in rules:
        if fnmatch.fnmatchcase(url_path, pattern):
            out.update(headers)
    return out


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    rules: Sequence[tuple[str, list[tuple[str, str]]]] = ()

    def log_message(self, format: str, *args: object) -> None:
        if os.environ.get("KENPO_SERVE_LOG"):
            super().log_message(format, *args)

    def send_head(self):  # type: ignore[no-untyped-def]  # the base class's own signature
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the base class redirects to the slash
            path = path / "index.html"
        accepted = self.headers.get("Accept-Encoding", "")
        for encoding, suffix in ENCODINGS:
            variant = path.with_name(path.name + suffix)
            if accepts(accepted, encoding) and variant.is_file():
                return self._send_file(variant, path, encoding)
        if path.is_file():
            if path.suffix in COMPRESSIBLE and accepts(accepted, "gzip"):
                packed = gzip.compress(path.read_bytes(), 6, mtime=0)
                return self._send_file(None, path, "gzip", io.BytesIO(packed), len(packed))
            return self._send_file(path, path, None)
        return super().send_head()

    def _send_file(  # type: ignore[no-untyped-def]
        self,
        file: Path | None,
        original: Path,
        encoding: str | None,
        body: io.BytesIO | None = None,
        length: int = 0,
    ):
        f: io.BufferedIOBase
        if body is None:
            assert file is not None
            f = file.open("rb")
            size = os.fstat(f.fileno()).st_size
        else:
            f, size = body, length
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(original)))
        self.send_header("Content-Length", str(size))
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return f

    def end_headers(self) -> None:
        url_path = self.path.split("?", 1)[0]
        for name, value in headers_for(self.rules, url_path).items():
            self.send_header(name, value)
        super().end_headers()

    def guess_type(self, path: str | os.PathLike[str]) -> str:
        kind = TYPES.get(Path(path).suffix) or mimetypes.guess_type(str(path))[0]
        kind = kind or "application/octet-stream"
        return kind + "; charset=utf-8" if kind.startswith("text/") else kind


def make_server(site: Path, host: str = "127.0.0.1", port: int = 8000) -> http.server.HTTPServer:
    handler = type("Handler", (SiteHandler,), {"rules": read_headers(site / "_headers")})
    return http.server.ThreadingHTTPServer(
        (host, port), functools.partial(handler, directory=str(site))
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kenpo_site.serve")
    parser.add_argument("site", nargs="?", default="site", type=Path)
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args(argv)
    server = make_server(args.site, args.host, args.port)
    print(f"Serving {args.site} on http://{args.host}:{args.port}/ (Ctrl-C to stop)")
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
