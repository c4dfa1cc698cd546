"""Serve a built site as a static host would: precompressed files and the site's headers.

``python -m kenpo_site.serve [SITE] [--port 8000]`` (``make serve``). For a request that
accepts it, ``page.html.br`` or ``page.html.gz`` (written at build) is sent in place of
``page.html`` with ``Content-Encoding``; a smaller text file without variants is gzipped as it is
sent (as every real host does); every response gets the headers that ``SITE/_headers``
gives its path (the format Netlify and Cloudflare Pages read), so what the tests see is what a
real host sends. Like a host, it answers ``If-None-Match`` / ``If-Modified-Since`` with 304,
keeps connections alive (HTTP/1.1), sends the site's ``404.html`` with status 404 and keeps
``_headers`` and dot files to itself. Standard library only: ``http.server`` with a handler.
"""

from __future__ import annotations

import argparse
import contextlib
import email.utils
import fnmatch
import functools
import gzip
import hashlib
import http.server
import io
import mimetypes
import os
import sys
import urllib.parse
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Representation:
    """What one response sends: the bytes (a file's or gzipped as sent) and its validators."""

    body: bytes
    etag: str  # strong: a digest of exactly these bytes
    modified: float  # the file's mtime, for Last-Modified
    encoding: str | None


@functools.lru_cache(maxsize=256)
def _represent(path: Path, mtime_ns: int, size: int, encoding: str | None) -> Representation:
    """``path`` as sent with ``encoding`` (``gzip`` of a file without a variant is made here,
    deterministically, so its ETag holds across requests). Cached by the file's mtime and size:
    a rebuild under a running server is seen at once."""
    data = path.read_bytes()
    if encoding == "gzip" and not path.name.endswith(".gz"):
        data = gzip.compress(data, 6, mtime=0)
    tag = hashlib.blake2b(data, digest_size=12).hexdigest()
    return Representation(data, f'"{tag}"', mtime_ns / 1e9, encoding)


def private(url_path: str) -> bool:
    """Files a host keeps to itself: its ``_headers`` and dot files (the build's stamp)."""
    parts = [p for p in urllib.parse.unquote(url_path).split("/") if p]
    return any(p.startswith(".") for p in parts) or (parts[-1:] == ["_headers"])


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """A static host's behaviour: HTTP/1.1 with keep-alive, strong ETags and Last-Modified
    answered with 304, ``Content-Encoding`` only where accepted, the site's own 404 page."""

    protocol_version = "HTTP/1.1"
    sent_bytes: Counter[str] | None = None  # body bytes per path, where a server asks for it
    rules: Sequence[tuple[str, list[tuple[str, str]]]] = ()
    languages: Sequence[str] = ()  # folders with a 404.html of their own (en/)

    def log_message(self, format: str, *args: object) -> None:
        if os.environ.get("KENPO_SERVE_LOG"):
            super().log_message(format, *args)

    def send_head(self):  # type: ignore[no-untyped-def]  # the base class's own signature
        url_path = urllib.parse.urlsplit(self.path).path
        path = Path(self.translate_path(self.path))
        if private(url_path):
            return self._not_found()
        if path.is_dir():
            if not url_path.endswith("/"):
                return super().send_head()  # the base class redirects to the slash
            path = path / "index.html"
        if not path.is_file():
            return self._not_found()
        accepted = self.headers.get("Accept-Encoding", "")
        file, encoding = path, None
        for name, suffix in ENCODINGS:
            variant = path.with_name(path.name + suffix)
            if accepts(accepted, name) and variant.is_file():
                file, encoding = variant, name
                break
        else:
            if path.suffix in COMPRESSIBLE and accepts(accepted, "gzip"):
                encoding = "gzip"
        stat = file.stat()
        rep = _represent(file, stat.st_mtime_ns, stat.st_size, encoding)
        if self._unchanged(rep):
            self.send_response(304)
            self._validators(rep)
            self.end_headers()
            return None
        return self._send(200, path, rep)

    def _unchanged(self, rep: Representation) -> bool:
        match = self.headers.get("If-None-Match")
        if match is not None:  # it wins over If-Modified-Since (RFC 9110, 13.2.2)
            tags = {t.strip().removeprefix("W/") for t in match.split(",")}
            return "*" in tags or rep.etag in tags
        since = self.headers.get("If-Modified-Since")
        if since:
            try:
                return int(rep.modified) <= email.utils.parsedate_to_datetime(since).timestamp()
            except (TypeError, ValueError, OverflowError):
                return False
        return False

    def _validators(self, rep: Representation) -> None:
        self.send_header("ETag", rep.etag)
        self.send_header("Last-Modified", self.date_time_string(int(rep.modified)))
        self.send_header("Vary", "Accept-Encoding")

    def _send(self, status: int, original: Path, rep: Representation) -> io.BytesIO:
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(original)))
        self.send_header("Content-Length", str(len(rep.body)))
        if rep.encoding:
            self.send_header("Content-Encoding", rep.encoding)
        self._validators(rep)
        self.end_headers()
        if self.sent_bytes is not None and self.command != "HEAD":
            self.sent_bytes[urllib.parse.urlsplit(self.path).path] += len(rep.body)
        return io.BytesIO(rep.body)

    def _not_found(self) -> io.BytesIO | None:
        """The site's 404.html (its language's, for a path in a language folder), status 404."""
        root = Path(self.directory)
        first = urllib.parse.urlsplit(self.path).path.lstrip("/").split("/", 1)[0]
        page = root / first / "404.html" if first in self.languages else root / "404.html"
        if not page.is_file():
            self.send_error(404)
            return None
        accepted = self.headers.get("Accept-Encoding", "")
        encoding = "gzip" if accepts(accepted, "gzip") else None
        stat = page.stat()
        return self._send(404, page, _represent(page, stat.st_mtime_ns, stat.st_size, encoding))

    def end_headers(self) -> None:
        url_path = self.path.split("?", 1)[0]
        for name, value in headers_for(self.rules, url_path).items():
            self.send_header(name, value)
        super().end_headers()

    def guess_type(self, path: str | os.PathLike[str]) -> str:
        kind, packed = mimetypes.guess_type(str(path))
        if packed:  # a compressed file asked for by its own name (sitemap.xml.gz)
            return {"gzip": "application/gzip", "br": "application/x-brotli"}.get(
                packed, "application/octet-stream"
            )
        kind = TYPES.get(Path(path).suffix) or kind or "application/octet-stream"
        return kind + "; charset=utf-8" if kind.startswith("text/") else kind


def make_server(site: Path, host: str = "127.0.0.1", port: int = 8000) -> http.server.HTTPServer:
    languages = sorted(p.parent.name for p in site.glob("*/404.html"))
    handler = type(
        "Handler",
        (SiteHandler,),
        {"rules": read_headers(site / "_headers"), "languages": languages, "sent_bytes": Counter()},
    )
    return _Server((host, port), functools.partial(handler, directory=str(site)))


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        # a browser closing a kept-alive connection is not an error worth a traceback
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


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
