"""Does a built site fit the host it is deployed to? ``python -m kenpo_site.host_limits site``.

The deploy workflow (``.github/workflows/deploy.yml``) publishes ``site/`` as it is to
Cloudflare Pages, which reads the site's ``_headers`` (its CSP and caching) as ``make serve``
does. Its documented limits on the free plan, checked before every deploy and in ``make test``:

- at most 20,000 files, each at most 25 MiB
  (https://developers.cloudflare.com/pages/platform/limits/);
- ``_headers``: at most 100 rules, each header line at most 2,000 characters
  (https://developers.cloudflare.com/pages/configuration/headers/).

On top, the project's own budget (issue 18): at most 100 MB in all, so the site also fits a
host that publishes a size-capped artifact (GitHub Pages: 1 GB) with room for more languages.
A language's share (its folder, or for the default language its pages outside the shared
``pyodide/``, ``assets/`` and ``wizard/`` files) is reported, and so is what five languages
would weigh.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

MAX_FILES = 20_000
MAX_FILE_BYTES = 25 * 1024 * 1024
MAX_TOTAL_BYTES = 100_000_000
MAX_HEADER_RULES = 100
MAX_HEADER_LINE = 2_000
LANGUAGES_PLANNED = 5
# shared by every language (the engine, the theme, the wizard's scripts): not a language's share
SHARED = ("pyodide/", "assets/", "wizard/app/", "search/", "sw.js", "_headers")


@dataclass
class Report:
    files: int = 0
    total: int = 0
    largest: tuple[int, str] = (0, "")
    shared: tuple[int, int] = (0, 0)  # files, bytes
    languages: dict[str, tuple[int, int]] = field(default_factory=dict)  # folder → files, bytes
    problems: list[str] = field(default_factory=list)

    def projected(self, count: int = LANGUAGES_PLANNED) -> tuple[int, int]:
        """Files and bytes with ``count`` languages, each as large as the largest one now."""
        files = max((f for f, _b in self.languages.values()), default=0)
        size = max((b for _f, b in self.languages.values()), default=0)
        return self.shared[0] + count * files, self.shared[1] + count * size


def header_problems(text: str) -> list[str]:
    """The ``_headers`` syntax Cloudflare Pages and Netlify read: a URL pattern at the start of
    a line, then indented ``Name: value`` lines; comments start with #."""
    out: list[str] = []
    rules = 0
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if len(line) > MAX_HEADER_LINE:
            out.append(f"_headers line {number}: {len(line)} characters > {MAX_HEADER_LINE}")
        if not line[0].isspace():
            if not line.startswith(("/", "https://")):
                out.append(f"_headers line {number}: a rule starts with / or https://")
            rules += 1
        elif rules == 0:
            out.append(f"_headers line {number}: a header before any URL pattern")
        else:
            name, colon, value = line.strip().partition(":")
            if not colon or not name or " " in name or not value.strip():
                out.append(f"_headers line {number}: not 'Name: value'")
    if rules > MAX_HEADER_RULES:
        out.append(f"_headers: {rules} rules > {MAX_HEADER_RULES}")
    return out


def check(site: Path, language_folders: Sequence[str] = ("en",)) -> Report:
    report = Report()
    folders = tuple(f.strip("/") + "/" for f in language_folders)
    per: dict[str, list[int]] = {"": [0, 0], **{f: [0, 0] for f in folders}}
    shared = [0, 0]
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        rel = path.relative_to(site).as_posix()
        size = path.stat().st_size
        report.files += 1
        report.total += size
        if size > report.largest[0]:
            report.largest = (size, rel)
        if size > MAX_FILE_BYTES:
            report.problems.append(f"{rel}: {size:,} bytes > {MAX_FILE_BYTES:,} (25 MiB)")
        folder = next((f for f in folders if rel.startswith(f)), "")
        bucket = shared if not folder and rel.startswith(SHARED) else per[folder]
        bucket[0] += 1
        bucket[1] += size
    report.shared = (shared[0], shared[1])
    report.languages = {k.rstrip("/") or "default": (v[0], v[1]) for k, v in per.items()}
    if report.files > MAX_FILES:
        report.problems.append(f"{report.files:,} files > {MAX_FILES:,}")
    if report.total > MAX_TOTAL_BYTES:
        report.problems.append(f"{report.total:,} bytes > {MAX_TOTAL_BYTES:,}")
    headers = site / "_headers"
    if not headers.is_file():
        report.problems.append("no _headers file (the CSP and caching would be lost)")
    else:
        report.problems += header_problems(headers.read_text(encoding="utf-8"))
    return report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kenpo_site.host_limits")
    parser.add_argument("site", nargs="?", default="site", type=Path)
    parser.add_argument("--languages", nargs="*", default=["en"], help="other languages' folders")
    args = parser.parse_args(argv)
    r = check(args.site, args.languages)
    print(f"{r.files:,} files, {r.total / 1e6:.1f} MB; largest {r.largest[1]} ({r.largest[0]:,} B)")
    print(f"  shared: {r.shared[0]:,} files, {r.shared[1] / 1e6:.1f} MB")
    for name, (files, size) in r.languages.items():
        print(f"  language {name}: {files:,} files, {size / 1e6:.1f} MB")
    files, size = r.projected()
    print(f"  with {LANGUAGES_PLANNED} languages: {files:,} files, {size / 1e6:.1f} MB")
    for p in r.problems:
        print(f"over the host's limits: {p}", file=sys.stderr)
    return 1 if r.problems else 0


if __name__ == "__main__":
    sys.exit(main())
