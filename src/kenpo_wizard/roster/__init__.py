"""The clerk's month: a staff list checked against the engine, every task with its day.

A list (CSV or pasted text, one row per person) is read (:func:`read_roster`), each row is
checked for a period (:func:`check_row`: the engine's answers on the days that matter, turned
into dated tasks), and the rows make one report (:func:`report`) that can be written as CSV,
as a calendar or as text. The command line (``kenpo-wizard roster``) and the browser's
worker (:mod:`kenpo_wizard.web.roster`) share this code; spec/roster.md is its interface.
Standard library only; nothing here reads a clock or a file.
"""

from __future__ import annotations

from .check import KINDS, check_row
from .columns import COLUMNS
from .output import default_period, report, summary, template_csv, to_csv, to_ics
from .reading import Roster, Row, read_roster

__all__ = [
    "COLUMNS",
    "KINDS",
    "Roster",
    "Row",
    "check_row",
    "default_period",
    "read_roster",
    "report",
    "summary",
    "template_csv",
    "to_csv",
    "to_ics",
]
