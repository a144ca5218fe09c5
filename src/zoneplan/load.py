"""Load: bytes to text, detecting the encoding; nothing else is changed.

UTF-8 (with or without BOM), UTF-16 (with BOM, or detected from its zero
bytes) and GB18030 (which covers GBK and GB2312) are read without the caller
saying which. Bytes that are not text raise :class:`DecodeError` naming the
file. The text is returned as decoded: no newline translation, no
normalisation, so every offset zoneplan reports indexes it directly.

>>> decode("开发区".encode("gb18030"))
'开发区'
>>> decode(b"\\xef\\xbb\\xbf2024")
'2024'
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import DecodeError, InputError

__all__ = ["MAX_BYTES", "decode", "read_bytes", "read_text"]

#: Files larger than this are refused (no real plan is anywhere near it).
MAX_BYTES = 32 * 1024 * 1024


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a file, with a clear :class:`InputError` when it cannot be read."""
    p = Path(path)
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise InputError("no such file", file=str(p)) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", file=str(p)) from None
    if not p.is_file():
        raise InputError("not a regular file", file=str(p))
    if size > MAX_BYTES:
        raise InputError(f"file is {size} bytes, over the {MAX_BYTES}-byte limit", file=str(p))
    try:
        return p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", file=str(p)) from None


def read_text(path: str | os.PathLike[str]) -> str:
    """Read and decode a file."""
    return decode(read_bytes(path), file=str(path))


def _looks_binary(text: str) -> int | None:
    """Offset of the first control character that no text document has, if any."""
    for i, ch in enumerate(text[:4096]):
        if ch < " " and ch not in "\n\r\t\f\v\x1b":
            return i
    return None


def decode(data: bytes, *, file: str | None = None) -> str:
    """Decode document bytes, detecting UTF-8, UTF-16 or GB18030."""
    where = file or "<bytes>"
    if len(data) > MAX_BYTES:
        raise InputError(f"input is {len(data)} bytes, over the {MAX_BYTES}-byte limit", file=where)
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8", where)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", where)
    head = data[:4096]
    if len(head) >= 4 and head.count(0) * 4 >= len(head):
        # UTF-16 without BOM: every other byte of ASCII-range text is zero
        even_zeros = head[0::2].count(0)
        odd_zeros = head[1::2].count(0)
        encoding = "utf-16-le" if odd_zeros > even_zeros else "utf-16-be"
        return _strict(data, encoding, where)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if any(b >= 0x80 for b in data[: exc.start]):
            # valid UTF-8 multibyte text up to here: a corrupt or truncated UTF-8 file
            what = "truncated multibyte character" if exc.start >= len(data) - 3 else "invalid UTF-8"
            raise DecodeError(f"not text: {what}", file=where, position=exc.start) from None
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            raise DecodeError(
                "not text: the bytes are neither UTF-8, UTF-16 nor GB18030", file=where, position=exc.start
            ) from None
        if _gb_implausible(text):
            raise DecodeError(
                "not text: the bytes are neither UTF-8, UTF-16 nor GB18030", file=where, position=exc.start
            )
    bad = _looks_binary(text)
    if bad is not None:
        raise DecodeError("not text: binary control characters", file=where, position=bad)
    return text


def _gb_implausible(text: str) -> bool:
    """GB18030 decodes almost any bytes; random bytes give rare characters and controls."""
    if not text:
        return False
    sample = text[:4096]
    common = sum(1 for ch in sample if ch.isascii() or "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f"
                 or "\uff00" <= ch <= "\uffef" or ch in "“”‘’…—·")
    return common < 0.9 * len(sample)


def _strict(data: bytes, encoding: str, where: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeError(f"not valid {encoding}", file=where, position=exc.start) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    bad = _looks_binary(text)
    if bad is not None:
        raise DecodeError("not text: binary control characters", file=where, position=bad)
    return text
