"""Bytes to text: the encodings synopsis reads, and the refusal of binary files."""

from __future__ import annotations

import codecs

from ..errors import InputError

# Byte-order marks that name their encoding; UTF-32 first, since its little-endian mark
# starts with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _legacy_byte(exc: UnicodeError) -> tuple[str, int]:
    """Error handler: a byte that is not UTF-8 inside a UTF-8 text, read as Windows-1252."""
    assert isinstance(exc, UnicodeDecodeError)
    byte = exc.object[exc.start : exc.start + 1]
    try:
        return byte.decode("cp1252"), exc.start + 1
    except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined
        return byte.decode("latin-1"), exc.start + 1


codecs.register_error("synopsis-cp1252", _legacy_byte)


def decode(data: bytes, source: str) -> str:
    """Bytes to text: a UTF-16/32 byte-order mark, else UTF-8 (BOM stripped), else
    charset detection.

    A text that is UTF-8 with a few stray legacy bytes (an article pasted together from two
    sources) keeps its UTF-8 and reads each stray byte as Windows-1252, rather than being
    guessed whole as some 8-bit code page and garbled. Newlines are normalised to ``\\n``;
    everything else is kept as it was.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{source}: invalid {encoding.upper()} (byte {exc.start})"
                ) from None
            return _checked_text(text.removeprefix("\ufeff"), source)
    if b"\x00" in data[:8192]:
        raise InputError(f"{source}: looks like a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        if not data.decode("utf-8", errors="ignore").isascii():  # real UTF-8 is in there
            text = data.decode("utf-8", errors="synopsis-cp1252").removeprefix("\ufeff")
        else:
            text = _detect(data, source)
    return _checked_text(text, source)


def _detect(data: bytes, source: str) -> str:
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise InputError(f"{source}: cannot tell its text encoding (binary file?)") from None
    # Short Western texts fit several 8-bit code pages equally well; Windows-1252 is
    # by far the most common on the web (HTML5 reads Latin-1 as it), so it wins ties.
    for match in matches:
        if match.encoding == "cp1252" and match.percent_chaos <= best.percent_chaos + 1.0:
            best = match
            break
    return str(best)


def _checked_text(text: str, source: str) -> str:
    if _looks_binary(text):
        raise InputError(f"{source}: looks like a binary file, not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return False
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    return control / len(sample) > 0.05
