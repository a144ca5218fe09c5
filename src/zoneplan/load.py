"""Load: bytes to text, detecting the encoding; nothing else is changed.

UTF-8 (with or without BOM), UTF-16 (with BOM, or recognised without one),
GB18030 (which covers GBK and GB2312) and, as a last resort, Big5 are read
without the caller saying which. The text is returned as decoded: no newline
translation, no normalisation, so every offset zoneplan reports indexes it
directly. Bytes that are not a text document raise :class:`DecodeError`
naming the file and the byte offset where the trouble is; a file that cannot
be read, or is too large, raises :class:`InputError`.

>>> decode("开发区".encode("gb18030"))
'开发区'
>>> decode(b"\\xef\\xbb\\xbf2024")
'2024'
>>> decode("规上工业增加值增长8%".encode("utf-16-le"))
'规上工业增加值增长8%'
>>> decode("开发区".encode("utf-8")[:8], file="plan.txt")
Traceback (most recent call last):
...
zoneplan.errors.DecodeError: not text: the UTF-8 ends inside a multibyte character (plan.txt at 6)

A :class:`DecodeError`'s ``position`` is a byte offset into the input.
"""

from __future__ import annotations

import codecs
import os
import re
from pathlib import Path

from .errors import DecodeError, InputError
from .lexicon import lexicon

__all__ = ["MAX_BYTES", "decode", "read_bytes", "read_text"]

#: Files larger than this are refused (no real plan is anywhere near it).
MAX_BYTES = 32 * 1024 * 1024

#: How much of the text the plausibility checks look at.
_SAMPLE = 64 * 1024

# Signatures of binary formats people hand to a text parser by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF file: extract its text first"),
    (b"PK\x03\x04", "a ZIP archive (DOCX, XLSX or similar): extract its text first"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office (DOC, XLS) file: extract its text first"),
    (b"{\\rtf", "an RTF file: extract its text first"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"Rar!", "a RAR archive"),
)

# Control characters no text document contains (tab, newlines, form feed and
# vertical tab are fine; ESC and the like are tolerated when rare).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_NUL = re.compile(r"\x00")

