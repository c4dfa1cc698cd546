"""``python -m kenpo_wizard`` is the ``kenpo-wizard`` command."""

from __future__ import annotations

import sys

from .cli import main

sys.exit(main())
