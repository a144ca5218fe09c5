"""Loading: paths, str and bytes; encodings detected; bad input refused with a clear error.

Every row is one phenomenon; the texts are our own, written like the corpus.
"""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import zoneplan
from zoneplan import load
from zoneplan.errors import DecodeError, InputError, ZoneplanError
from zoneplan.load import decode, read_bytes, read_text

PLAN = "青山开发区2024年工作计划\n主要目标是:规上工业增加值增长8%以上,实到外资1.5亿美元。\n"
FULLWIDTH = "青山开发区２０２４年工作计划\n主要目标是：规上工业增加值增长８％以上，实到外资１．５亿美元。\n"
TRADITIONAL = "青山開發區2024年工作計劃\n主要目標是:規上工業增加值增長8%以上,實到外資1.5億美元。\n"
CJK_ONLY = "青山开发区工作计划\n主要目标是规上工业增加值稳步增长"


@pytest.mark.parametrize(
    ("data", "text"),
    [
        # the corpus's own encoding
        pytest.param(PLAN.encode("utf-8"), PLAN, id="utf-8"),
        # Windows Notepad's UTF-8: the BOM is not part of the text
        pytest.param(codecs.BOM_UTF8 + PLAN.encode("utf-8"), PLAN, id="utf-8-bom"),
        # GB18030 and its subsets GBK and GB2312, the usual encodings of Chinese government files
        pytest.param(PLAN.encode("gb18030"), PLAN, id="gb18030"),
        pytest.param(PLAN.encode("gbk"), PLAN, id="gbk"),
        pytest.param(PLAN.encode("gb2312"), PLAN, id="gb2312"),
        # full-width digits and punctuation are decoded as they are (folding is the cleaner's job)
        pytest.param(FULLWIDTH.encode("gb18030"), FULLWIDTH, id="gb18030-fullwidth"),
        # traditional characters in GBK still read as GB18030, not as mojibake
        pytest.param(TRADITIONAL.encode("gb18030"), TRADITIONAL, id="gb18030-traditional"),
        # Big5, the traditional-script encoding
        pytest.param(TRADITIONAL.encode("big5"), TRADITIONAL, id="big5"),
        # UTF-16 with a BOM, either byte order
        pytest.param(PLAN.encode("utf-16"), PLAN, id="utf-16-bom"),
        pytest.param(codecs.BOM_UTF16_BE + PLAN.encode("utf-16-be"), PLAN, id="utf-16-be-bom"),
        # UTF-16 without a BOM: recognised from its zero bytes (ASCII) ...
        pytest.param(PLAN.encode("utf-16-le"), PLAN, id="utf-16-le-no-bom"),
        pytest.param(PLAN.encode("utf-16-be"), PLAN, id="utf-16-be-no-bom"),
        # ... even when nearly all of it is CJK and full-width (one newline is enough)
        pytest.param(CJK_ONLY.encode("utf-16-le"), CJK_ONLY, id="utf-16-le-no-bom-cjk"),
        pytest.param(CJK_ONLY.encode("utf-16-be"), CJK_ONLY, id="utf-16-be-no-bom-cjk"),
        pytest.param(FULLWIDTH.encode("utf-16-le"), FULLWIDTH, id="utf-16-le-no-bom-fullwidth"),
        # GB18030 whose last character looks like the start of a cut UTF-8 one (E5 BC is 寮)
        pytest.param("ABC寮".encode("gb18030"), "ABC寮", id="gb18030-not-truncated-utf-8"),
        # a few GB18030 characters are not taken for UTF-16 (they have no zero bytes)
        pytest.param("瞭望".encode("gb18030"), "瞭望", id="short-gb18030-not-utf-16"),
        # UTF-32 with a BOM
        pytest.param(PLAN.encode("utf-32"), PLAN, id="utf-32-bom"),
        # no newline translation: \r\n stays, so offsets index the file as it is
        pytest.param(
            PLAN.replace("\n", "\r\n").encode("gb18030"), PLAN.replace("\n", "\r\n"), id="crlf-kept"
        ),
        # a form feed (pdftotext's page break) and a tab are text
        pytest.param("第一页\f第二页\t完".encode(), "第一页\f第二页\t完", id="form-feed-and-tab"),
        # empty input is empty text (the pipeline returns an empty Plan for it)
        pytest.param(b"", "", id="empty"),
        # pure ASCII
        pytest.param(b"2024 GDP +8%", "2024 GDP +8%", id="ascii"),
    ],
)
def test_decode(data: bytes, text: str) -> None:
    assert decode(data) == text


