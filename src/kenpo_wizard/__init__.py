"""kenpo-wizard: which document a member of 千葉県医業健康保険組合 shows at the clinic, on a given day."""

from __future__ import annotations

from .assessment import Assessment
from .errors import InputError
from .facts import Facts, parse_facts
from .rules import assess, phase_of

__all__ = ["Assessment", "Facts", "InputError", "assess", "parse_facts", "phase_of"]
__version__ = "0.1.0"
