import re

import pytest

from timeline.textfile import NotText, decode_text


def test_a_byte_order_mark_is_dropped_unless_offsets_must_count_it():
    data = "\ufeffOn June 3.".encode()
    assert decode_text(data) == "On June 3."
    assert decode_text(data, keep_bom=True) == "\ufeffOn June 3."


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b" \n\t", "empty file"),
        (b"\xef\xbb\xbf  ", "empty file"),
        (b"PK\x03\x04\x00\x00", "binary file"),
        (b"caf\xe9", "not UTF-8 text (byte 3)"),
    ],
)
def test_what_is_not_text_says_why_in_one_line(data, reason):
    with pytest.raises(NotText, match=re.escape(reason)) as error:
        decode_text(data)
    assert "\n" not in str(error.value)