def _random_bytes(n: int) -> bytes:
    return random.Random(7).randbytes(n)


@pytest.mark.parametrize(
    ("data", "message", "position"),
    [
        # random binary data: no encoding reads it as text
        pytest.param(
            _random_bytes(4000), "neither UTF-8, UTF-16, GB18030 nor Big5", None, id="random-binary"
        ),
        # NUL bytes in otherwise good UTF-8: binary, at the first NUL
        pytest.param("开发区".encode() + b"\x00\x01\x02abc", "NUL", 9, id="nul-bytes"),
        # control characters no text has, in bulk
        pytest.param(
            b"ab\x01\x02\x03\x04\x05\x06\x07\x08cd", "control characters", 2, id="control-characters"
        ),
        # files people hand over by mistake are named
        pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF", 0, id="pdf"),
        pytest.param(b"PK\x03\x04\x14\x00\x06\x00", "ZIP archive (DOCX", 0, id="docx"),
        pytest.param(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "old Office", 0, id="doc"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00", "PNG", 0, id="png"),
        # UTF-8 cut inside its last character: the offset of that character
        pytest.param("开发区".encode()[:8], "ends inside a multibyte character", 6, id="truncated-utf-8"),
        # a long stretch of good UTF-8, then a stray byte: corrupt UTF-8, not another encoding
        pytest.param(
            "规上工业增加值增长百分之八".encode() + b"\xff" + "以上".encode(),
            "invalid UTF-8",
            39,
            id="corrupt-utf-8",
        ),
        # UTF-16 with a BOM and an odd number of bytes: cut inside a code unit
        pytest.param(PLAN.encode("utf-16")[:-1], "invalid utf-16", None, id="truncated-utf-16-bom"),
        # UTF-16 without a BOM, odd length
        pytest.param(b"a\x00b\x00c\x00d\x00e", "odd number of bytes", 8, id="truncated-utf-16-no-bom"),
        # UTF-8 BOM then bad bytes: the offset counts the BOM
        pytest.param(codecs.BOM_UTF8 + b"ab\xff", "invalid utf-8", 5, id="utf-8-bom-then-garbage"),
    ],
)
def test_decode_refuses(data: bytes, message: str, position: int | None) -> None:
    with pytest.raises(DecodeError) as info:
        decode(data, file="plan.txt")
    err = info.value
    assert message in str(err)
    assert "plan.txt" in str(err)  # the file is named
    assert isinstance(err, ValueError)  # old `except ValueError` code keeps working
    if position is not None:
        assert err.position == position
        assert f"at {position}" in str(err)


def test_decode_names_bytes_without_a_file() -> None:
    with pytest.raises(DecodeError, match=r"<bytes>"):
        decode(b"\x00\x00\x00\x00")


def test_decode_refuses_huge_input(monkeypatch: pytest.MonkeyPatch) -> None:
    # the limit is lowered so that the test does not need 32 MiB
    monkeypatch.setattr(load, "MAX_BYTES", 100)
    with pytest.raises(InputError, match="over the 100-byte limit") as info:
        decode(b"x" * 101, file="big.txt")
    assert isinstance(info.value, OSError)
    assert "big.txt" in str(info.value)


def test_decode_refuses_non_bytes() -> None:
    with pytest.raises(InputError, match="give bytes"):
        decode("开发区")  # type: ignore[arg-type]


# --- files --------------------------------------------------------------------------


def test_read_bytes_and_text(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(PLAN.encode("gb18030"))
    assert read_bytes(path) == PLAN.encode("gb18030")
    assert read_bytes(str(path)) == PLAN.encode("gb18030")  # a str path too
    assert read_text(path) == PLAN


@pytest.mark.parametrize(
    ("make", "message"),
    [
        # a path that does not exist
        pytest.param(lambda p: p / "missing.txt", "no such file", id="missing"),
        # a directory
        pytest.param(lambda p: p, "is a directory", id="directory"),
        # a NUL in the path: the OS refuses it; still an InputError naming the path
        pytest.param(lambda p: str(p / "bad\x00name.txt"), "cannot read", id="nul-in-path"),
    ],
)
def test_read_bytes_refuses(tmp_path: Path, make: object, message: str) -> None:
    target = make(tmp_path)  # type: ignore[operator]
    with pytest.raises(InputError, match=message) as info:
        read_bytes(target)
    assert str(target).replace("\x00", "") in str(info.value).replace("\x00", "")
    assert isinstance(info.value, OSError)


def test_read_bytes_refuses_huge_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load, "MAX_BYTES", 100)
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 101)
    with pytest.raises(InputError, match="101 bytes, over the 100-byte limit"):
        read_bytes(path)


