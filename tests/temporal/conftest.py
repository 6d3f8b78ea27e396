from datetime import date
from pathlib import Path

import pytest

from timeline.temporal import tag

DATA_DIR = Path(__file__).parent / "data"


def found(text: str, dct: str) -> list[tuple[str, str]]:
    """(span text, value) of every expression tagged in `text`."""
    return [(t.text, t.value) for t in tag(text, date.fromisoformat(dct))]


def only(text: str, dct: str):
    """The single expression tagged in `text`."""
    timexes = tag(text, date.fromisoformat(dct))
    assert len(timexes) == 1, [(t.text, t.value) for t in timexes]
    return timexes[0]


@pytest.fixture
def data_dir() -> Path:
    return DATA_DIR
