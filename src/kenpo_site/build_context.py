"""What one build decides once and passes to every block and writer: its day, its assets.

A build reads the day (in Japan) once, at its start, so a build that crosses midnight gives
every page, the no-JS pages and ``build.json`` the same day. The engine's wheel and the
standard library are made once, when first needed, and shared by every language's build.
The language is the build's own (static-i18n runs one build per language): it is set around
each build by :func:`kenpo_site.i18n.use_language`, not kept here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from .assets import Assets, make_assets
from .codes import Codes, all_codes
from .day import build_day


@dataclass(frozen=True)
class BuildContext:
    day: dt.date
    # `mkdocs serve` turns this off: trimming runs Pyodide for ~15 s after each engine edit
    trim_stdlib: bool = True
    _assets: list[Assets] = field(default_factory=list, compare=False, repr=False)
    _codes: list[Codes] = field(default_factory=list, compare=False, repr=False)
    # waits for work started on another core that fills a cache this build reads
    pending: list[Callable[[], None]] = field(default_factory=list, compare=False, repr=False)

    @classmethod
    def start(cls, *, trim_stdlib: bool = True) -> BuildContext:
        """A new build: today in Japan (or ``KENPO_BUILD_DAY``), read once."""
        return cls(build_day(), trim_stdlib)

    def assets(self) -> Assets:
        """The wheel and library for the sources as they are when first asked in this build
        (each step cached on disk by content): every page and file of the build shares them."""
        if not self._assets:
            self._assets.append(make_assets(trim_stdlib=self.trim_stdlib))
        return self._assets[0]

    def codes(self) -> Codes:
        """Every result code the wizard can give from this build's day on (kenpo_site.codes),
        made once per build."""
        if not self._codes:
            while self.pending:
                self.pending.pop()()
            self._codes.append(all_codes(self.day))
        return self._codes[0]