def test_read_text_names_the_file_in_decode_errors(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"%PDF-1.4\n...")
    with pytest.raises(DecodeError, match=r"scan\.pdf"):
        read_text(path)


# --- through the public API -----------------------------------------------------------


@pytest.mark.parametrize(
    "encoding",
    [
        pytest.param("utf-8", id="utf-8"),
        pytest.param("utf-8-sig", id="utf-8-bom"),
        pytest.param("gb18030", id="gb18030"),
        pytest.param("utf-16", id="utf-16"),
    ],
)
def test_parse_bytes_path_and_str_agree(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(PLAN.encode(encoding))
    from_text = zoneplan.parse(PLAN)
    for plan in (zoneplan.parse(PLAN.encode(encoding)), zoneplan.parse(path), zoneplan.parse(str(path))):
        assert [(i.text, i.span, i.base_value) for i in plan.indicators] == [
            (i.text, i.span, i.base_value) for i in from_text.indicators
        ]
        assert plan.title == from_text.title


def test_parse_empty_bytes_is_an_empty_plan() -> None:
    plan = zoneplan.parse(b"")
    assert plan.indicators == [] and plan.tasks == [] and plan.length == 0


def test_parse_binary_file_names_it(tmp_path: Path) -> None:
    path = tmp_path / "photo.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    with pytest.raises(DecodeError, match=r"photo\.png"):
        zoneplan.parse(path)


# --- properties --------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600))
def test_any_bytes_decode_or_raise_decode_error(data: bytes) -> None:
    try:
        text = decode(data)
    except ZoneplanError as exc:
        assert isinstance(exc, DecodeError)
        assert exc.position is None or 0 <= exc.position <= len(data)
    else:
        assert isinstance(text, str)


_TEXT = st.text(
    alphabet=st.sampled_from(
        list("开发区工业增长亿元万美元计划总结，。、：；（）％０１２3456789 \n\t,.:;()%-年月日是的")
    ),
    max_size=300,
)


@settings(max_examples=200, deadline=None)
@given(_TEXT, st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-32"]))
def test_text_round_trips_through_every_encoding(text: str, encoding: str) -> None:
    # A document opens with its title. (Without it a text of a few characters can be ambiguous:
    # the GB18030 bytes of 业 alone, D2 B5, are also valid UTF-8 for ҵ, and UTF-8 is preferred.)
    text = "青山开发区工作计划\n" + text
    assert decode(text.encode(encoding)) == text
