from timeline.temporal.scoring import Report, score_document


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