# Characters a Chinese plan is made of: ASCII text, CJK ideographs and their
# punctuation, full-width forms, general punctuation, Latin-1 signs, circled
# numbers, arrows and boxes. Mojibake and wrong-endian UTF-16 fall outside.
_TEXTY = re.compile(
    r"[\t\n\r\f\v\x20-\x7e\xa0-\xff\u2000-\u206f\u2100-\u27bf\u3000-\u303f\u3400-\u4dbf"
    r"\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]"
)


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a file, with a clear :class:`InputError` when it cannot be read."""
    name = os.fspath(path)
    p = Path(name)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise InputError("no such file", file=name) from None
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read: {_reason(exc)}", file=name) from None
    if p.is_dir():
        raise InputError("is a directory, not a file", file=name)
    if not p.is_file():
        raise InputError("not a regular file", file=name)
    if st.st_size > MAX_BYTES:
        raise InputError(f"file is {st.st_size} bytes, over the {MAX_BYTES}-byte limit", file=name)
    try:
        with p.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise InputError(f"cannot read: {_reason(exc)}", file=name) from None
    if len(data) > MAX_BYTES:  # grew since stat, or a device that lies about its size
        raise InputError(f"file is over the {MAX_BYTES}-byte limit", file=name)
    return data


def read_text(path: str | os.PathLike[str]) -> str:
    """Read and decode a file."""
    return decode(read_bytes(path), file=os.fspath(path))


def decode(data: bytes, *, file: str | None = None) -> str:
    """Decode document bytes, detecting UTF-8, UTF-16, GB18030 or Big5.

    Raises :class:`DecodeError` (with the byte offset) for binary, corrupt or
    truncated input and :class:`InputError` for input over :data:`MAX_BYTES`.
    """
    where = file or "<bytes>"
    if not isinstance(data, bytes | bytearray | memoryview):
        raise InputError(f"cannot decode a {type(data).__name__}: give bytes", file=where)
    data = bytes(data)
    if len(data) > MAX_BYTES:
        raise InputError(f"input is {len(data)} bytes, over the {MAX_BYTES}-byte limit", file=where)
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise DecodeError(f"not text: this is {what}", file=where, position=0)
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        enc32 = "utf-32-le" if data.startswith(codecs.BOM_UTF32_LE) else "utf-32-be"
        return _checked(_strict(data, "utf-32", where), where, enc32, 4)
    if data.startswith(codecs.BOM_UTF8):
        return _checked(_strict(data[3:], "utf-8", where, shift=3), where, "utf-8", 3)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        enc = "utf-16-le" if data.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"
        return _checked(_strict(data, "utf-16", where), where, enc, 2)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return _not_utf8(data, exc, where)
    if "\x00" in text:
        # ASCII-range UTF-16 is valid UTF-8 full of NULs
        utf16 = _utf16_without_bom(data, where)
        if utf16 is not None:
            return _checked(utf16[0], where, utf16[1])
    return _checked(text, where, "utf-8")


def _not_utf8(data: bytes, exc: UnicodeDecodeError, where: str) -> str:
    """Bytes that are not UTF-8: corrupt UTF-8, or another encoding."""
    utf16 = _utf16_without_bom(data, where)
    if utf16 is not None:
        return _checked(utf16[0], where, utf16[1])
    prefix = data[: exc.start]
    multibyte = sum(1 for b in prefix if b >= 0xC0)
    if multibyte and exc.end >= len(data) and exc.reason == "unexpected end of data":
        raise DecodeError(
            "not text: the UTF-8 ends inside a multibyte character", file=where, position=exc.start
        ) from None
    if multibyte >= 8:
        # a long stretch of good UTF-8 followed by a bad byte: corrupt, not another encoding
        raise DecodeError(f"not text: invalid UTF-8 ({exc.reason})", file=where, position=exc.start) from None
    best: tuple[float, str, str] | None = None
    for encoding in ("gb18030", "big5"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = _common_share(text, encoding)
        if best is None or score > best[0]:
            best = (score, text, encoding)
    if best is not None and best[0] >= 0.6:
        return _checked(best[1], where, best[2])
    raise DecodeError(
        "not text: the bytes are neither UTF-8, UTF-16, GB18030 nor Big5", file=where, position=exc.start
    ) from None


def _utf16_without_bom(data: bytes, where: str) -> tuple[str, str] | None:
    """The text and encoding if ``data`` reads plausibly as UTF-16 (LE or BE) without a BOM."""
    if len(data) < 2:
        return None
    head = data[:_SAMPLE]
    even_zeros, odd_zeros = head[0::2].count(0), head[1::2].count(0)
    if len(data) % 2:
        if max(even_zeros, odd_zeros) * 4 >= len(head):
            raise DecodeError(
                "not text: UTF-16 with an odd number of bytes (truncated)", file=where, position=len(data) - 1
            )
        return None
    if not (even_zeros or odd_zeros):
        # every real document has some ASCII (a newline, a digit), so its UTF-16 has zero bytes;
        # GB18030 and Big5 never do
        return None
    order = ("utf-16-le", "utf-16-be") if odd_zeros >= even_zeros else ("utf-16-be", "utf-16-le")
    for encoding in order:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _texty_share(text) >= 0.95:
            return text, encoding
    return None


def _texty_share(text: str) -> float:
    sample = text[:_SAMPLE]
    if not sample:
        return 1.0
    return len(_TEXTY.findall(sample)) / len(sample)


def _common_share(text: str, encoding: str) -> float:
    """How much of ``text`` is what real documents in ``encoding`` are made of.

    GB18030 and Big5 decode almost any byte soup into some ideographs; real
    text is mostly made of the commonest ones (GB2312 level 1, Big5 常用字).
    """
    sample = text[:_SAMPLE]
    if _texty_share(sample) < 0.95:
        return 0.0
    ideographs = [ch for ch in sample if "\u4e00" <= ch <= "\u9fff"]
    if len(ideographs) < 20:
        return 1.0  # too few to judge by frequency; the texty share above has to do
    simplified = lexicon().traditional
    common = 0
    for ch in ideographs:
        if encoding == "gb18030":
            # traditional text in GBK: judge a traditional character by its simplified form
            ch = simplified.get(ord(ch), ch)
        try:
            b = ch.encode("gb2312" if encoding == "gb18030" else "big5")
        except UnicodeEncodeError:
            continue
        if (encoding == "gb18030" and 0xB0 <= b[0] <= 0xD7) or (encoding == "big5" and 0xA4 <= b[0] <= 0xC6):
            common += 1
    return common / len(ideographs)


def _strict(data: bytes, encoding: str, where: str, *, shift: int = 0) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        truncated = exc.reason in ("unexpected end of data", "truncated data")
        what = "it ends inside a character" if truncated else exc.reason
        raise DecodeError(
            f"not text: invalid {encoding}: {what}", file=where, position=exc.start + shift
        ) from None
    return text[1:] if text.startswith("\ufeff") else text


def _checked(text: str, where: str, encoding: str, shift: int = 0) -> str:
    """Refuse decoded text that is really binary data (positions are byte offsets)."""
    nul = _NUL.search(text)
    if nul is not None:
        pos = len(text[: nul.start()].encode(encoding)) + shift
        raise DecodeError("not text: binary data (NUL characters)", file=where, position=pos)
    sample = text[:_SAMPLE]
    controls = _CONTROL.findall(sample)
    if controls and len(controls) * 100 > len(sample):
        first = _CONTROL.search(text)
        pos = len(text[: first.start()].encode(encoding)) + shift if first else shift
        raise DecodeError("not text: binary data (control characters)", file=where, position=pos)
    return text


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc)
