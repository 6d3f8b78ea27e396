"""TimeBank conventions for financial and general news, added after the TBAQ dev review."""

import pytest

from .conftest import found

OCTOBER_1989 = "1989-10-26"  # a Thursday in 1989-Q4, when third-quarter results come out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A frequency adjective on a financial figure says what the figure is, not when.
        ("It raised its quarterly dividend to 12 cents.", []),
        ("The split and quarterly dividend will be paid.", []),
        ("It is 5% of the average daily volume.", []),
        ("Holders voted at the annual meeting.", []),
        ("It declared its initial quarterly of five cents.", []),
        # Used of events or profits it is still a frequency.
        ("The report is published annually.", [("annually", "P1Y")]),
        ("They hold daily rallies.", [("daily", "P1D")]),
        ("Ford posts its first annual profit.", [("annual", "P1Y")]),
    ],
)  # fmt: skip
def test_timebank_convention(text, expected):
    assert found(text, OCTOBER_1989) == expected
