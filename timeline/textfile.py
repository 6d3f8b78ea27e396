"""Bytes that ought to be a text: the text, or one reason in words why they are not."""

from __future__ import annotations


class NotText(ValueError):
    """Binary, not UTF-8, or empty."""


def decode_text(data: bytes, *, keep_bom: bool = False) -> str:
    """UTF-8 text with something in it. A byte-order mark is dropped unless `keep_bom`
    (offsets into the text "as given" must count it)."""
    if b"\x00" in data:
        raise NotText("binary file (NUL bytes), not text")
    try:
        text = data.decode("utf-8" if keep_bom else "utf-8-sig")
    except UnicodeDecodeError as error:
        raise NotText(f"not UTF-8 text (byte {error.start})") from None
    if not text.strip():
        raise NotText("empty file")
    return text
