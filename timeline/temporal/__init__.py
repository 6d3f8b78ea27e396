"""Dateline's date tagger: plain Python, no Django.

`tag(text, dct)` finds every temporal expression in a news text and resolves it against
the document (publication) date: TIMEX3 type and value, an inclusive day interval, its
granularity, and the anchor and rule that produced it.
"""

from .tagger import tag
from .timex import GRANULARITIES, TYPES, Timex

__all__ = ["GRANULARITIES", "TYPES", "Timex", "tag"]
