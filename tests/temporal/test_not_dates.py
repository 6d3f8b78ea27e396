import pytest

from .conftest import found


@pytest.mark.parametrize(
    "text",
    [
        "North Korean soldiers may soon see active combat.",
        "Officials may march to the border.",
        "Theresa May said the group would not back down.",
        "An august body of scholars agreed.",
        "March on, the general said.",
        "Some 1,500 troops and 12,000 reservists were mobilised.",
        "It cost $27 million, a 50% increase.",
        "The 45-year-old suspect was arrested.",
        "His brother is 32 years old.",
        "Call 555-2024 or +1 202 555 0199 for details.",
        "The home side won 3-1, and the final score was 102-98.",
        "World War II shaped the region.",
        "The 127th Motor Rifle Division is based near the border.",
        "Read chapter 3:16 and dial 911.",
        "Over 2000 people attended.",
        "Around 2024 soldiers were deployed.",
        "The fall of Kabul shocked the world.",
        "They fought in their 50s.",
        "Resolution 2231 was adopted.",
        "The spring offensive stalled.",
        "Black Monday is remembered by traders.",
        "The Daily Mail reported it.",
        "A second round of talks was held.",
        "Shares rose 11.30 percent by the close.",  # a decimal, not half past eleven
    ],
)
def test_not_a_date(text):
    assert found(text, "2024-10-21") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fighting broke out in 1953.", [("1953", "1953")]),
        ("In May, the army withdrew.", [("May", "2024-05")]),
        ("The bill passed on March 3.", [("March 3", "2024-03-03")]),
    ],
)
def test_ambiguous_word_in_date_context_is_a_date(text, expected):
    assert found(text, "2024-10-21") == expected
