import pytest

from timeline.temporal.scoring import Report, error_group, format_errors, score_document


def _timex(start, end, type_="DATE", value="2024"):
    return {"start": start, "end": end, "text": "", "type": type_, "value": value}


def test_exact_match_counts_strict_relaxed_and_value():
    report = Report()
    score_document("d", "x" * 20, [_timex(0, 4)], [_timex(0, 4)], report)
    s = report.scores()
    assert (s["strict_f1"], s["relaxed_f1"], s["value_f1"]) == (1.0, 1.0, 1.0)


def test_overlap_counts_relaxed_not_strict():
    report = Report()
    score_document("d", "x" * 20, [_timex(0, 8)], [_timex(3, 8)], report)
    s = report.scores()
    assert (s["strict_f1"], s["relaxed_f1"]) == (0.0, 1.0)


def test_wrong_value_is_a_relaxed_match_but_not_a_value_hit():
    report = Report()
    score_document("d", "x" * 20, [_timex(0, 4)], [_timex(0, 4, value="2023")], report)
    assert report.scores()["value_f1"] == 0.0
    assert [e.kind for e in report.errors] == ["wrong-value"]


def test_misses_and_spurious_are_listed_with_context():
    report = Report()
    score_document("d", "In 2024 and later", [_timex(3, 7)], [_timex(12, 17)], report)
    assert sorted(e.kind for e in report.errors) == ["missed", "spurious"]
    assert "[[2024]]" in next(e.context for e in report.errors if e.kind == "missed")


def test_one_system_timex_matches_only_one_gold():
    report = Report()
    score_document("d", "x" * 20, [_timex(0, 4), _timex(5, 9)], [_timex(0, 9)], report)
    assert report.total.relaxed == 1


@pytest.mark.parametrize(
    ("gold", "system", "group"),
    [
        (("DATE", "2024"), ("DURATION", "P1Y"), "wrong value: type"),
        (("DATE", "PRESENT_REF"), ("DATE", "2024-10-21"), "wrong value: reference"),
        (("DATE", "2024"), ("DATE", "2024-10"), "wrong value: granularity"),
        (("DATE", "2024-10-08"), ("DATE", "2024-10"), "wrong value: granularity"),
        (("DATE", "2024-10-08"), ("DATE", "2023-10-08"), "wrong value: anchor"),
        (("DURATION", "P12M"), ("DURATION", "P18M"), "wrong value: anchor"),
        (("DATE", "2024-Q4"), ("DATE", "2024-10"), "wrong value: format"),
    ],
)
def test_a_wrong_value_is_grouped_by_what_differs(gold, system, group):
    report = Report()
    score_document("d", "x" * 20, [_timex(0, 4, *gold)], [_timex(0, 4, *system)], report)
    assert [error_group(e) for e in report.errors] == [group]


def test_format_errors_counts_each_group_largest_first():
    report = Report()
    text = "In 2024 and later, 2023 and 2022"
    gold = [_timex(3, 7), _timex(19, 23, value="2023"), _timex(28, 32, value="2022")]
    score_document("d", text, gold, [_timex(12, 17)], report)
    out = format_errors(report)
    table = out.split("\n\n")[0].splitlines()
    assert table[1].split() == ["span", "missed", "3"]
    assert table[2].split() == ["spurious", "1"]
    assert "## span missed (3)" in out and "## spurious (1)" in out
