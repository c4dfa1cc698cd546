"""Only large files get precompressed variants; a warmed cache is used, not recomputed."""

from __future__ import annotations

import gzip
from pathlib import Path

import brotli
import pytest

from kenpo_site.compress import BIG, drop_source_maps, precompress, warm


def test_large_files_get_variants_and_small_ones_none(tmp_path: Path) -> None:
    site, cache = tmp_path / "site", tmp_path / "cache"
    site.mkdir()
    big = ("いまの状況 " * BIG).encode()
    (site / "big.js").write_bytes(big)
    (site / "small.html").write_text("<p>小さなページ</p>" * 100, encoding="utf-8")
    (site / "small.html.br").write_bytes(b"left by an older build")
    totals = precompress(site, cache)
    assert totals.files == 1
    assert brotli.decompress((site / "big.js.br").read_bytes()) == big
    assert gzip.decompress((site / "big.js.gz").read_bytes()) == big
    assert not (site / "small.html.br").exists() and not (site / "small.html.gz").exists()
    skipped = precompress(site, cache, skip="big.js")
    assert skipped.files == 0


def test_a_warmed_file_is_taken_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site, cache = tmp_path / "site", tmp_path / "cache"
    site.mkdir()
    data = b"wasm " * BIG
    (site / "a.wasm").write_bytes(data)
    warm([site / "a.wasm"], cache)
    calls: list[int] = []
    real = brotli.compress

    def counting(data: bytes, **options: int) -> bytes:
        calls.append(1)
        return bytes(real(data, **options))

    # compress.py calls brotli.compress through the module, so this sees every call.
    monkeypatch.setattr(brotli, "compress", counting)
    precompress(site, cache, only="a.wasm")
    assert calls == [] and brotli.decompress((site / "a.wasm.br").read_bytes()) == data


def test_source_maps_and_the_comments_naming_them_are_dropped(tmp_path: Path) -> None:
    js = tmp_path / "javascripts"
    js.mkdir()
    (js / "bundle.js").write_bytes(b"var a=1;\n//# sourceMappingURL=bundle.js.map\n")
    (js / "bundle.js.map").write_text("{}")
    (tmp_path / "main.css").write_bytes(b"a{b:c}\n/*# sourceMappingURL=main.css.map */")
    (tmp_path / "main.css.map").write_text("{}")
    (tmp_path / "plain.js").write_bytes(b"var url='//# not a map';\n")
    assert drop_source_maps(tmp_path) == 2
    assert not list(tmp_path.rglob("*.map"))
    assert (js / "bundle.js").read_bytes() == b"var a=1;\n"
    assert (tmp_path / "main.css").read_bytes() == b"a{b:c}\n"
    assert (tmp_path / "plain.js").read_bytes() == b"var url='//# not a map';\n"
