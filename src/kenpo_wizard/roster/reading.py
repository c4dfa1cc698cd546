"""Reading a staff list: bytes or text, comma or tab, the header row found and recognised.

Bytes are UTF-8 (with or without a BOM), UTF-16 with a BOM (Excel's 「Unicode テキスト」), or
else CP932 (Shift_JIS as Excel in Japan saves a CSV). The delimiter is the one (comma or tab)
that recognises more headers. The header is the first of the first lines that names at
least two known columns, so a title line above it is skipped. Row numbers are the ones the
clerk sees in Excel: the file's first line is row 1, blank lines count, a quoted cell with
line breaks is one row.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import Any

from ..i18n import _, sep_list
from .columns import COLUMN_BY_KEY, column_of

MAX_BYTES = 20_000_000  # a staff list is kilobytes; anything this large is not one
HEADER_SEARCH = 10  # lines looked at for the header row
DELIMITERS = (",", "\t")
REQUIRED_ANY = ("birth_date", "age")  # the flow asks the age of every member


@dataclass
class Row:
    number: int  # as the clerk sees it in Excel (header = row 1, first person = row 2)
    cells: dict[str, str]  # by column key; only recognised columns, stripped
    headers: dict[str, str] = field(default_factory=dict)  # key → the header as written


@dataclass
class Roster:
    columns: list[str] = field(default_factory=list)  # recognised keys, in file order
    rows: list[Row] = field(default_factory=list)
    problems: list[dict[str, Any]] = field(default_factory=list)  # file-level
    headers: dict[str, str] = field(default_factory=dict)  # key → the header as written
    delimiter: str = ","
    encoding: str = ""

    @property
    def readable(self) -> bool:
        """Whether the rows can be checked (no file-level error stops them)."""
        return not any(p["level"] == "error" and p.get("fatal") for p in self.problems)


def problem(
    code: str,
    message: str,
    *,
    row: int | None = None,
    column: str | None = None,
    level: str = "error",
    fatal: bool = False,
) -> dict[str, Any]:
    """One Problem dict (spec/roster.md); ``level`` "note" for what changes nothing."""
    out: dict[str, Any] = {"row": row, "column": column, "code": code, "message": message}
    out["level"] = level
    if fatal:
        out["fatal"] = True
    return out


def decode(data: bytes) -> tuple[str, str] | None:
    """The text and the encoding it was read in; None for what is not text (binary)."""
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = ["utf-8-sig"]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8", "cp932"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            return None
        return text, encoding
    return None


def read_roster(data: bytes | str, lang: str = "ja") -> Roster:
    """The staff list in ``data``; what stops it is a file-level problem, never an exception."""
    from ..i18n import language

    with language(lang):
        return _read(data)


def _fatal(roster: Roster, code: str, message: str) -> Roster:
    roster.problems.append(problem(code, message, fatal=True))
    return roster


def _read(data: bytes | str) -> Roster:
    roster = Roster()
    if isinstance(data, bytes):
        if len(data) > MAX_BYTES:
            return _fatal(roster, "too_large", _("ファイルが大きすぎます（20MBまで）。"))
        if data.startswith(b"PK\x03\x04"):
            return _fatal(
                roster,
                "spreadsheet_file",
                _(
                    "Excel のブック（.xlsx）は読めません。Excel で「名前を付けて保存」から"
                    "「CSV（コンマ区切り）」を選んで保存したファイルを開いてください。"
                ),
            )
        decoded = decode(data)
        if decoded is None:
            return _fatal(
                roster,
                "not_text",
                _(
                    "表のファイル（CSV）として読めません。Excel で「CSV（コンマ区切り）」として"
                    "保存したファイルか、表をコピーして貼り付けてください。"
                ),
            )
        text, roster.encoding = decoded
    else:
        text, roster.encoding = data.removeprefix("\ufeff"), "str"
        if "\x00" in text:
            return _fatal(roster, "not_text", _("表のファイル（CSV）として読めません。"))
    if not text.strip():
        return _fatal(
            roster, "empty", _("ファイルが空です。見出しの行と1人1行の表を入れてください。")
        )
    records, delimiter, header_at = _best_table(text)
    roster.delimiter = delimiter
    if header_at is None:
        widest = max((len(r) for r in records[:HEADER_SEARCH]), default=0)
        if widest <= 1:
            return _fatal(
                roster,
                "not_a_table",
                _(
                    "表として読めません（列が1つしかありません）。列はコンマかタブで区切ってください。"
                    "見出しの例：{headers}"
                ).format(headers=_example_headers()),
            )
        return _fatal(
            roster,
            "no_header",
            _(
                "見出しの行が見つかりません。1行目に列の名前を入れてください。"
                "使える列の名前：{headers}"
            ).format(headers=_example_headers()),
        )
    header = records[header_at]
    keys: list[str | None] = []
    extra: list[str] = []
    for cell in header:
        key = column_of(cell)
        if key is not None and key in roster.columns:
            roster.problems.append(
                problem(
                    "duplicate_column",
                    _("「{header}」の列が2つあります。最初の「{first}」の列を使います。").format(
                        header=cell.strip(), first=roster.headers[key]
                    ),
                    row=header_at + 1,
                    column=cell.strip(),
                    level="note",
                )
            )
            key = None
        elif key is not None:
            roster.columns.append(key)
            roster.headers[key] = cell.strip()
        elif cell.strip():
            extra.append(cell.strip())
        keys.append(key)
    if extra:
        roster.problems.append(
            problem(
                "extra_columns",
                _("使わない列は読み飛ばしました：{names}").format(names=sep_list().join(extra)),
                row=header_at + 1,
                level="note",
            )
        )
    if not any(k in roster.columns for k in REQUIRED_ANY):
        roster.problems.append(
            problem(
                "missing_column",
                _(
                    "「{birth}」か「{age}」の列がありません。年齢で手続きが変わるため（70歳・75歳）、"
                    "どちらかの列を加えてください。それまでは、行ごとに年齢を確かめてほしいこととして示します。"
                ).format(
                    birth=_(COLUMN_BY_KEY["birth_date"].label), age=_(COLUMN_BY_KEY["age"].label)
                ),
                column=None,
            )
        )
    if "relation" not in roster.columns:
        roster.problems.append(
            problem(
                "relation_absent",
                _(
                    "「{column}」の列がないため、全員を勤務先を通じて加入している方"
                    "（本人・家族。任意継続ではない方）として確認しました。"
                ).format(column=_(COLUMN_BY_KEY["relation"].label)),
                level="note",
            )
        )
    for index in range(header_at + 1, len(records)):
        record = records[index]
        cells = {
            key: value.strip()
            for key, value in zip(keys, record, strict=False)
            if key is not None and value.strip()
        }
        if not cells:
            continue  # a blank line, or only ignored columns
        roster.rows.append(Row(index + 1, cells, roster.headers))
    if not roster.rows:
        roster.problems.append(
            problem("no_rows", _("見出しの行の下に、確認する方の行がありません。"), level="note")
        )
    return roster


def _records(text: str, delimiter: str) -> list[list[str]]:
    # newline="" semantics: a quoted cell may hold line breaks; "\r\n", "\r" and "\n" end rows.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return [list(r) for r in reader]
    except csv.Error:
        # an unbalanced quote: read without quoting, so every line is still one row
        reader = csv.reader(
            io.StringIO(text, newline=""), delimiter=delimiter, quoting=csv.QUOTE_NONE
        )
        return [list(r) for r in reader]


def _best_table(text: str) -> tuple[list[list[str]], str, int | None]:
    """The records, the delimiter and the header's index, for the delimiter that recognises
    the most columns in the first lines."""
    best: tuple[int, list[list[str]], str, int | None] | None = None
    for delimiter in DELIMITERS:
        if delimiter not in text:
            continue
        records = _records(text, delimiter)
        found = _header(records)
        score = found[1] if found else 0
        if best is None or score > best[0]:
            best = (score, records, delimiter, found[0] if found else None)
    if best is None:  # neither comma nor tab: one column
        return _records(text, ","), ",", None
    return best[1], best[2], best[3]


def _header(records: list[list[str]]) -> tuple[int, int] | None:
    """The first line (of the first few) naming two known columns: (index, how many)."""
    for index, record in enumerate(records[:HEADER_SEARCH]):
        found = {column_of(c) for c in record} - {None}
        if len(found) >= 2:
            return index, len(found)
    return None


def _example_headers() -> str:
    return sep_list().join(c.headers[0] for c in COLUMN_BY_KEY.values())
