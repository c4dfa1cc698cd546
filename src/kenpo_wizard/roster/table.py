"""Delimited text (RFC 4180, as Excel writes it) read and written without the ``csv`` module.

The browser ships a standard library trimmed to the modules the wizard loads; these few lines
keep the roster inside it. Reading is lenient as Excel is: a quote inside an unquoted cell is
a character, a quote left open runs to the end of the text; CRLF, LF and CR all end a row,
and a row that is empty gives ``[]`` (so the list's index is the row number Excel shows, less
one).
"""

from __future__ import annotations

from collections.abc import Iterable


def read_table(text: str, delimiter: str) -> list[list[str]]:
    rows: list[list[str]] = []
    row: list[str] = []
    cell: list[str] = []
    i, n = 0, len(text)
    quoted = False  # inside a quoted cell
    started = False  # the row has a cell (an empty line gives [])
    while i < n:
        c = text[i]
        if quoted:
            if c == '"':
                if i + 1 < n and text[i + 1] == '"':
                    cell.append('"')
                    i += 1
                else:
                    quoted = False
            else:
                cell.append(c)
        elif c == '"' and not cell:
            quoted = started = True
        elif c == delimiter:
            row.append("".join(cell))
            cell, started = [], True
        elif c in "\r\n":
            if c == "\r" and i + 1 < n and text[i + 1] == "\n":
                i += 1
            if started or cell:
                row.append("".join(cell))
            rows.append(row)
            row, cell, started = [], [], False
        else:
            cell.append(c)
            started = True
        i += 1
    if started or cell or row:
        row.append("".join(cell))
        rows.append(row)
    return rows


def _quoted(cell: str) -> str:
    if any(c in cell for c in ',"\r\n'):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def write_table(rows: Iterable[Iterable[object]]) -> str:
    """Comma-separated, each row ending in CRLF; a cell is quoted only when it must be (and a
    row of one empty cell is ``""``, not a blank line)."""
    out = []
    for row in rows:
        line = ",".join(_quoted(str(c)) for c in row)
        out.append((line or '""') + "\r\n")
    return "".join(out)
