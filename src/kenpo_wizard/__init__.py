"""kenpo-wizard: which document a member of 千葉県医業健康保険組合 shows at the clinic, on a given day."""

from __future__ import annotations

__version__ = "0.1.0"
