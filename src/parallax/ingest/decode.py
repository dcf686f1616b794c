"""Bytes → text: capped reading, encoding detection, mojibake repair, NFC.

News text reaches us scraped, exported from old CMSs, pasted through Windows
tools: UTF-8 most of the time, Latin-1/cp1252 often enough, and UTF-8 that was
decoded as cp1252 once too often ("SÃ£o Paulo"). All of it must come out as the
words the outlet printed, with its typographic quotes and dashes intact, because
quotes are found by those marks.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from typing import BinaryIO

import charset_normalizer
import ftfy

#: ftfy's repairs minus everything that would rewrite characters an outlet chose:
#: curly quotes, ligatures, full-width forms and HTML entities stay as printed.
#: Line breaks are unified (CRLF, U+2028 → "\n") so that line-based cleaning sees
#: one convention; NFC is applied separately, after the repair.
REPAIR = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=True,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=True,
    fix_surrogates=True,
    remove_control_chars=True,
    normalization=None,
    explain=False,
)

#: Accented letters of the Western European languages a cp1252 newsroom writes in.
#: A cp1251 (Cyrillic) or cp1253 (Greek) file decoded as cp1252 yields other letters,
#: or words made of these alone, and is left to charset-normalizer.
_WESTERN_LETTERS = frozenset("áàâãäåçéèêëíìîïñóòôõöúùûüýÿæœªºÁÀÂÃÄÅÇÉÈÊËÍÌÎÏÑÓÒÔÕÖÚÙÛÜÝŸÆŒß")
_MAX_ALL_ACCENTED_SHARE = 0.2
_WORD = re.compile(r"[^\W\d_]+")
_MAX_CONTROL_SHARE = 0.05
#: Unicode category Cc minus the whitespace controls (tab, newline, vertical tab, form feed, return).
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


class InputError(Exception):
    """An input that cannot become an article; the message is the reason shown to the user."""


def read_capped(stream: BinaryIO, limit: int) -> bytes:
    """Read at most ``limit + 1`` bytes, enough to tell an oversized input without loading it."""
    chunks: list[bytes] = []
    remaining = limit + 1
    while remaining > 0:
        chunk = stream.read(min(remaining, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def human_size(n: int) -> str:
    if n < 1024:
        return f"{n} bytes"
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n / (1024 * 1024):.1f} MB"


def too_large(size: int | None, limit: int) -> InputError:
    stated = f"{human_size(size)} ({size} bytes)" if size is not None else f"more than {human_size(limit)}"
    return InputError(f"input is {stated}, over the {human_size(limit)} limit (max_input_bytes)")


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode raw input to text; return ``(text, encoding)`` or raise :class:`InputError`."""
    if not data:
        raise InputError("empty file")
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"undecodable bytes: starts with a {encoding} mark but {exc.reason}"
                ) from exc
    if b"\x00" in data:
        raise InputError("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    western = _western_guess(data)
    if western is not None:
        return western
    match = charset_normalizer.from_bytes(data).best()
    if match is None:
        raise InputError("undecodable bytes: not UTF-8, and no known text encoding fits")
    return str(match), match.encoding


def _western_guess(data: bytes) -> tuple[str, str] | None:
    """cp1252 (or Latin-1) when the decoded words look like pt/es/en/fr text.

    charset-normalizer alone reads short Portuguese cp1252 text as cp1250 or Big5
    ("Săo Paulo"), so the encoding this corpus actually meets is tried first. It
    is accepted when every accented letter is a Western one and the words that
    carry them also hold plain letters ("ação"); a Cyrillic or Greek code page
    read as cp1252 gives words made only of accented letters ("Ñåãîäíÿ").
    """
    try:
        text, encoding = data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        text, encoding = data.decode("latin-1"), "latin-1"  # C1 controls are mapped by the repair
    accented_words = all_accented = 0
    for word in _WORD.findall(text):
        accented = [c for c in word if ord(c) > 127 and c.isalpha()]
        if not accented:
            continue
        if any(c not in _WESTERN_LETTERS for c in accented):
            return None
        accented_words += 1
        if len(word) >= 3 and len(accented) == sum(c.isalpha() for c in word):
            all_accented += 1
    if accented_words == 0 or all_accented > _MAX_ALL_ACCENTED_SHARE * accented_words:
        return None
    return text, encoding


def check_not_binary(text: str) -> None:
    controls = len(_CONTROL.findall(text))
    if controls > _MAX_CONTROL_SHARE * len(text):
        raise InputError(f"binary file ({controls / len(text):.0%} control characters)")


def repair(text: str) -> str:
    """Undo mojibake without touching typography, then compose to NFC."""
    return unicodedata.normalize("NFC", ftfy.fix_text(text, REPAIR))


def bytes_to_text(data: bytes) -> str:
    """The whole decoding path: what ``Article.text`` is made of."""
    text, _ = decode_bytes(data)
    check_not_binary(text)
    text = repair(text)
    if not text.strip():
        raise InputError("file holds only whitespace")
    return text
