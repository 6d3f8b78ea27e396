"""Score targets on the hand-annotated regression set (tests/temporal/data/regression.jsonl)."""

from timeline.temporal.scoring import evaluate, read_jsonl

from .conftest import DATA_DIR


def _report():
    with (DATA_DIR / "regression.jsonl").open(encoding="utf-8") as lines:
        return evaluate(read_jsonl(lines, required=("dct", "text", "timexes")))


def test_regression_set_meets_the_score_targets():
    report = _report()
    scores = report.scores()
    date_counts = report.by_type["DATE"]
    assert report.total.gold >= 150
    assert scores["relaxed_f1"] >= 0.92
    assert scores["value_f1"] >= 0.85
    assert date_counts.value_ok / date_counts.relaxed >= 0.90
