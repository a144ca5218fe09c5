"""One exception hierarchy, rooted in :class:`ZoneplanError`.

Every concrete error also subclasses the builtin it refines (``ValueError`` or
``OSError``) so that ``except ValueError`` in older code keeps working, and
carries the file and the position it is about.

>>> try:
...     raise QuantityError("no quantity found", text="abc", position=0)
... except ValueError as exc:
...     print(exc)
no quantity found (in 'abc' at 0)
"""

from __future__ import annotations

__all__ = [
    "ConversionError",
    "DecodeError",
    "InputError",
    "LexiconError",
    "NumberError",
    "QuantityError",
    "ZoneplanError",
]


class ZoneplanError(Exception):
    """Base class of every error zoneplan raises on purpose.

    ``file`` names the document (a path or ``"<text>"``), ``text`` the
    expression being read, ``position`` a character offset (into the decoded
    document, or into ``text``) where known.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        text: str | None = None,
        position: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.text = text
        self.position = position

    def __str__(self) -> str:
        where: list[str] = []
        if self.file is not None:
            where.append(str(self.file))
        if self.text is not None:
            shown = self.text if len(self.text) <= 40 else self.text[:37] + "..."
            where.append(f"in {shown!r}")
        if self.position is not None:
            where.append(f"at {self.position}")
        return f"{self.message} ({' '.join(where)})" if where else self.message


class InputError(ZoneplanError, OSError):
    """A document could not be read: missing, not a file, too large."""

    def __init__(self, message: str, *, file: str | None = None, position: int | None = None) -> None:
        ZoneplanError.__init__(self, message, file=file, position=position)

    def __str__(self) -> str:
        return ZoneplanError.__str__(self)


class DecodeError(ZoneplanError, ValueError):
    """The bytes are not text in any encoding zoneplan reads (binary, corrupt)."""


class NumberError(ZoneplanError, ValueError):
    """A string is not a number zoneplan can read."""


class QuantityError(ZoneplanError, ValueError):
    """A string is not a quantity (number with a unit) zoneplan can read."""


class ConversionError(ZoneplanError, ValueError):
    """A conversion is impossible, e.g. CNY to USD without a rate."""


class LexiconError(ZoneplanError, ValueError):
    """A bundled data file is malformed: duplicate or contradictory entries."""
