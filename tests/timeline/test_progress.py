"""The ingest command's progress: a bar on a terminal, plain lines in a log, a summary."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


class Terminal(StringIO):
    def isatty(self) -> bool:
        return True


def archive(tmp_path, count: int):
    path = tmp_path / "archive.jsonl"
    lines = [
        json.dumps(
            {
                "title": f"Report {n}",
                "published": "2025-03-12",
                "text": f"Report {n}: the ferry ran aground on Tuesday evening off the point.\n",
            }
        )
        for n in range(count)
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_a_terminal_gets_a_bar_redrawn_in_place_then_cleared(tmp_path):
    out, err = StringIO(), Terminal()
    call_command("ingest", str(archive(tmp_path, 2)), "--story", "s", stdout=out, stderr=err)
    drawn = err.getvalue()
    assert "\r\x1b[K[------------------------] 1/2" in drawn
    assert "\r\x1b[K[############------------] 2/2" in drawn
    assert drawn.endswith("\r\x1b[K")
    assert "\n" not in drawn


def test_a_short_run_in_a_log_prints_no_progress(tmp_path):
    err = StringIO()
    call_command("ingest", str(archive(tmp_path, 3)), "--story", "s", stdout=StringIO(), stderr=err)
    assert err.getvalue() == ""


def test_a_long_run_in_a_log_prints_plain_progress_lines(tmp_path):
    err = StringIO()
    call_command(
        "ingest", str(archive(tmp_path, 26)), "--story", "s", stdout=StringIO(), stderr=err
    )
    lines = err.getvalue().splitlines()
    assert lines[0] == "[1/26] archive.jsonl: line 1"
    assert lines[-1] == "[26/26] archive.jsonl: line 26"
    assert "\r" not in err.getvalue()


def test_the_summary_counts_the_run_and_its_time(tmp_path):
    out = StringIO()
    call_command("ingest", str(archive(tmp_path, 3)), "--story", "s", stdout=out, stderr=StringIO())
    summary = out.getvalue().strip()
    assert summary.startswith("articles: 3 new, 0 skipped (already ingested), 0 failed;")
    assert summary.endswith(" s")
