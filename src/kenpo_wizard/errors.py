"""The one error type for bad input: an English code for machines, Japanese for people."""

from __future__ import annotations


class InputError(ValueError):
    """Bad input (unknown fact, bad value, impossible date, contradiction)."""

    def __init__(self, code: str, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field

    def to_dict(self) -> dict[str, str | None]:
        return {"code": self.code, "message": self.message, "field": self.field}
