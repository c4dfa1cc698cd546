"""The built site's large text-like files, precompressed: ``name.br`` and ``name.gz`` beside it.

A static host (or ``make serve``) sends them with ``Content-Encoding`` to browsers that accept
them. Only files of 64 KB and more (Pyodide, the engine's library, the search index, the
theme's bundles: a few dozen) get variants, with Brotli's best setting (Pyodide's 9.6 MB wasm
takes ~45 s, so results are cached by content): that is where a phone gains from the best
setting and where compressing on each request costs a host. The thousands of small pages are
left to the host's own compression (``make serve`` gzips them as it sends them): variants of
them would triple the site's files for nothing a real host does not do already.
Deterministic: gzip without a timestamp, so a rebuild changes nothing that did not change.
"""

from __future__ import annotations

import gzip
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import brotli

# .zip: Pyodide's trimmed library is stored uncompressed for this (a deflated zip gains
# nothing and gets no variant: see KEEP_BELOW).
SUFFIXES = {
    ".html",
    ".css",
    ".js",
    ".mjs",
    ".json",
    ".svg",
    ".wasm",
    ".zip",
    ".txt",
    ".xml",
}
BIG = 64 * 1024  # the smallest file with precompressed variants
KEEP_BELOW = 0.95  # a variant is written only when it is at least 5 % smaller


@dataclass
class Totals:
    files: int = 0
    raw: int = 0
    br: int = 0
    gz: int = 0


def _brotli(data: bytes, cache: Path) -> bytes:
    cached = cache / (hashlib.sha256(data).hexdigest() + ".br")
    if cached.exists():
        return cached.read_bytes()
    out = bytes(brotli.compress(data, quality=11))
    cache.mkdir(parents=True, exist_ok=True)
    cached.write_bytes(out)
    return out


_MAP_COMMENT = re.compile(rb"\n?(?://|/\*)# sourceMappingURL=\S+(?: \*/)?\s*$")


def drop_source_maps(assets: Path) -> int:
    """The theme's source maps (1.3 MB, 1.8 MB with their variants) serve only a developer
    debugging Material itself; members never fetch them, so they go with the comments
    pointing at them. Returns how many were removed."""
    removed = 0
    for path in sorted(assets.rglob("*.map")):
        path.unlink()
        removed += 1
    for path in [*assets.rglob("*.js"), *assets.rglob("*.css")]:
        data = path.read_bytes()
        trimmed = _MAP_COMMENT.sub(b"\n", data)
        if trimmed != data:
            path.write_bytes(trimmed)
    return removed


def warm(files: list[Path], cache: Path) -> None:
    """Brotli 11 of ``files`` into the cache (by content), for :func:`precompress` to find:
    Pyodide's wasm alone takes ~45 s, which a build can spend on other cores meanwhile."""
    for path in files:
        if path.is_file() and path.stat().st_size >= BIG:
            _brotli(path.read_bytes(), cache)


def precompress(site: Path, cache: Path, only: str = "*", skip: str = "") -> Totals:
    """Variants of the site's large files whose names match ``only`` and not ``skip``."""
    totals = Totals()
    for path in sorted(site.rglob(only)):
        if path.suffix not in SUFFIXES or not path.is_file() or (skip and path.match(skip)):
            continue
        if path.stat().st_size < BIG:
            for suffix in (".br", ".gz"):  # a variant an earlier build left
                path.with_name(path.name + suffix).unlink(missing_ok=True)
            continue
        data = path.read_bytes()
        totals.files += 1
        totals.raw += len(data)
        for suffix, packed in (
            (".br", _brotli(data, cache)),
            (".gz", gzip.compress(data, 9, mtime=0)),
        ):
            variant = path.with_name(path.name + suffix)
            if len(packed) < len(data) * KEEP_BELOW:
                variant.write_bytes(packed)
                if suffix == ".br":
                    totals.br += len(packed)
                else:
                    totals.gz += len(packed)
            elif variant.exists():
                variant.unlink()
    return totals
